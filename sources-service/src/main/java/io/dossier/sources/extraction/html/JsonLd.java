package io.dossier.sources.extraction.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The article described by a page's JSON-LD blocks, if any; invalid blocks are skipped. */
record JsonLd(String headline, String articleBody, List<String> authors, String datePublished, String publisher) {

    static final JsonLd NONE = new JsonLd(null, null, List.of(), null, null);

    /** Pages hand-write JSON-LD: accept the usual slips (raw newlines in strings, trailing commas, comments). */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonParser.Feature.IGNORE_UNDEFINED)
            .build();

    static JsonLd read(Document doc) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data().strip();
            if (json.isEmpty() || json.length() > 2_000_000) {
                continue;
            }
            try {
                collect(MAPPER.readTree(json), objects, 0);
            } catch (Exception e) {
                // a broken block says nothing; the page's other signals still count
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode node : objects) {
            String id = node.path("@id").asText("");
            if (!id.isEmpty()) {
                byId.putIfAbsent(id, node);
            }
        }
        JsonNode article = null;
        int best = 0;
        for (JsonNode node : objects) {
            int rank = rank(node);
            if (rank > best) {
                best = rank;
                article = node;
            }
        }
        if (article == null) {
            return NONE;
        }
        return new JsonLd(text(article.get("headline")), text(article.get("articleBody")),
                names(article.get("author"), byId),
                text(article.get("datePublished")), first(names(article.get("publisher"), byId)));
    }

    private static void collect(JsonNode node, List<JsonNode> into, int depth) {
        if (node == null || depth > 8) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, into, depth + 1));
        } else if (node.isObject()) {
            into.add(node);
            collect(node.get("@graph"), into, depth + 1);
            collect(node.get("mainEntity"), into, depth + 1);
            collect(node.get("mainEntityOfPage"), into, depth + 1);
        }
    }

    /** Higher for nodes that look more like the page's article; 0 for nodes that are not an article at all. */
    private static int rank(JsonNode node) {
        String type = types(node).toString().toLowerCase();
        int rank = 0;
        if (type.contains("article") || type.contains("posting") || type.contains("report")) {
            rank += 4;
        } else if (type.contains("webpage") || type.contains("creativework")) {
            rank += 1;
        }
        if (node.hasNonNull("articleBody")) {
            rank += 4;
        }
        if (node.hasNonNull("headline")) {
            rank += 2;
        }
        if (node.hasNonNull("datePublished")) {
            rank += 1;
        }
        return rank >= 3 ? rank : 0;
    }

    private static Set<String> types(JsonNode node) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = node.get("@type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        return types;
    }

    private static List<String> names(JsonNode node, Map<String, JsonNode> byId) {
        List<String> names = new ArrayList<>();
        addNames(node, byId, names, 0);
        return names;
    }

    private static void addNames(JsonNode node, Map<String, JsonNode> byId, List<String> into, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> addNames(child, byId, into, depth + 1));
        } else if (node.isTextual()) {
            String name = Texts.normalize(node.asText());
            if (!name.isEmpty() && !into.contains(name)) {
                into.add(name);
            }
        } else if (node.isObject()) {
            JsonNode name = node.get("name");
            if (name == null && node.has("@id") && byId.containsKey(node.get("@id").asText())) {
                JsonNode target = byId.get(node.get("@id").asText());
                name = target == node ? null : target.get("name");
            }
            if (name != null && !name.isContainerNode()) {
                addNames(name, byId, into, depth + 1);
            }
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isContainerNode()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
