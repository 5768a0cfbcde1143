package io.dossier.names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON Lines file (re3d's exports, the sample registry) as its objects; a leading byte-order mark is skipped. */
public final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String json = line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (!json.isBlank()) {
                nodes.add(JSON.readTree(json));
            }
        }
        return nodes;
    }
}
