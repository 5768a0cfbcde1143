package io.dossier.search.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dossier.search.indexing.IndexedDocument;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The search service's metrics on the management port only: the indexer's position and lag on each feed, the
 * re-linker's backlog, the watches' evaluation time and notifications, and the HTTP server's histograms.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class MetricsTest {

    @Inject
    WatchEvaluator evaluator;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void indexingWatchesAndSearchesAreMeasured() {
        String word = "m" + UUID.randomUUID().toString().replace("-", "");
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType("application/json")
                .body(Map.of("name", "Measured", "query", word)).post("/api/v1/watches").then().statusCode(201);
        evaluator.indexed(List.of(IndexedDocument.of(UUID.randomUUID().toString(), "open", "Measured " + word,
                List.of(), "A measured text.", null, null, null, "en", List.of(), null, List.of(), 0)), List.of());
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search?q=" + word).then().statusCode(200);
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(text).containsPattern("(?m)^dossier_watches_evaluation_seconds_count(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^dossier_watches_notifications_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^dossier_indexer_position\\{[^}]*feed=\"sources\"")
                .containsPattern("(?m)^dossier_indexer_lag\\{[^}]*feed=\"sources\"")
                .containsPattern("(?m)^dossier_indexer_position\\{[^}]*feed=\"entities\"")
                .containsPattern("(?m)^dossier_relinker_pending")
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/search\"");
        given().get("/q/metrics").then().statusCode(not(200));
    }
}
