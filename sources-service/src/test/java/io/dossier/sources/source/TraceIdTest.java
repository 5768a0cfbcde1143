package io.dossier.sources.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every problem answer names the trace of its request: the caller's (W3C traceparent) when it sent one, so a failure
 * seen by a client is found in the logs and traces of every service it went through; a new one otherwise.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class TraceIdTest {

    @Test
    void aProblemNamesTheTraceOfItsRequest() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).header("traceparent", "00-" + trace + "-"
                + "00f067aa0ba902b7-01").get("/api/v1/sources/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("traceId", equalTo(trace));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + UUID.randomUUID()).then()
                .statusCode(404).body("traceId", matchesPattern("[0-9a-f]{32}"));
        // bad input too (a validation problem)
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).header("traceparent", "00-" + trace + "-"
                + "00f067aa0ba902b7-00").get("/api/v1/sources?size=0").then().statusCode(400)
                .body("traceId", equalTo(trace));
    }
}
