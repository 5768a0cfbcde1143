package io.dossier.entities.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class RegistryWriteTest {

    static Map<String, Object> militia(String suffix) {
        return Map.of("type", "ORGANIZATION", "primaryName", "Kata'ib Hizballah " + suffix,
                "description", "Iraqi armed faction.",
                "names", List.of(Map.of("value", "Hezbollah Brigades " + suffix, "lang", "en"),
                        Map.of("value", "كتائب حزب الله " + suffix, "lang", "ar", "kind", "TRANSLITERATION"),
                        Map.of("value", "KH", "kind", "ABBREVIATION")),
                "attributes", Map.of("foundingDate", List.of("2007"), "country", List.of("iq")),
                "externalIds", List.of(Map.of("scheme", "test", "value", suffix)),
                "tags", List.of("militia"));
    }

    static JsonPath create(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/entities").then().statusCode(201).extract().jsonPath();
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void editorCreatesReplacesAndEveryStateIsInTheHistory() {
        String s = suffix();
        JsonPath created = create(militia(s));
        String id = created.getString("id");
        assertThat(created.getString("primaryName")).isEqualTo("Kata'ib Hizballah " + s);
        assertThat(created.getList("names.kind")).containsExactly("PRIMARY", "ALIAS", "TRANSLITERATION",
                "ABBREVIATION");
        assertThat(created.getList("attributes.foundingDate")).containsExactly("2007");
        assertThat(created.getString("createdBy")).isEqualTo("editor");

        Map<String, Object> changed = new java.util.HashMap<>(militia(s));
        changed.put("description", "Iraqi armed faction, part of the PMF.");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(changed)
                .put("/api/v1/entities/" + id).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(changed)
                .header("If-Match", "\"0\"").put("/api/v1/entities/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("description", containsString("PMF")).body("updatedBy", equalTo("editor"));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(changed)
                .header("If-Match", "\"0\"").put("/api/v1/entities/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("value", "Kataib Hezbollah " + s, "lang", "en")).post("/api/v1/entities/" + id + "/names")
                .then().statusCode(200).body("names.value", hasItem("Kataib Hezbollah " + s));

        JsonPath history = given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .get("/api/v1/entities/" + id + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("operation")).containsExactly("CREATED", "UPDATED", "UPDATED");
        assertThat(history.getList("changedBy")).containsOnly("editor");
        assertThat(history.getString("[0].entity.description")).isEqualTo("Iraqi armed faction.");
        assertThat(history.getString("[1].entity.description")).contains("PMF");
        assertThat(history.getList("[2].entity.names.value")).contains("Kataib Hezbollah " + s);
    }

    @Test
    void aMergedIdResolvesToTheSurvivorWhichGainsItsNamesIdsAndRelations() {
        String s = suffix();
        String survivor = create(militia(s)).getString("id");
        String duplicate = create(Map.of("type", "ORGANIZATION", "primaryName", "Kataib Hezbollah " + s,
                "externalIds", List.of(Map.of("scheme", "ofac", "value", "t" + s)))).getString("id");
        String leader = create(Map.of("type", "PERSON", "primaryName", "Abu Test " + s)).getString("id");
        String relation = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", leader, "objectId", duplicate, "type", "LEADER_OF", "startDate", "2019"))
                .post("/api/v1/relations").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("from", duplicate)).post("/api/v1/entities/" + survivor + "/merge")
                .then().statusCode(200)
                .body("names.value", hasItems("Kata'ib Hizballah " + s, "Kataib Hezbollah " + s))
                .body("externalIds.scheme", hasItems("test", "ofac"));

        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + duplicate)
                .then().statusCode(200).body("id", equalTo(survivor))
                .header("Content-Location", "/api/v1/entities/" + survivor);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/relations/" + relation)
                .then().statusCode(200).body("objectId", equalTo(survivor)).body("startDate", equalTo("2019"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("entity", duplicate)
                .get("/api/v1/relations").then().statusCode(200).body("id", hasItem(relation));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("name", "Kataib Hezbollah " + s)
                .get("/api/v1/entities").then().statusCode(200).body("total", equalTo(1))
                .body("entities[0].id", equalTo(survivor));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("from", leader)).post("/api/v1/entities/" + survivor + "/merge")
                .then().statusCode(409).body("detail", containsString("PERSON"));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/entities/" + survivor)
                .then().statusCode(409).body("detail", containsString("relations"));
    }

    @Test
    void theFeedCarriesCreatesUpdatesMergesAndDeletesInOrder() {
        long head = given().auth().oauth2(Tokens.forClient("search-service", "dev-search-service-secret"))
                .get("/api/v1/entities/changes?limit=1").then().statusCode(200).extract().jsonPath().getLong("head");
        String s = suffix();
        String a = create(Map.of("type", "PERSON", "primaryName", "Esmail Qaani " + s)).getString("id");
        String b = create(Map.of("type", "PERSON", "primaryName", "Esmail Ghaani " + s)).getString("id");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(Map.of("from", b))
                .post("/api/v1/entities/" + a + "/merge").then().statusCode(200);
        String c = create(Map.of("type", "LOCATION", "primaryName", "Jurf al-Sakhar " + s)).getString("id");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/entities/" + c).then().statusCode(204);

        JsonPath page = given().auth().oauth2(Tokens.forClient("search-service", "dev-search-service-secret"))
                .queryParam("after", head).get("/api/v1/entities/changes").then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> mine = page.<Map<String, Object>>getList("changes").stream()
                .filter(ch -> List.of(a, b, c).contains(ch.get("entityId"))).toList();
        assertThat(mine).extracting(ch -> ch.get("operation") + ":" + ch.get("entityId")).containsExactly(
                "CREATED:" + a, "CREATED:" + b, "MERGED:" + b, "UPDATED:" + a, "CREATED:" + c, "DELETED:" + c);
        assertThat(page.getList("changes.seq", Long.class)).isSorted();
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/changes").then().statusCode(403);
    }

    @Test
    void badInputAndRolesAreRefusedWithProblems() {
        String s = suffix();
        create(militia(s));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(militia(s))
                .post("/api/v1/entities").then().statusCode(409).body("detail", containsString("test:" + s));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("type", "ARMY", "primaryName", "x")).post("/api/v1/entities").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("type", "PERSON", "primaryName", " ", "names",
                        List.of(Map.of("value", "a", "lang", "!!"))))
                .post("/api/v1/entities").then().statusCode(400)
                .body("errors.field", hasItems(containsString("primaryName"), containsString("lang")));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", UUID.randomUUID().toString(), "objectId", UUID.randomUUID().toString(),
                        "type", "MEMBER_OF", "startDate", "2019-13"))
                .post("/api/v1/relations").then().statusCode(400)
                .body("errors.field", hasItem(containsString("startDate")));
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON).body(militia(suffix()))
                .post("/api/v1/entities").then().statusCode(403);
        given().contentType(ContentType.JSON).body(militia(suffix())).post("/api/v1/entities").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + UUID.randomUUID() + "/history")
                .then().statusCode(404);
    }
}
