package io.dossier.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The API entry's limit per user or client, made small here: a burst of 3, then one call a second. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestProfile(RateLimitTest.SmallLimit.class)
class RateLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dossier.gateway.rate-limit.per-second", "1", "dossier.gateway.rate-limit.burst", "3");
        }
    }

    @Test
    void aCallerOverTheLimitGets429WithRetryAfterAndOthersAreNotHeldUp() {
        String investigator = Tokens.forUser(Tokens.INVESTIGATOR);
        // every answer says where the caller stands: a full bucket of 3 less this call, full again in a second
        given().auth().oauth2(investigator).get("/api/v1/nothing-here").then().statusCode(404)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2").header("RateLimit-Reset", "1");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(investigator).get("/api/v1/nothing-here").then().statusCode(404)
                    .header("RateLimit-Limit", "3");
        }
        given().auth().oauth2(investigator).get("/api/v1/nothing-here").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", "1")
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "0")
                .body("detail", containsString("at most 1 a second"));
        // another caller has a bucket of its own
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).get("/api/v1/nothing-here").then().statusCode(404);
        // the refusals are counted, on the management port only (the public one has no metrics)
        String metrics = given().get(this.metrics).then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics).containsPattern(
                "(?m)^dossier_gateway_rate_limited_total(\\{[^}]*})? [1-9]");
        given().get("/q/metrics").then().statusCode(org.hamcrest.Matchers.not(200));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;
}
