package io.dossier.search.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What the gateway records here of its own pages (roles changed, searches exported), with the acting user's token,
 * and the merged trail's answer when another service's trail is away.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class AuditEventsTest {

    static int post(String user, Map<String, Object> event) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON).body(event)
                .post("/api/v1/audit/events").then().extract().statusCode();
    }

    @Test
    void theActorIsWhoTheTokenSaysAndOnlyTheseEventsAreTaken() {
        String query = "q=" + UUID.randomUUID();
        assertThat(post(Tokens.READER, Map.of("action", "EXPORT", "targetType", "search", "targetId", query,
                "summary", "12 hits as csv"))).isEqualTo(204);
        assertThat(post(Tokens.ADMIN, Map.of("action", "ROLES", "targetType", "user", "targetId", "analyst",
                "summary", "granted editor; taken away none"))).isEqualTo(204);
        // roles are changed by administrators only; anything else is recorded by the services themselves
        assertThat(post(Tokens.EDITOR, Map.of("action", "ROLES", "targetType", "user", "targetId", "analyst")))
                .isEqualTo(403);
        assertThat(post(Tokens.ADMIN, Map.of("action", "DELETE", "targetType", "source", "targetId", "x")))
                .isEqualTo(400);
        assertThat(post(Tokens.ADMIN, Map.of("action", "EXPORT"))).isEqualTo(400);
        assertThat(post(Tokens.ADMIN, Map.of("action", "NOTHING", "targetType", "search"))).isEqualTo(400);
        given().contentType(ContentType.JSON).body(Map.of("action", "EXPORT", "targetType", "search"))
                .post("/api/v1/audit/events").then().statusCode(401);

        JsonPath exported = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("targetId", query)
                .get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath();
        assertThat(exported.getList("events.actor")).containsExactly("reader");
        assertThat(exported.getList("events.service")).containsExactly("search-service");
        assertThat(exported.getString("events[0].summary")).isEqualTo("12 hits as csv");
        JsonPath roles = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("action", "ROLES")
                .queryParam("actor", "admin").get("/api/v1/audit/events").then().statusCode(200).extract()
                .jsonPath();
        assertThat(roles.getList("events.targetId")).contains("analyst");
    }

    @Test
    void theMergedTrailSaysWhichServiceIsAwayAndBadInputIsRefused() {
        // in this service's tests no sources or entities service answers
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).get("/api/v1/audit").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("sources service"));
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("format", "xml").get("/api/v1/audit/export")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("cursor", "%%%").get("/api/v1/audit").then()
                .statusCode(400).contentType("application/problem+json");
        // times Java reads but PostgreSQL cannot hold: a 400, not a database error
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("from", "+999999999-12-31T00:00:00Z")
                .get("/api/v1/audit/events").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("between the years 1 and 9999"));
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("to", "-0001-01-01T00:00:00Z")
                .get("/api/v1/audit/events").then().statusCode(400);
        String farCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("9000000000000000000:"
                + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("cursor", farCursor)
                .get("/api/v1/audit/events").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).get("/api/v1/audit/export").then().statusCode(403);
    }
}
