package io.dossier.common.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.dossier.common.problem.Problem;

/**
 * What every service's OpenAPI document promises integrators, applied once here rather than on each endpoint: every
 * error answer is a {@link Problem} (the ones Quarkus adds for 401 and 403 carry no body otherwise, though the
 * services answer them with a problem), and every response header has a schema (OpenAPI requires one, and client
 * generators stop without it). Registered with {@code mp.openapi.filter} in each service.
 */
public class ContractFilter implements OASFilter {

    public static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> e : operation.getResponses().getAPIResponses().entrySet()) {
                    describe(e.getKey(), e.getValue());
                }
            }
        }
    }

    private static void describe(String status, APIResponse response) {
        boolean error = status.startsWith("4") || status.startsWith("5");
        if (error && (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty())) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        }
        if (response.getHeaders() == null) {
            return;
        }
        for (Map.Entry<String, Header> h : response.getHeaders().entrySet()) {
            Header header = h.getValue();
            if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                header.setSchema(schemaOf(h.getKey()));
            }
        }
    }

    /** The value's type for the headers the services send. */
    static Schema schemaOf(String header) {
        return switch (header.toLowerCase(java.util.Locale.ROOT)) {
            case "location", "content-location" -> OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING).format("uri-reference");
            case "retry-after" -> OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(
                    java.math.BigDecimal.ZERO);
            default -> OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        };
    }
}
