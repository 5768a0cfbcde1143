package io.dossier.entities.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The registry's audit trail: entities and relations created, changed, merged, unmerged and deleted, and exports. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class RegistryAuditTest {

    static String editor() {
        return Tokens.forUser(Tokens.EDITOR);
    }

    static String entity(String name) {
        return given().auth().oauth2(editor()).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", name)).post("/api/v1/entities").then()
                .statusCode(201).extract().path("id");
    }

    static JsonPath events(String targetId) {
        return given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("targetId", targetId)
                .get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void mergesUndoneRelationsAndDeletionsAreRecordedWithTheEditor() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String survivor = entity("Kataib Audit " + s);
        String loser = entity("Audit Brigades " + s);
        String third = entity("Audit Front " + s);
        String relation = given().auth().oauth2(editor()).contentType(ContentType.JSON)
                .body(Map.of("subjectId", loser, "objectId", third, "type", "ALLIED_WITH")).post("/api/v1/relations")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(editor()).contentType(ContentType.JSON).body(Map.of("from", loser))
                .post("/api/v1/entities/" + survivor + "/merge").then().statusCode(200);
        String mergeId = given().auth().oauth2(editor()).get("/api/v1/entities/" + survivor + "/merges").then()
                .statusCode(200).extract().path("[0].id");
        given().auth().oauth2(editor()).post("/api/v1/entities/" + survivor + "/merges/" + mergeId + "/undo").then()
                .statusCode(200);
        given().auth().oauth2(editor()).header("If-Match", "*").delete("/api/v1/relations/" + relation).then()
                .statusCode(204);
        given().auth().oauth2(editor()).header("If-Match", "*").delete("/api/v1/entities/" + third).then()
                .statusCode(204);

        JsonPath survivorTrail = events(survivor);
        assertThat(survivorTrail.getList("events.action")).containsExactly("UNMERGE", "UPDATE", "UPDATE", "CREATE");
        assertThat(survivorTrail.getList("events.actor")).containsOnly("editor");
        assertThat(survivorTrail.getString("events[0].summary")).contains("Audit Brigades " + s);
        JsonPath loserTrail = events(loser);
        assertThat(loserTrail.getList("events.action")).containsExactly("UPDATE", "MERGE", "CREATE");
        assertThat(loserTrail.getString("events[1].summary")).contains("merged into " + survivor);
        assertThat(events(relation).getList("events.action")).containsExactly("DELETE", "CREATE");
        assertThat(events(relation).getString("events[0].summary")).contains("ALLIED_WITH");
        assertThat(events(third).getList("events.action")).containsExactly("DELETE", "CREATE");
        assertThat(events(third).getList("events.service")).containsOnly("entities-service");
    }

    @Test
    void anExportOfTheRegistryIsRecorded() {
        String before = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("action", "EXPORT")
                .queryParam("actor", "reader").queryParam("size", 500).get("/api/v1/audit/events").then()
                .statusCode(200).extract().jsonPath().getList("events").size() + "";
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("type", "ORGANIZATION")
                .get("/api/v1/entities/ftm").then().statusCode(200);
        List<String> summaries = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("action", "EXPORT")
                .queryParam("actor", "reader").queryParam("size", 500).get("/api/v1/audit/events").then()
                .statusCode(200).extract().jsonPath().getList("events.summary");
        assertThat(summaries).hasSize(Integer.parseInt(before) + 1);
        assertThat(summaries.get(0)).isEqualTo("FollowTheMoney export, type ORGANIZATION");
    }
}
