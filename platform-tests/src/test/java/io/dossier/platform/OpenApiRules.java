package io.dossier.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * What an integrator's tools need from an OpenAPI document, as a list of findings (empty when the document is fit):
 * what the parser that client generators use reports (its errors and warnings), and the rules that document a
 * response fully, which that parser does not check for OpenAPI 3.1.
 */
final class OpenApiRules {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** The requests an integrator writes first: their bodies carry examples. */
    static final Set<String> MAIN_REQUESTS = Set.of("createSource", "createEntity", "createRelation", "matchName",
            "linkText", "createWatch", "createWebhook");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private OpenApiRules() {
    }

    static List<String> findings(String json, JsonNode doc) {
        List<String> findings = new ArrayList<>();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        var parsed = new OpenAPIV3Parser().readContents(json, null, options);
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(m -> findings.add("parser: " + m));
        }
        if (parsed.getOpenAPI() == null) {
            findings.add("parser: not a readable OpenAPI document");
            return findings;
        }
        if (!doc.path("components").path("schemas").has("Problem")) {
            findings.add("components.schemas.Problem is missing");
        }
        Map<String, String> operationIds = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operation(doc, path.getKey(), path.getValue(), op.getKey(), op.getValue(), operationIds,
                            findings);
                }
            }
        }
        return findings;
    }

    private static void operation(JsonNode doc, String path, JsonNode item, String method, JsonNode op,
            Map<String, String> operationIds, List<String> findings) {
        String where = method.toUpperCase() + " " + path;
        String id = op.path("operationId").asText(null);
        if (id == null) {
            findings.add(where + ": no operationId (a generated client would name the method after the path)");
        } else if (operationIds.putIfAbsent(id, where) != null) {
            findings.add(where + ": operationId " + id + " is also " + operationIds.get(id));
        }
        Matcher template = TEMPLATE.matcher(path);
        while (template.find()) {
            String name = template.group(1);
            if (!declares(item.path("parameters"), name) && !declares(op.path("parameters"), name)) {
                findings.add(where + ": path parameter {" + name + "} is not declared");
            }
        }
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext();) {
            Map.Entry<String, JsonNode> r = rs.next();
            String status = r.getKey();
            success |= status.startsWith("2") || status.startsWith("3");
            for (Iterator<Map.Entry<String, JsonNode>> hs = r.getValue().path("headers").fields(); hs.hasNext();) {
                Map.Entry<String, JsonNode> h = hs.next();
                if (!h.getValue().has("schema") && !h.getValue().has("content") && !h.getValue().has("$ref")) {
                    findings.add(where + " " + status + ": header " + h.getKey() + " has no schema");
                }
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                JsonNode content = r.getValue().path("content");
                if (content.size() != 1
                        || !PROBLEM_REF.equals(content.path("application/problem+json").path("schema")
                                .path("$ref").asText())) {
                    findings.add(where + " " + status + ": an error answer that is not one application/problem+json "
                            + "Problem: " + content);
                }
            }
        }
        if (!success) {
            findings.add(where + ": no successful answer documented");
        }
        if (id != null && MAIN_REQUESTS.contains(id)) {
            examples(doc, where, op.path("requestBody").path("content").path("application/json"), findings);
        }
    }

    private static boolean declares(JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            if ("path".equals(p.path("in").asText()) && name.equals(p.path("name").asText())
                    && p.path("required").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** A main request's body: an example of its own, or one on each required property a user types in. */
    private static void examples(JsonNode doc, String where, JsonNode media, List<String> findings) {
        if (media.isMissingNode()) {
            findings.add(where + ": a main request without a JSON body");
            return;
        }
        if (media.has("example") || media.has("examples")) {
            return;
        }
        JsonNode schema = resolve(doc, media.path("schema"));
        List<String> missing = new ArrayList<>();
        for (JsonNode required : schema.path("required")) {
            JsonNode property = schema.path("properties").path(required.asText());
            boolean typed = property.has("type") && !"array".equals(property.path("type").asText())
                    && !"object".equals(property.path("type").asText());
            if (typed && !property.has("examples") && !property.has("example")) {
                missing.add(required.asText());
            }
        }
        if (!missing.isEmpty()) {
            findings.add(where + ": no example for the required " + missing);
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
