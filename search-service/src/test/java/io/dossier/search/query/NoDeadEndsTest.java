package io.dossier.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.EntityIndex;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.indexing.IndexedEntity;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A search that finds nothing offers the query spelled as the caller's readable documents spell it, and hints; every
 * first page lists the registry entities the query is about (by name or by tag, in any form of the word).
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class NoDeadEndsTest {

    @Inject
    DocumentIndex documents;

    @Inject
    EntityIndex entities;

    /** Made-up words of this run: an open document's, a restricted document's, a tag's and a name's. */
    String open;
    String hidden;
    String tag;
    String name;
    String entityId;
    /** Entities named like the tag (two letters changed) and like a six-letter word (two letters changed). */
    String tagLikeId;
    String shortLikeId;
    String shortWord;

    @BeforeEach
    void index() throws Exception {
        Random random = new Random();
        open = "zor" + letters(random, 7);
        hidden = "vel" + letters(random, 7);
        // ends in a syllable the English stemmer leaves alone, so that tag + "s" stems back to the tag
        tag = "tor" + letters(random, 5) + "ak";
        name = "Liwa " + Character.toUpperCase(open.charAt(0)) + open.substring(1);
        entityId = UUID.randomUUID().toString();
        documents.write(List.of(
                document("open", "The brigade fired rockets near " + open + " at dawn."),
                document("restricted", "A depot at " + hidden + " was hit.")), List.of());
        shortWord = "q" + letters(random, 5);
        tagLikeId = UUID.randomUUID().toString();
        shortLikeId = UUID.randomUUID().toString();
        entities.write(List.of(IndexedEntity.of(entityId, "ORGANIZATION", name, null, List.of(), List.of(tag)),
                IndexedEntity.of(tagLikeId, "PERSON", twoLettersChanged(tag), null, List.of(), List.of()),
                IndexedEntity.of(shortLikeId, "PERSON", twoLettersChanged(shortWord), null, List.of(), List.of())),
                List.of());
    }

    private static String letters(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /**
     * The word with its second and third letters from the end replaced by letters it has at neither place, so that the
     * two are two edits away and never one (swapping "vw" to "wv" would be a single transposition).
     */
    private static String twoLettersChanged(String word) {
        char[] c = word.toCharArray();
        int first = c.length - 3;
        String replacements = "wvx".replace(String.valueOf(c[first]), "").replace(String.valueOf(c[first + 1]), "");
        c[first] = replacements.charAt(0);
        c[first + 1] = replacements.charAt(0);
        return new String(c);
    }

    private static IndexedDocument document(String collection, String text) {
        return IndexedDocument.of(UUID.randomUUID().toString(), collection, "Report", List.of(), text, null,
                "Example", null, "en", List.of(), "2025-03-15T10:00:00Z", List.of(), 0);
    }

    private static JsonPath search(String user, String q) {
        return given().auth().oauth2(Tokens.forUser(user)).queryParam("q", q).get("/api/v1/search").then()
                .statusCode(200).extract().jsonPath();
    }

    /** The word with its last letter changed: a typo the index does not hold. */
    private static String typo(String word) {
        char last = word.charAt(word.length() - 1);
        return word.substring(0, word.length() - 1) + (last == 'x' ? 'y' : 'x');
    }

    @Test
    void nothingFoundOffersTheSpellingOfTheReadableDocumentsAndHints() {
        JsonPath none = search(Tokens.READER, typo(open));
        assertThat(none.getLong("total")).isZero();
        assertThat(none.getList("suggestions.queries", String.class)).containsExactly(open);
        assertThat(none.getList("suggestions.hints", String.class)).anySatisfy(h -> assertThat(h)
                .contains(typo(open) + "*"));
        // what the suggestion offers finds the document
        assertThat(search(Tokens.READER, open).getLong("total")).isEqualTo(1);

        // a word only a restricted document holds is never suggested to someone who cannot read it
        JsonPath reader = search(Tokens.READER, typo(hidden));
        assertThat(reader.getLong("total")).isZero();
        assertThat(reader.getList("suggestions.queries", String.class)).isEmpty();
        assertThat(search(Tokens.ADMIN, typo(hidden)).getList("suggestions.queries", String.class))
                .containsExactly(hidden);

        // "*" alone is everything, with nothing to say about how it was read
        assertThat(search(Tokens.READER, "*").getString("note")).isNull();

        // several words: the hint says how to find more
        JsonPath two = search(Tokens.READER, typo(open) + " " + typo(hidden));
        assertThat(two.getList("suggestions.hints", String.class)).anySatisfy(h -> assertThat(h).contains("OR"));
    }

    @Test
    void theEntitiesAQueryIsAboutAreListedBesideTheDocuments() {
        // by its name, whole or begun, and with a typo
        for (String q : List.of(name, name.substring(0, name.length() - 2), typo(name))) {
            JsonPath found = search(Tokens.READER, q);
            assertThat(found.getList("entities.id", String.class)).as(q).contains(entityId);
        }
        JsonPath byName = search(Tokens.READER, name);
        assertThat(byName.getString("entities[0].id")).isEqualTo(entityId);
        assertThat(byName.getString("entities[0].type")).isEqualTo("ORGANIZATION");
        assertThat(byName.getString("entities[0].name")).isEqualTo(name);
        assertThat(byName.getString("entities[0].why")).isEqualTo("named " + name);
        // by its tag, in another form of the word; on a page of its own, whatever the documents
        JsonPath byTag = search(Tokens.READER, tag + "s");
        assertThat(byTag.getLong("total")).isZero();
        assertThat(byTag.getString("entities[0].id")).isEqualTo(entityId);
        assertThat(byTag.getString("entities[0].why")).isEqualTo("tagged " + tag);
        // the tagged actor above a name merely like the word; a short word finds no name two letters away
        assertThat(search(Tokens.READER, tag).getString("entities[0].id")).isEqualTo(entityId);
        assertThat(search(Tokens.READER, shortWord).getList("entities.id", String.class)).doesNotContain(shortLikeId);
        // a later page does not repeat them
        assertThat(given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", name)
                .queryParam("from", 20).get("/api/v1/search").then().statusCode(200).extract().jsonPath()
                .getList("entities")).isEmpty();
    }
}
