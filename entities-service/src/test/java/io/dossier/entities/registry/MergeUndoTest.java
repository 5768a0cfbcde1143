package io.dossier.entities.registry;

import static io.dossier.entities.registry.RegistryWriteTest.create;
import static io.dossier.entities.registry.RegistryWriteTest.suffix;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A merge undone: each entity as it was, its relations back on its side; a deleted survivor takes its merged ones. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class MergeUndoTest {

    static String editor() {
        return Tokens.forUser(Tokens.EDITOR);
    }

    static String relation(String subject, String object, String type) {
        return given().auth().oauth2(editor()).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "objectId", object, "type", type)).post("/api/v1/relations")
                .then().statusCode(201).extract().path("id");
    }

    static void merge(String survivor, String loser) {
        given().auth().oauth2(editor()).contentType(ContentType.JSON).body(Map.of("from", loser))
                .post("/api/v1/entities/" + survivor + "/merge").then().statusCode(200);
    }

    static JsonPath entity(String id) {
        return given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void anUndoneMergeGivesEachEntityBackWhatWasItsOwn() {
        String s = suffix();
        String survivor = create(Map.of("type", "ORGANIZATION", "primaryName", "Kataib Hezbollah " + s, "attributes",
                Map.of("country", List.of("iq")), "tags", List.of("militia"), "externalIds",
                List.of(Map.of("scheme", "test", "value", "kh" + s)))).getString("id");
        String loser = create(Map.of("type", "ORGANIZATION", "primaryName", "Hezbollah Brigades " + s, "names",
                List.of(Map.of("value", "كتائب حزب الله " + s, "lang", "ar", "kind", "TRANSLITERATION")),
                "attributes", Map.of("country", List.of("iq", "sy"), "foundingDate", List.of("2007")), "tags",
                List.of("militia", "sanctioned"), "externalIds", List.of(Map.of("scheme", "ofac", "value", "o" + s))))
                .getString("id");
        String earlier = create(Map.of("type", "ORGANIZATION", "primaryName", "KH Brigades " + s)).getString("id");
        merge(loser, earlier); // merged into the loser before: it will point at the survivor, then back
        String place = create(Map.of("type", "LOCATION", "primaryName", "Jurf al-Sakhar " + s)).getString("id");
        String located = relation(loser, place, "LOCATED_IN");
        String between = relation(loser, survivor, "ALLIED_WITH");

        merge(survivor, loser);
        assertThat(entity(survivor).getList("names.value", String.class)).contains("Hezbollah Brigades " + s,
                "كتائب حزب الله " + s);
        // the survivor gains a name of its own after the merge: the undo keeps it
        given().auth().oauth2(editor()).contentType(ContentType.JSON)
                .body(Map.of("value", "Kata'ib Hizballah " + s, "lang", "en"))
                .post("/api/v1/entities/" + survivor + "/names").then().statusCode(200);

        List<Map<String, Object>> merges = given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .get("/api/v1/entities/" + survivor + "/merges").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(merges).hasSize(1);
        assertThat(merges.get(0)).containsEntry("mergedId", loser).containsEntry("mergedName",
                "Hezbollah Brigades " + s).containsEntry("mergedBy", "editor").containsEntry("undoneAt", null);
        String mergeId = (String) merges.get(0).get("id");
        // readers may not undo
        given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .post("/api/v1/entities/" + survivor + "/merges/" + mergeId + "/undo").then().statusCode(403);

        JsonPath back = given().auth().oauth2(editor())
                .post("/api/v1/entities/" + survivor + "/merges/" + mergeId + "/undo").then().statusCode(200)
                .extract().jsonPath();
        assertThat(back.getString("id")).isEqualTo(loser);
        assertThat(back.getString("mergedInto")).isNull();
        assertThat(back.getString("primaryName")).isEqualTo("Hezbollah Brigades " + s);
        // its names as they were, those of the entity merged into it before included
        assertThat(back.getList("names.value", String.class)).containsExactlyInAnyOrder("Hezbollah Brigades " + s,
                "كتائب حزب الله " + s, "KH Brigades " + s);
        assertThat(back.getList("attributes.country", String.class)).containsExactly("iq", "sy");
        assertThat(back.getList("tags", String.class)).containsExactly("militia", "sanctioned");
        assertThat(back.getList("externalIds.scheme", String.class)).containsExactly("ofac");

        JsonPath kept = entity(survivor);
        assertThat(kept.getList("names.value", String.class)).containsExactlyInAnyOrder("Kataib Hezbollah " + s,
                "Kata'ib Hizballah " + s);
        assertThat(kept.getList("attributes.country", String.class)).containsExactly("iq");
        assertThat(kept.getMap("attributes")).doesNotContainKey("foundingDate");
        assertThat(kept.getList("tags", String.class)).containsExactly("militia");
        assertThat(kept.getList("externalIds.scheme", String.class)).containsExactly("test");
        // the relations are on the loser's side again, the one between the two is back
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/relations/" + located).then()
                .statusCode(200).body("subjectId", org.hamcrest.Matchers.equalTo(loser));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/relations/" + between).then()
                .statusCode(200).body("subjectId", org.hamcrest.Matchers.equalTo(loser))
                .body("objectId", org.hamcrest.Matchers.equalTo(survivor));
        // the entity merged into the loser before resolves to the loser again
        assertThat(entity(earlier).getString("id")).isEqualTo(loser);
        // listed again, under its own name
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("name", "Hezbollah Brigades " + s)
                .get("/api/v1/entities").then().statusCode(200)
                .body("entities.id", org.hamcrest.Matchers.hasItem(loser));
        // once only
        given().auth().oauth2(editor()).post("/api/v1/entities/" + survivor + "/merges/" + mergeId + "/undo").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + survivor + "/merges").then()
                .statusCode(200).body("[0].undoneBy", org.hamcrest.Matchers.equalTo("editor"));
        given().auth().oauth2(editor())
                .post("/api/v1/entities/" + survivor + "/merges/" + java.util.UUID.randomUUID() + "/undo").then()
                .statusCode(404).contentType("application/problem+json");
    }

    /**
     * What the survivor has since the merge stays: a name it took as its primary name, and a name added again; an
     * external id of the merged entity taken by another entity since stops the undo (409, nothing changed).
     */
    @Test
    void anUndoKeepsWhatTheSurvivorHasSinceAndStopsOnATakenExternalId() {
        String s = suffix();
        String survivor = create(Map.of("type", "PERSON", "primaryName", "Esmail Qaani " + s)).getString("id");
        String loser = create(Map.of("type", "PERSON", "primaryName", "Esmail Ghaani " + s, "names",
                List.of(Map.of("value", "Ismail Qaani " + s, "lang", "en")), "externalIds",
                List.of(Map.of("scheme", "test", "value", "q" + s)))).getString("id");
        merge(survivor, loser);
        String mergeId = given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .get("/api/v1/entities/" + survivor + "/merges").then().statusCode(200).extract().path("[0].id");
        // the survivor is renamed to one of the names the merge brought, and drops the merged entity's external id
        JsonPath now = entity(survivor);
        given().auth().oauth2(editor()).contentType(ContentType.JSON).header("If-Match", "\"" + now.getLong("version")
                + "\"").body(Map.of("type", "PERSON", "primaryName", "Ismail Qaani " + s, "names",
                        List.of(Map.of("value", "Esmail Qaani " + s, "lang", "en"))))
                .put("/api/v1/entities/" + survivor).then().statusCode(200);
        // another entity takes that external id meanwhile: the undo cannot give it back
        String other = create(Map.of("type", "PERSON", "primaryName", "Someone Else " + s, "externalIds",
                List.of(Map.of("scheme", "test", "value", "q" + s)))).getString("id");
        given().auth().oauth2(editor()).post("/api/v1/entities/" + survivor + "/merges/" + mergeId + "/undo").then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("test:q" + s));
        assertThat(entity(loser).getString("id")).as("nothing changed").isEqualTo(survivor);
        // once the id is free again, the undo goes through, and the survivor keeps its primary name
        given().auth().oauth2(editor()).delete("/api/v1/entities/" + other).then().statusCode(204);
        given().auth().oauth2(editor()).post("/api/v1/entities/" + survivor + "/merges/" + mergeId + "/undo").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.equalTo(loser));
        JsonPath kept = entity(survivor);
        assertThat(kept.getString("primaryName")).isEqualTo("Ismail Qaani " + s);
        assertThat(kept.getList("names.value", String.class)).contains("Ismail Qaani " + s, "Esmail Qaani " + s);
    }

    @Test
    void deletingASurvivorDeletesWhatWasMergedIntoIt() {
        String s = suffix();
        String survivor = create(Map.of("type", "PERSON", "primaryName", "Esmail Qaani " + s)).getString("id");
        String loser = create(Map.of("type", "PERSON", "primaryName", "Esmail Ghaani " + s)).getString("id");
        merge(survivor, loser);
        given().auth().oauth2(editor()).delete("/api/v1/entities/" + survivor).then().statusCode(204);
        // not back, listed and empty: gone with the survivor
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + loser).then().statusCode(404);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("name", "Esmail Ghaani " + s)
                .get("/api/v1/entities").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        // and its merges are no longer offered for undoing
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + survivor + "/merges").then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }
}
