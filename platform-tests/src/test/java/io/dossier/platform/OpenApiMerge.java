package io.dossier.platform;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The API entry's one document: every {@code /api/v1} path the gateway forwards, from the document of the service
 * it forwards to, with their schemas (a name two services use for different schemas is prefixed with the service's
 * name), the services' tags, and the two ways an integrator authenticates: a bearer token, or the client-credentials
 * flow that issues one. Every operation also documents the gateway's own answers (rate limit, service unavailable).
 */
final class OpenApiMerge {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMAS = "#/components/schemas/";
    private static final java.util.List<String> RATE_LIMIT_HEADERS = java.util.List.of("RateLimit-Limit",
            "RateLimit-Remaining", "RateLimit-Reset");

    /** One service's document and the name its schemas are prefixed with when they clash. */
    record Service(String name, String prefix, JsonNode document) {
    }

    private OpenApiMerge() {
    }

    /**
     * @param routes the gateway's routes: the first segment after /api/v1/ to the name of the service owning it
     * @param tokenUrl the identity provider's token endpoint, for the client-credentials flow
     */
    static ObjectNode merge(Iterable<Service> services, Map<String, String> routes, String serverUrl,
            String tokenUrl) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Dossier API");
        info.put("version", "1");
        info.put("description", "Every service of Dossier through its one entry, the gateway: sources, the entity "
                + "registry, search, watches and webhooks. Authenticate with a bearer token from the identity "
                + "provider: an integrator's client obtains one with the client-credentials grant. Errors are "
                + "RFC 9457 problem details (application/problem+json).");
        merged.putArray("servers").addObject().put("url", serverUrl);
        ArrayNode security = merged.putArray("security"); // either: both end in a bearer token
        security.addObject().putArray("bearer");
        security.addObject().putArray("clientCredentials");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode headers = components.putObject("headers");
        header(headers, "RateLimit-Limit", "Calls the caller's bucket holds (its burst)");
        header(headers, "RateLimit-Remaining", "Calls left in the bucket now");
        header(headers, "RateLimit-Reset", "Seconds until the bucket is full again");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        securitySchemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token of the realm dossier");
        securitySchemes.putObject("clientCredentials").put("type", "oauth2")
                .put("description", "An integrator's client (a confidential client of the realm with a service "
                        + "account) obtains its token here")
                .putObject("flows").putObject("clientCredentials").put("tokenUrl", tokenUrl).putObject("scopes");
        Map<String, String> tagsSeen = new LinkedHashMap<>();
        for (Service service : services) {
            Map<String, String> renamed = schemas(service, schemas);
            JsonNode doc = rewrite(service.document(), renamed);
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                String[] segments = path.getKey().split("/");
                if (segments.length < 4 || !path.getKey().startsWith("/api/v1/")
                        || !service.name().equals(routes.get(segments[3]))) {
                    continue; // not forwarded to this service: not part of the entry's API
                }
                if (paths.has(path.getKey())) {
                    throw new IllegalStateException(path.getKey() + " is in two services' documents");
                }
                paths.set(path.getKey(), operations((ObjectNode) path.getValue().deepCopy()));
            }
            for (JsonNode tag : doc.path("tags")) {
                if (tagsSeen.putIfAbsent(tag.path("name").asText(), service.name()) == null) {
                    tags.add(tag);
                }
            }
        }
        return merged;
    }

    /** Each operation with the entry's security and the gateway's own answers. */
    private static ObjectNode operations(ObjectNode item) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> op = it.next();
            if (!(op.getValue() instanceof ObjectNode operation) || !operation.has("responses")) {
                continue;
            }
            operation.remove("security"); // the document's own requirement applies: a bearer token
            ObjectNode responses = (ObjectNode) operation.get("responses");
            if (!responses.has("401")) {
                responses.set("401", problem("No valid bearer token or session"));
            }
            ObjectNode limited = problem("Too many requests from this caller; try again after Retry-After seconds");
            ObjectNode limitedHeaders = limited.putObject("headers");
            for (String name : RATE_LIMIT_HEADERS) {
                limitedHeaders.putObject(name).put("$ref", "#/components/headers/" + name);
            }
            limitedHeaders.putObject("Retry-After").put("description", "Seconds to wait").putObject("schema")
                    .put("type", "integer");
            responses.set("429", limited);
            if (!responses.has("503")) {
                responses.set("503", problem("The service that owns this path is unavailable; try again shortly"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext();) {
                Map.Entry<String, JsonNode> response = rs.next();
                if (response.getKey().equals("401") || response.getKey().equals("429")) {
                    continue; // refused before the rate limit is counted; 429 has them already
                }
                // the gateway's rate limit, on every answer it relays
                ObjectNode answer = (ObjectNode) response.getValue();
                ObjectNode headers = answer.has("headers")
                        ? (ObjectNode) answer.get("headers")
                        : answer.putObject("headers");
                for (String name : RATE_LIMIT_HEADERS) {
                    headers.putObject(name).put("$ref", "#/components/headers/" + name);
                }
            }
        }
        return item;
    }

    private static void header(ObjectNode headers, String name, String description) {
        headers.putObject(name).put("description", description).putObject("schema").put("type", "integer")
                .put("minimum", 0);
    }

    private static ObjectNode problem(String description) {
        ObjectNode response = JSON.createObjectNode().put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", SCHEMAS + "Problem");
        return response;
    }

    /**
     * Adds a service's schemas: one another service already added the same way is shared, one that differs under
     * the same name is added under the service's prefix. Answers the renames.
     */
    private static Map<String, String> schemas(Service service, ObjectNode schemas) {
        JsonNode own = service.document().path("components").path("schemas");
        Map<String, String> renamed = new HashMap<>();
        boolean more = true;
        while (more) { // a schema that refers to a renamed one may differ only by that reference: until none is left
            more = false;
            for (Iterator<String> names = own.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!renamed.containsKey(name) && schemas.has(name)
                        && !schemas.get(name).equals(rewrite(own.get(name), renamed))) {
                    renamed.put(name, service.prefix() + name);
                    more = true;
                }
            }
        }
        // the schemas refer to one another: rewrite their references before comparing or adding them
        JsonNode rewritten = rewrite(own, renamed);
        for (Iterator<Map.Entry<String, JsonNode>> it = rewritten.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> schema = it.next();
            String name = renamed.getOrDefault(schema.getKey(), schema.getKey());
            JsonNode existing = schemas.get(name);
            if (existing != null && !existing.equals(schema.getValue())) {
                throw new IllegalStateException("two services define the schema " + name + " differently");
            }
            schemas.set(name, schema.getValue());
        }
        return renamed;
    }

    /** A copy of {@code node} with every reference to a renamed schema pointing at its new name. */
    static JsonNode rewrite(JsonNode node, Map<String, String> renamed) {
        JsonNode copy = node.deepCopy();
        if (!renamed.isEmpty()) {
            rewriteInPlace(copy, renamed);
        }
        return copy;
    }

    private static void rewriteInPlace(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String to = renamed.get(ref.asText().substring(SCHEMAS.length()));
                if (to != null) {
                    object.set("$ref", TextNode.valueOf(SCHEMAS + to));
                }
            }
            object.elements().forEachRemaining(child -> rewriteInPlace(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteInPlace(child, renamed));
        }
    }
}
