package io.dossier.platform;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every /api/v1 operation the services' own OpenAPI documents describe, for the tests that call them all. */
final class ApiOperations {

    static final Map<String, Integer> SERVICES = Map.of("sources", 18081, "entities", 18082, "search", 18083);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation: its service, method, path template, query parameter names and request body type, if any. */
    record Operation(String service, int port, String method, String template, List<String> query,
            String contentType) {

        /** The path with every parameter filled with a fresh id. */
        String path() {
            return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    private ApiOperations() {
    }

    static List<Operation> all() throws Exception {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            JsonNode paths = JSON.readTree(given().baseUri("http://localhost:" + service.getValue())
                    .queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString())
                    .get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
                Map.Entry<String, JsonNode> path = p.next();
                if (!path.getKey().startsWith("/api/v1/")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext();) {
                    Map.Entry<String, JsonNode> method = m.next();
                    if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        continue;
                    }
                    List<String> query = new ArrayList<>();
                    for (JsonNode param : method.getValue().path("parameters")) {
                        if ("query".equals(param.path("in").asText())) {
                            query.add(param.path("name").asText());
                        }
                    }
                    JsonNode body = method.getValue().path("requestBody").path("content");
                    String type = body.fieldNames().hasNext() ? body.fieldNames().next() : null;
                    out.add(new Operation(service.getKey(), service.getValue(), method.getKey().toUpperCase(),
                            path.getKey(), query, type));
                }
            }
        }
        return out;
    }
}
