package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The first slice end to end: a source goes in through the gateway and comes out of a search through it. */
@ExtendWith(PlatformExtension.class)
class WalkingSkeletonTest {

    static String uniqueWord() {
        return "dossiertest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static JsonPath search(String token, String q) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).queryParam("q", q)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    /** How many hits a search has, or -1 when it failed (e.g. a service still starting): for awaiting. */
    static int total(String token, String q) {
        var answer = given().baseUri(Platform.GATEWAY).auth().oauth2(token).queryParam("q", q).get("/api/v1/search");
        return answer.statusCode() == 200 ? answer.jsonPath().getInt("total") : -1;
    }

    @Test
    void analystPostsASourceAndAReaderFindsItThroughTheGateway() {
        String word = uniqueWord();
        String id = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Harakat al-Nujaba statement " + word, "text",
                        "The group's spokesman threatened coalition forces; keyword " + word + " marks this test.",
                        "publisher", "Platform Test Wire"))
                .when().post("/api/v1/sources")
                .then().statusCode(201)
                .header("Location", startsWith(Platform.GATEWAY + "/api/v1/sources/"))
                .extract().path("id");

        String reader = Tokens.forUser(Tokens.READER);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> total(reader, word) == 1);
        JsonPath found = search(reader, word);
        assertThat(found.getString("hits[0].id")).isEqualTo(id);
        assertThat(found.getString("hits[0].publisher")).isEqualTo("Platform Test Wire");
        assertThat(found.getString("hits[0].highlights.text[0]")).contains("<mark>" + word + "</mark>");

        given().baseUri(Platform.GATEWAY).auth().oauth2(reader).get("/api/v1/sources/" + id)
                .then().statusCode(200).body("title", equalTo("Harakat al-Nujaba statement " + word));
    }

    @Test
    void integratorUsesItsServiceAccountThroughTheGateway() {
        String word = uniqueWord();
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.integrator()).contentType(ContentType.JSON)
                .body(Map.of("title", "Integrator feed item", "text", "Pushed by an integrator: " + word))
                .post("/api/v1/sources")
                .then().statusCode(201).body("createdBy", equalTo("service-account-dossier-integrator"));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> total(Tokens.integrator(), word) == 1);
    }

    @Test
    void servicesCheckTheRelayedCallersRoles() {
        given().baseUri(Platform.GATEWAY).contentType(ContentType.JSON).body("{}").post("/api/v1/sources")
                .then().statusCode(401);
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("title", "t", "text", "reader may not ingest"))
                .post("/api/v1/sources")
                .then().statusCode(403).contentType("application/problem+json");
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.NOBODY)).queryParam("q", "x")
                .get("/api/v1/search")
                .then().statusCode(403).contentType("application/problem+json");
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body("{\"title\": ")
                .post("/api/v1/sources")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
