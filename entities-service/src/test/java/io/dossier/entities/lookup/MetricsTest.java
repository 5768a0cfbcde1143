package io.dossier.entities.lookup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Matching and linking latency, and the registry feed's head, on the management port only. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class MetricsTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void matchingLinkingAndTheFeedHeadAreMeasured() {
        String token = Tokens.forUser(Tokens.EDITOR);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", "Saraya Metrics")).post("/api/v1/entities")
                .then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Saraya Metric"))
                .post("/api/v1/entities/match").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("text", "Saraya Metrics denied it.")).post("/api/v1/mentions").then().statusCode(200);
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(text).containsPattern("(?m)^dossier_matching_seconds_count\\{[^}]*call=\"one\"[^}]*} [1-9]")
                .containsPattern("(?m)^dossier_linking_seconds_bucket\\{[^}]*call=\"one\"")
                .containsPattern("(?m)^dossier_feed_head\\{[^}]*feed=\"entities\"[^}]*} [1-9]")
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/entities/match\"");
        given().get("/q/metrics").then().statusCode(not(200));
    }
}
