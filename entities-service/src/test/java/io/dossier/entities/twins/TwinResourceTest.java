package io.dossier.entities.twins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.dossier.entities.lookup.LookupResourceTest;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class TwinResourceTest {

    @Test
    void listsTwinsAcrossTheRegistryAndForgetsThoseDismissed() throws IOException {
        LookupResourceTest.loadTheSampleRegistry();
        String editor = Tokens.forUser(Tokens.EDITOR);
        String kh = LookupResourceTest.match("Kataib Hezbollah", "ORGANIZATION")
                .getString("candidates.find { it.primaryName == 'Kataib Hezbollah' }.entityId");
        String twin = create(editor, Map.of("type", "ORGANIZATION", "primaryName", "KATA'IB HIZBALLAH", "names",
                List.of(Map.of("value", "كتائب حزب الله", "lang", "ar", "kind", "TRANSLITERATION"))));
        // the same name, but a person: no twin of the organization
        String person = create(editor, Map.of("type", "PERSON", "primaryName", "Kataib Hezbollah"));
        try {
            // the directory follows the registry's feed and the list is computed in the background: wait for a
            // list that reflects the registry as it is now and holds the new entity (the test registry may hold
            // the OFAC and UN lists too: a computation then takes a while)
            Map<String, Object> pair = Awaitility.await().atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> pairOf(editor, twin, kh), p -> p != null);
            assertThat(((Number) pair.get("score")).doubleValue()).isGreaterThanOrEqualTo(0.85);
            assertThat((String) pair.get("rule")).isNotBlank();
            assertThat(List.of(path(pair, "first.entityId"), path(pair, "second.entityId")))
                    .containsExactlyInAnyOrder(twin, kh);
            assertThat(List.of(path(pair, "first.primaryName"), path(pair, "second.primaryName")))
                    .containsExactlyInAnyOrder("KATA'IB HIZBALLAH", "Kataib Hezbollah");
            assertThat(path(pair, "first.name")).isNotBlank();
            assertThat(current(editor, person).getList("twins")).as("a person is no twin of an organization")
                    .isEmpty();
            assertThat(current(editor, twin).getList("twins.first.type")).containsOnly("ORGANIZATION");

            // not the same: remembered, in either order, and saying it twice changes nothing
            dismiss(editor, twin, kh).then().statusCode(204);
            dismiss(editor, kh, twin).then().statusCode(204);
            JsonPath after = current(editor, twin);
            assertThat(after.getList("twins.second.entityId")).doesNotContain(kh);
            assertThat(after.getList("twins.first.entityId")).doesNotContain(kh);
        } finally {
            for (String id : List.of(twin, person)) {
                given().auth().oauth2(editor).delete("/api/v1/entities/" + id).then().statusCode(204);
            }
        }
    }

    @Test
    void badInputIsRefused() {
        String editor = Tokens.forUser(Tokens.EDITOR);
        UUID id = UUID.randomUUID();
        dismiss(editor, id.toString(), id.toString()).then().statusCode(400).contentType("application/problem+json");
        dismiss(editor, id.toString(), UUID.randomUUID().toString()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("first", "x", "second", "y"))
                .post("/api/v1/entities/duplicates/dismissals").then().statusCode(400);
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("minScore", "0.5"),
                Map.of("minScore", "abc"), Map.of("size", "0"), Map.of("type", "DRAGON"), Map.of("entity", "x"))) {
            given().auth().oauth2(editor).queryParams(query).get("/api/v1/entities/duplicates").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/duplicates").then()
                .statusCode(403);
        given().get("/api/v1/entities/duplicates").then().statusCode(401);
    }

    /** The pair of a and b in a current list, null when it is not there or no current list is ready yet. */
    private static Map<String, Object> pairOf(String token, String a, String b) {
        JsonPath page = currentOrNull(token, a);
        if (page == null) {
            return null;
        }
        List<Map<String, Object>> twins = page.getList("twins");
        return twins.stream().filter(t -> List.of(path(t, "first.entityId"), path(t, "second.entityId")).contains(b))
                .findFirst().orElse(null);
    }

    /** The entity's pairs in a list that reflects the registry as it is now (waiting for one). */
    private static JsonPath current(String token, String entity) {
        return Awaitility.await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                .until(() -> currentOrNull(token, entity), p -> p != null);
    }

    private static JsonPath currentOrNull(String token, String entity) {
        var answer = given().auth().oauth2(token).queryParam("entity", entity).queryParam("size", 500)
                .get("/api/v1/entities/duplicates").then().extract();
        if (answer.statusCode() == 503) {
            return null; // the first list is being computed
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.jsonPath().getBoolean("current") ? answer.jsonPath() : null;
    }

    private static String create(String token, Map<String, Object> entity) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(entity).post("/api/v1/entities")
                .then().statusCode(201).extract().path("id");
    }

    @SuppressWarnings("unchecked")
    private static String path(Map<String, Object> pair, String path) {
        String[] parts = path.split("\\.");
        return (String) ((Map<String, Object>) pair.get(parts[0])).get(parts[1]);
    }

    private static io.restassured.response.Response dismiss(String token, String first, String second) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("first", first, "second", second)).post("/api/v1/entities/duplicates/dismissals");
    }
}
