package io.dossier.sources.note;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class NoteResourceTest {

    private static final String TEXT = "Kataib Hezbollah denied the attack on the base.\nA spokesman of the group, "
            + "speaking in Baghdad, said the drones were not theirs. Kataib Hezbollah has said so before.";

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).log().ifValidationFails();
    }

    private static String source(String collection, String text) {
        return as(Tokens.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("title", "A statement", "text", text + " [" + UUID.randomUUID() + "]", "collection",
                        collection))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
    }

    private static String notes(String source) {
        return "/api/v1/sources/" + source + "/notes";
    }

    /**
     * An analyst notes a passage by its offsets and another by its words; readers read them in text order; the
     * author changes the text (If-Match honoured), another analyst may not, an editor may; deleting works the same.
     */
    @Test
    void analystsNotePassagesAndAuthorsOrEditorsChangeThem() {
        String id = source("open", TEXT);
        int start = TEXT.indexOf("the drones");
        String location = as(Tokens.ANALYST).contentType(ContentType.JSON)
                .body(Map.of("start", start, "end", start + "the drones".length(), "text", "Which drones? Check the "
                        + "claim of 12 March."))
                .post(notes(id)).then().statusCode(201).header("ETag", equalTo("\"0\""))
                .header("Location", containsString(notes(id) + "/")).body("quote", equalTo("the drones"))
                .body("author", equalTo(Tokens.ANALYST)).body("start", equalTo(start))
                .body("updatedBy", nullValue()).extract().header("Location");
        String first = location.substring(location.lastIndexOf('/') + 1);
        // by its words, however the lines were broken in the selection: the occurrence nearest start
        int second = TEXT.lastIndexOf("Kataib Hezbollah has");
        as(Tokens.ANALYST).contentType(ContentType.JSON)
                .body(Map.of("quote", "Kataib   Hezbollah\nhas", "start", second - 3, "text", "Said so when?"))
                .post(notes(id)).then().statusCode(201).body("start", equalTo(second))
                .body("end", equalTo(second + "Kataib Hezbollah has".length()))
                .body("quote", equalTo("Kataib Hezbollah has"));
        String third = as(Tokens.INVESTIGATOR).contentType(ContentType.JSON)
                .body(Map.of("quote", "Kataib Hezbollah", "text", "  The group's usual denial.  "))
                .post(notes(id)).then().statusCode(201).body("start", equalTo(0))
                .body("text", equalTo("The group's usual denial.")).extract().path("id");
        JsonPath list = as(Tokens.READER).get(notes(id)).then().statusCode(200).body("notes", hasSize(3)).extract()
                .jsonPath();
        assertThat(list.<Integer>getList("notes.start")).containsExactly(0, start, second);

        as(Tokens.READER).get(notes(id) + "/" + first).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("text", containsString("12 March"));
        // the author edits; a stale If-Match is refused
        as(Tokens.ANALYST).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("text", "Which drones? The claim of 12 March says two."))
                .patch(notes(id) + "/" + first).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("updatedBy", equalTo(Tokens.ANALYST));
        as(Tokens.ANALYST).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("text", "again"))
                .patch(notes(id) + "/" + first).then().statusCode(412).contentType("application/problem+json");
        // another analyst may not change or delete it; a reader may not write at all; an editor may
        as(Tokens.INVESTIGATOR).contentType(ContentType.JSON).body(Map.of("text", "mine now"))
                .patch(notes(id) + "/" + first).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("author or an editor"));
        as(Tokens.INVESTIGATOR).delete(notes(id) + "/" + first).then().statusCode(403);
        as(Tokens.READER).contentType(ContentType.JSON).body(Map.of("quote", "the base", "text", "x"))
                .post(notes(id)).then().statusCode(403);
        as(Tokens.EDITOR).contentType(ContentType.JSON).body(Map.of("text", "Checked: two drones."))
                .patch(notes(id) + "/" + third).then().statusCode(200).body("author", equalTo(Tokens.INVESTIGATOR))
                .body("updatedBy", equalTo(Tokens.EDITOR));
        as(Tokens.EDITOR).delete(notes(id) + "/" + third).then().statusCode(204);
        as(Tokens.ANALYST).delete(notes(id) + "/" + first).then().statusCode(204);
        as(Tokens.READER).get(notes(id) + "/" + first).then().statusCode(404);
        as(Tokens.READER).get(notes(id)).then().statusCode(200).body("notes", hasSize(1));
    }

    /** Each bad request is a 400 (or 409) in plain words, and stores nothing. */
    @Test
    void badNotesAreRefusedInPlainWords() {
        String id = source("open", TEXT);
        List<Map.Entry<Map<String, Object>, String>> refused = List.of(
                Map.entry(Map.of("start", 5, "end", 5, "text", "x"), "must be after start"),
                Map.entry(Map.of("start", 0, "end", 100_000, "text", "x"), "at most the text's length"),
                Map.entry(Map.of("start", -1, "end", 4, "text", "x"), "start"),
                Map.entry(Map.of("text", "no passage"), "give start and end, or quote its words"),
                // spaces of other kinds (no-break, em) are spaces too: no passage, no note
                Map.entry(Map.of("quote", "\u00A0\u202F", "text", "x"), "give start and end, or quote its words"),
                Map.entry(Map.of("quote", "the base", "text", "\u2003\u00A0"), "must not be blank"),
                Map.entry(Map.of("quote", "words that are nowhere", "text", "x"), "is not in the document's text"),
                Map.entry(Map.of("start", 0, "end", 6, "quote", "Hezbollah", "text", "x"),
                        "not the text at those offsets"),
                Map.entry(Map.of("quote", "the base", "text", "   "), "must not be blank"),
                Map.entry(Map.of("quote", "the base", "text", "a".repeat(5_001)), "text"),
                Map.entry(Map.of("quote", "the base", "text", "nul \u0000 here"), "NUL"));
        refused.forEach(c -> as(Tokens.ANALYST).contentType(ContentType.JSON).body(c.getKey())
                .post(notes(id)).then().statusCode(400).contentType("application/problem+json")
                .body(containsString(c.getValue())));
        as(Tokens.ANALYST).contentType(ContentType.JSON).body("{\"quote\": ").post(notes(id)).then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.ANALYST).contentType(ContentType.JSON).body(Map.of("quote", "the base", "text", "x"))
                .post("/api/v1/sources/not-a-uuid/notes").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.ANALYST).contentType(ContentType.JSON).body(Map.of("quote", "the base", "text", "x"))
                .post(notes(UUID.randomUUID().toString())).then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.READER).get(notes(id)).then().statusCode(200).body("notes", hasSize(0));
    }

    /**
     * A source of a collection the caller cannot read has no notes for them (404, as for the source), and notes on
     * it cannot be written, read, changed or deleted through another source's path.
     */
    @Test
    void notesFollowTheirSourcesCollection() {
        String hidden = source("restricted", TEXT);
        String note = as(Tokens.INVESTIGATOR).contentType(ContentType.JSON)
                .body(Map.of("quote", "the base", "text", "restricted remark")).post(notes(hidden)).then()
                .statusCode(201).extract().path("id");
        for (String user : List.of(Tokens.ANALYST, Tokens.READER, Tokens.EDITOR)) {
            as(user).get(notes(hidden)).then().statusCode(404).body(org.hamcrest.Matchers.not(
                    containsString("restricted remark")));
            as(user).get(notes(hidden) + "/" + note).then().statusCode(404);
        }
        as(Tokens.EDITOR).delete(notes(hidden) + "/" + note).then().statusCode(404);
        as(Tokens.ANALYST).contentType(ContentType.JSON).body(Map.of("quote", "the base", "text", "x"))
                .post(notes(hidden)).then().statusCode(404);
        // a readable source's path does not reach another source's note
        String open = source("open", TEXT);
        as(Tokens.EDITOR).get(notes(open) + "/" + note).then().statusCode(404);
        as(Tokens.EDITOR).delete(notes(open) + "/" + note).then().statusCode(404);
        as(Tokens.INVESTIGATOR).get(notes(hidden) + "/" + note).then().statusCode(200);
    }

    /** A note puts its source on the change feed with its notes; deleting the source deletes its notes. */
    @Test
    void notesTravelOnTheChangeFeedAndGoWithTheirSource() {
        String id = source("open", TEXT);
        long head = as(Tokens.ADMIN).queryParam("after", 0).queryParam("limit", 1).get("/api/v1/sources/changes")
                .then().statusCode(200).extract().jsonPath().getLong("head");
        String note = as(Tokens.ANALYST).contentType(ContentType.JSON)
                .body(Map.of("quote", "speaking in Baghdad", "text", "Where in Baghdad?")).post(notes(id)).then()
                .statusCode(201).extract().path("id");
        JsonPath page = given().auth().oauth2(Tokens.integrator()).queryParam("after", head)
                .get("/api/v1/sources/changes").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = page.<Map<String, Object>>getList("changes").stream()
                .filter(c -> id.equals(c.get("sourceId"))).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("operation")).isEqualTo("UPDATED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> carried = (List<Map<String, Object>>) mine.get(0).get("notes");
        assertThat(carried).singleElement().satisfies(n -> {
            assertThat(n.get("id")).isEqualTo(note);
            assertThat(n.get("text")).isEqualTo("Where in Baghdad?");
        });
        as(Tokens.EDITOR).delete("/api/v1/sources/" + id).then().statusCode(204);
        as(Tokens.ADMIN).get(notes(id) + "/" + note).then().statusCode(404);
    }
}
