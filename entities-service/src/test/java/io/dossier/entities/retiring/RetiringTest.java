package io.dossier.entities.retiring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The deprecation policy's headers (docs/api-policy.md) on an operation marked to go, and only there. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class RetiringTest {

    @Test
    void anOperationScheduledToGoSaysSoOnEveryAnswer() {
        given().get("/test/retiring").then().statusCode(200)
                .header("Deprecation", "@1796083200")
                .header("Sunset", "Mon, 01 Jun 2099 00:00:00 GMT")
                .header("Link", "</api/v1/entities>; rel=\"successor-version\"");
        // past its sunset day: gone, with the way forward; still with the headers
        given().get("/test/retiring/gone").then().statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("retired on 2025-12-01; use /api/v1/entities instead"))
                .header("Sunset", "Mon, 01 Dec 2025 00:00:00 GMT");
        // and paths no method matches answer as before
        given().get("/test/retiring/current/none").then().statusCode(404).header("Deprecation", nullValue());
        given().get("/test/retiring/current").then().statusCode(200)
                .header("Deprecation", nullValue()).header("Sunset", nullValue());
    }
}
