package io.dossier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** In production a service logs JSON lines that a log collector reads: one object per line, with its fields. */
@ExtendWith(PlatformExtension.class)
class JsonLogsTest {

    @Test
    void aServiceInProductionLogsOneJsonObjectPerLine() throws IOException {
        Process service = Platform.launchAlone("gateway-json-logs", "gateway", 18096,
                Map.of("DOSSIER_LOG_FORMAT", "json"));
        try {
            ObjectMapper json = new ObjectMapper();
            // the line that says it started comes after the switch, as everything it logs from then on
            List<JsonNode> lines = Awaitility.await("a JSON line saying the service started")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> objects(json), found -> found.stream().anyMatch(l -> l.path("message").asText()
                            .contains("started in")));
            JsonNode started = lines.stream().filter(l -> l.path("message").asText().contains("started in"))
                    .findFirst().orElseThrow();
            assertThat(started.path("level").asText()).isEqualTo("INFO");
            assertThat(started.path("loggerName").asText()).isEqualTo("io.quarkus");
            assertThat(started.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            assertThat(started.path("threadName").asText()).isNotBlank();
        } finally {
            service.destroy();
        }
    }

    /** The lines of the service's log that are JSON objects. */
    private static List<JsonNode> objects(ObjectMapper json) throws IOException {
        return Files.readAllLines(Platform.log("gateway-json-logs")).stream().filter(l -> l.startsWith("{"))
                .map(l -> {
                    try {
                        return json.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError("not one JSON object: " + l, e);
                    }
                }).toList();
    }
}
