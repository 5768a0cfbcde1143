package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dossier.testinfra.CodeFlowSession;
import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;

/**
 * The API contracts integrators generate clients from. Each service's OpenAPI document passes the generators' parser
 * and the rules of {@link OpenApiRules}; the gateway publishes the merge of what it forwards, which is the file
 * {@code gateway/src/main/resources/META-INF/openapi.json} (the Java client module is generated from it at build
 * time). When a service's API changes, this test fails until that file is written again:
 * {@code ./mvnw -o verify -pl platform-tests -Dtest=ApiContractTest -Ddossier.openapi.write=true}, after which the
 * gateway and the client are packaged again ({@code ./mvnw -o install -DskipTests -pl gateway,api-client}).
 */
@ExtendWith(PlatformExtension.class)
class ApiContractTest {

    static final Path MERGED = Path.of("../gateway/src/main/resources/META-INF/openapi.json");
    /** The address and token endpoint the file names; the gateway answers with its own. */
    static final String FILE_SERVER = "http://localhost:8080";
    static final String FILE_TOKEN_URL = "http://localhost:8180/realms/dossier/protocol/openid-connect/token";
    private static final Pattern ROUTE = Pattern.compile("(?m)^dossier\\.gateway\\.routes\\.([a-z-]+)=http://localhost:"
            + "(\\d+)\\s*$");
    private static final Map<Integer, String> SERVICE_BY_DEV_PORT = Map.of(8081, "sources", 8082, "entities", 8083,
            "search");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sources, 18081", "entities, 18082", "search, 18083"})
    void eachServiceDocumentIsValid(String service, int port) {
        String json = document(port);
        List<String> findings = OpenApiRules.findings(json, read(json));
        System.out.printf("%s service's OpenAPI document: %d findings%n", service, findings.size());
        assertThat(findings).as("the %s service's OpenAPI document", service).isEmpty();
    }

    @Test
    void theGatewayPublishesTheMergedDocumentOfWhatItForwards() throws IOException {
        List<OpenApiMerge.Service> services = new ArrayList<>();
        services.add(new OpenApiMerge.Service("sources", "Sources", read(document(18081))));
        services.add(new OpenApiMerge.Service("entities", "Entities", read(document(18082))));
        services.add(new OpenApiMerge.Service("search", "Search", read(document(18083))));
        ObjectNode merged = OpenApiMerge.merge(services, routes(), FILE_SERVER, FILE_TOKEN_URL);
        String mergedJson = OpenApiMerge.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged) + "\n";
        List<String> findings = OpenApiRules.findings(mergedJson, merged);
        System.out.printf("merged OpenAPI document: %d paths, %d schemas, %d findings%n", merged.path("paths").size(),
                merged.path("components").path("schemas").size(), findings.size());
        assertThat(findings).as("the merged document").isEmpty();
        if (Boolean.getBoolean("dossier.openapi.write")) {
            Files.writeString(MERGED, mergedJson);
        }
        JsonNode committed = read(Files.readString(MERGED));
        assertThat(differences(committed, merged, ""))
                .as("%s is the merge of the services' documents: write it again with "
                        + "-Ddossier.openapi.write=true, then package the gateway (see this test's comment)", MERGED)
                .isEmpty();

        // what the gateway serves: the file, with its own address and identity provider
        CodeFlowSession session = CodeFlowSession.signIn(URI.create(Platform.GATEWAY), Tokens.READER, "/search");
        var served = session.get("/q/openapi?format=json");
        assertThat(served.statusCode()).isEqualTo(200);
        ObjectNode answer = (ObjectNode) read(served.body());
        assertThat(answer.path("servers").path(0).path("url").asText()).isEqualTo(Platform.GATEWAY);
        ObjectNode flow = (ObjectNode) answer
                .at("/components/securitySchemes/clientCredentials/flows/clientCredentials");
        assertThat(flow.path("tokenUrl").asText()).isEqualTo(LocalStack.OIDC_URL + "/protocol/openid-connect/token");
        flow.put("tokenUrl", FILE_TOKEN_URL);
        answer.set("servers", merged.get("servers"));
        assertThat(differences(answer, merged, "")).as("what the gateway serves against the merge").isEmpty();
        assertThat(answer.path("paths").has("/api/v1/{path}")).isFalse();
    }

    /** Where two documents differ, as JSON pointers (at most 20), rather than both documents whole. */
    static List<String> differences(JsonNode a, JsonNode b, String at) {
        List<String> found = new ArrayList<>();
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!a.has(name) || !b.has(name)) {
                    found.add(path + (a.has(name) ? " only in the first" : " only in the second"));
                } else {
                    found.addAll(differences(a.get(name), b.get(name), path));
                }
                if (found.size() >= 20) {
                    return found.subList(0, 20);
                }
            }
        } else if (!a.equals(b)) {
            found.add(at + ": " + abbreviate(a) + " against " + abbreviate(b));
        }
        return found;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /** The gateway's routes as its configuration states them for the local stack: segment to service. */
    static Map<String, String> routes() throws IOException {
        String properties = Files.readString(Path.of("../gateway/src/main/resources/application.properties"));
        Map<String, String> routes = new LinkedHashMap<>();
        Matcher m = ROUTE.matcher(properties);
        while (m.find()) {
            routes.put(m.group(1), SERVICE_BY_DEV_PORT.get(Integer.parseInt(m.group(2))));
        }
        assertThat(routes).as("the gateway's routes").isNotEmpty().doesNotContainValue(null);
        return routes;
    }

    private static String document(int port) {
        return given().baseUri("http://localhost:" + port).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
    }

    static JsonNode read(String json) {
        try {
            return OpenApiMerge.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }
}
