package io.dossier.sources.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The service's metrics, in Prometheus's format on the management port (and not on the public one): the HTTP
 * server's latency histograms per route and status, sources stored by type and outcome, extraction time, and the
 * feed's head.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class MetricsTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void storedSourcesExtractionAndTheFeedHeadAreMeasured() {
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "Measured", "text", "A statement, measured. " + UUID.randomUUID()))
                .post("/api/v1/sources").then().statusCode(201);
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).multiPart("file", "measured.html",
                ("<html><head><title>Measured page</title></head><body><p>A page to measure, "
                        + UUID.randomUUID() + ".</p></body></html>").getBytes(),
                "text/html")
                .post("/api/v1/sources").then().statusCode(201);
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(text).containsPattern("(?m)^dossier_sources_accepted_total\\{[^}]*type=\"text/plain\"[^}]*} [1-9]")
                .containsPattern("(?m)^dossier_sources_accepted_total\\{[^}]*type=\"text/html\"[^}]*} [1-9]")
                .containsPattern("(?m)^dossier_extraction_seconds_bucket\\{[^}]*type=\"text/html\"")
                .containsPattern("(?m)^dossier_feed_head\\{[^}]*feed=\"sources\"[^}]*} [1-9]")
                // the HTTP server's histogram, per route template and status
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*status=\"201\"[^}]*"
                        + "uri=\"/api/v1/sources\"");
        given().get("/q/metrics").then().statusCode(not(200));
    }
}
