package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;

/**
 * The five raw articles Dossier was born from (../shared/seeds), through the whole platform. Part of the
 * shared-corpus suite: it needs ../shared beside the repository.
 */
@Tag("shared-corpus")
@ExtendWith(PlatformExtension.class)
class SeedsTest {

    static List<Path> seeds() throws IOException {
        Path dir = LocalStack.shared().resolve("seeds");
        assertThat(dir).as("the shared-corpus suite needs ../shared/seeds").isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Test
    void theFiveSeedsGoInIntactAndAreAllFoundByWhatTheyShare() throws IOException {
        List<Path> seeds = seeds();
        assertThat(seeds).hasSize(5);
        String analyst = Tokens.forUser(Tokens.ANALYST);
        String reader = Tokens.forUser(Tokens.READER);
        // the demo's registry first, so the seeds are linked to its actors as they are indexed
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .contentType("application/x-ndjson")
                .body(Files.readAllBytes(LocalStack.root().resolve("deploy/sample-data/entities/registry.jsonl")))
                .post("/api/v1/entities/imports/dossier").then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> !given().baseUri(Platform.GATEWAY).auth().oauth2(reader).contentType(ContentType.JSON)
                        .body(Map.of("text", "A statement by Kataib Hezbollah.")).post("/api/v1/mentions")
                        .then().statusCode(200).extract().jsonPath().getList("mentions").isEmpty());
        List<String> ids = new ArrayList<>();
        for (Path seed : seeds) {
            String text = Files.readString(seed, StandardCharsets.UTF_8);
            Map<String, Object> body = Map.of("title", "Seed " + seed.getFileName(), "text", text);
            String id = given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/sources")
                    .then().statusCode(201).extract().path("id");
            ids.add(id);
            String stored = given().baseUri(Platform.GATEWAY).auth().oauth2(reader)
                    .get("/api/v1/sources/" + id + "/text").then().statusCode(200).extract().asString();
            assertThat(stored).as("text of %s", seed.getFileName()).isEqualTo(text);
            // the same article again is recognised, not stored twice
            given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/sources")
                    .then().statusCode(200).header("Dossier-Duplicate", "true");
        }

        // every seed is about the militias
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> WalkingSkeletonTest.total(reader, "militias") >= 5);
        List<String> found = given().baseUri(Platform.GATEWAY).auth().oauth2(reader)
                .queryParam("q", "militias").queryParam("size", 100).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.id", String.class);
        assertThat(found).containsAll(ids);

        // every spelling of Kataib Hezbollah, in either script, finds all five, and says how
        for (String spelling : List.of("Kataib Hezbollah", "Hezbollah Brigades", "Kata'ib Hizbullah", "KH",
                "كتائب حزب الله")) {
            var json = given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", spelling)
                    .queryParam("size", 100).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
            assertThat(json.getList("hits.id", String.class)).as(spelling).containsAll(ids);
            assertThat(json.getList("expansions.name", String.class)).as(spelling).contains("Kataib Hezbollah");
        }
    }
}
