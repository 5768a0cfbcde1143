package io.dossier.search.notes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.DocumentLinker;
import io.dossier.search.indexing.EntitiesApi;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Analysts' notes in the index: the search finds a document by its notes' words (in any of their forms) and shows
 * the note that holds them; an entity's page lists the notes whose passages mention it; both only where the caller
 * may read.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class NoteSearchTest {

    private static final String TEXT = "At dawn Kataib Hezbollah fighters closed the road to Jurf al-Sakhar, "
            + "witnesses said. The ministry gave no figures.";

    @Inject
    DocumentIndex index;

    String marker;
    String kh;
    String open;
    String hidden;

    @BeforeEach
    void documents() throws Exception {
        marker = "n" + UUID.randomUUID().toString().replace("-", "");
        kh = UUID.randomUUID().toString();
        open = UUID.randomUUID().toString();
        hidden = UUID.randomUUID().toString();
        index.write(List.of(noted(open, "open"), noted(hidden, "restricted")), List.of());
    }

    /** A document whose text names Kataib Hezbollah, with a note on that passage and one on another. */
    private IndexedDocument noted(String id, String collection) {
        String title = "Road closed " + marker;
        int name = TEXT.indexOf("Kataib Hezbollah");
        int at = IndexedDocument.linkedText(title, TEXT).indexOf("Kataib Hezbollah");
        int figures = TEXT.indexOf("no figures");
        var onName = new IndexedDocument.IndexedNote(UUID.randomUUID().toString(), name - 8, name + 25,
                TEXT.substring(name - 8, name + 25), "Three checkpoints on the road, in " + collection,
                "analyst", "2025-04-01T10:00:00Z", null, "2025-04-01T10:00:00Z", List.of());
        var elsewhere = new IndexedDocument.IndexedNote(UUID.randomUUID().toString(), figures, figures + 10,
                "no figures", "Ask the ministry again.", "editor", "2025-04-02T10:00:00Z", null,
                "2025-04-02T10:00:00Z", List.of());
        return IndexedDocument.of(id, collection, title, List.of(), TEXT, null, "Example Monitor",
                "2025-03-30T00:00:00Z", "en", List.of(), "2025-03-31T00:00:00Z",
                List.of(new EntitiesApi.Mention(kh, "ORGANIZATION", "Kataib Hezbollah", at, at + 16,
                        "Kataib Hezbollah", "Kataib Hezbollah")),
                0).withNotes(List.of(onName, elsewhere));
    }

    private static JsonPath get(String user, String path) {
        return given().auth().oauth2(Tokens.forUser(user)).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSearchFindsADocumentByItsNotes() {
        // "checkpoint" finds the note's "checkpoints"; the note's snippet comes with the hit
        JsonPath found = get(Tokens.READER, "/api/v1/search?q=checkpoint " + marker);
        assertThat(found.<String>getList("hits.id")).containsExactly(open);
        assertThat(found.<String>getList("hits[0].highlights.notes"))
                .containsExactly("Three <mark>checkpoints</mark> on the road, in open");
        assertThat(get(Tokens.INVESTIGATOR, "/api/v1/search?q=checkpoint " + marker).<String>getList("hits.id"))
                .containsExactlyInAnyOrder(open, hidden);
        // note: searches the notes alone; text: never finds a word of a note
        assertThat(get(Tokens.READER, "/api/v1/search?q=note:checkpoints " + marker).<String>getList("hits.id"))
                .containsExactly(open);
        assertThat(get(Tokens.READER, "/api/v1/search?q=text:checkpoints " + marker).<String>getList("hits.id"))
                .isEmpty();
        // a document found by its text alone has no note snippet
        assertThat(get(Tokens.READER, "/api/v1/search?q=witnesses " + marker).<Object>getList("hits.highlights.notes"))
                .containsOnlyNulls();
    }

    @Test
    void anEntitysNotesAreThoseWhosePassageMentionsIt() {
        JsonPath notes = get(Tokens.READER, "/api/v1/search/notes?entity=" + kh);
        assertThat(notes.<String>getList("notes.sourceId")).containsExactly(open);
        assertThat(notes.getString("notes[0].text")).isEqualTo("Three checkpoints on the road, in open");
        assertThat(notes.getString("notes[0].quote")).contains("Kataib Hezbollah");
        assertThat(notes.<String>getList("notes[0].entityIds")).containsExactly(kh);
        assertThat(notes.getString("notes[0].title")).isEqualTo("Road closed " + marker);
        assertThat(notes.getInt("documents")).isEqualTo(1);
        assertThat(get(Tokens.INVESTIGATOR, "/api/v1/search/notes?entity=" + kh).<String>getList("notes.sourceId"))
                .containsExactlyInAnyOrder(open, hidden);
        assertThat(get(Tokens.READER, "/api/v1/search/notes?entity=" + UUID.randomUUID()).getList("notes")).isEmpty();
    }

    /**
     * Notes are listed newest first across documents; a note is read by its own script, so an English note on an
     * Arabic document is found by another form of its words.
     */
    @Test
    void notesAreListedNewestFirstAndReadInTheirOwnLanguage() throws Exception {
        String entity = UUID.randomUUID().toString();
        String arabicText = "قالت كتائب حزب الله إنها لم تهاجم القاعدة.";
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        index.write(List.of(arabic(older, entity, arabicText, "Older remark: they attacked twice " + marker,
                "2025-04-01T10:00:00Z"),
                arabic(newer, entity, arabicText, "Newer remark " + marker,
                        "2025-05-01T10:00:00.5Z")),
                List.of());
        JsonPath notes = get(Tokens.READER, "/api/v1/search/notes?entity=" + entity);
        assertThat(notes.<String>getList("notes.sourceId")).containsExactly(newer, older);
        // "attack" finds "attacked" in the English note of an Arabic document
        assertThat(get(Tokens.READER, "/api/v1/search?q=note:attack " + marker).<String>getList("hits.id"))
                .containsExactly(older);
    }

    private IndexedDocument arabic(String id, String entity, String text, String note, String at) {
        int name = text.indexOf("كتائب حزب الله");
        int linked = IndexedDocument.linkedText("بيان", text).indexOf("كتائب حزب الله");
        return IndexedDocument.of(id, "open", "بيان", List.of(), text, null, "Example", null, "ar", List.of(), null,
                List.of(new EntitiesApi.Mention(entity, "ORGANIZATION", "Kataib Hezbollah", linked, linked + 14,
                        "كتائب حزب الله", "كتائب حزب الله")),
                0).withNotes(
                        List.of(new IndexedDocument.IndexedNote(UUID.randomUUID().toString(), name, name + 14,
                                "كتائب حزب الله", note, "analyst", at, null, at, List.of())));
    }

    /** Linking the document again (a registry change) keeps its notes, with the entities their passages name now. */
    @Test
    void relinkingKeepsTheNotes() {
        IndexedDocument d = noted(UUID.randomUUID().toString(), "open");
        assertThat(d.noteEntityIds()).containsExactly(kh);
        IndexedDocument unlinked = d.relinked(new DocumentLinker.Links(List.of(), List.of(), 7));
        assertThat(unlinked.notes()).hasSize(2);
        assertThat(unlinked.noteEntityIds()).isEmpty();
        assertThat(unlinked.notes().get(0).entityIds()).isEmpty();
        assertThat(unlinked.notesStems()).hasSize(2);
    }

    @Test
    void badListingsAreRefusedInPlainWords() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/notes").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("give the entity"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/notes?entity=kh").then()
                .statusCode(400).contentType("application/problem+json").body(containsString("entity id"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/notes?entity=" + kh + "&size=0")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/search/notes?entity=" + kh).then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).get("/api/v1/search/notes?entity=" + kh).then()
                .statusCode(403).body(org.hamcrest.Matchers.not(containsString("checkpoints")));
        assertThat(given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/notes?entity=" + kh)
                .then().statusCode(200).extract().jsonPath().getList("notes")).hasSize(1);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/notes?entity=" + kh).then()
                .body("notes[0].author", equalTo("analyst"));
    }
}
