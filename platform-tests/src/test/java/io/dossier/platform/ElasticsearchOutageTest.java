package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;

/**
 * Elasticsearch out of reach of the search service: search answers 503 problem+json, sources are still accepted, and
 * once it is back the indexer resumes from its checkpoint with nothing lost and nothing twice.
 */
@ExtendWith(PlatformExtension.class)
class ElasticsearchOutageTest {

    @Test
    void searchAnswers503AndTheIndexerCatchesUpAfterwards() {
        String word = WalkingSkeletonTest.uniqueWord();
        String reader = Tokens.forUser(Tokens.READER);
        String admin = Tokens.forUser(Tokens.ADMIN);
        int count = 25;
        Set<String> accepted = new HashSet<>();
        try {
            Platform.ELASTICSEARCH_LINK.cut();
            given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", word).get("/api/v1/search")
                    .then().statusCode(503).contentType("application/problem+json");
            given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", "kata")
                    .get("/api/v1/search/entities").then().statusCode(503).contentType("application/problem+json");
            for (int i = 0; i < count; i++) {
                accepted.add(given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                        .contentType(ContentType.JSON)
                        .body(Map.of("title", "Outage brief " + i, "text",
                                "Brief " + i + ", accepted while the index is "
                                        + "away: " + word))
                        .post("/api/v1/sources").then().statusCode(201).extract().<String>path("id"));
            }
            // the indexer has met the outage and says so, rather than skipping what it could not write
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> ReindexTest.status(admin).getString("lastError") != null);
        } finally {
            Platform.ELASTICSEARCH_LINK.restore();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(reader, word) == count);
        List<String> found = given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", word)
                .queryParam("size", 100).get("/api/v1/search").then().statusCode(200).extract().jsonPath()
                .getList("hits.id", String.class);
        assertThat(found).hasSize(count).doesNotHaveDuplicates();
        assertThat(new HashSet<>(found)).isEqualTo(accepted);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> ReindexTest.status(admin).getString("lastError") == null);
    }
}
