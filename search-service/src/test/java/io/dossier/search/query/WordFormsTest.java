package io.dossier.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A word finds every form of itself, in English and in Arabic (the article and the conjunctions attached), the form
 * as written ranking first and highlighted as the text writes it; exact keeps to the form as written.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class WordFormsTest {

    @Inject
    DocumentIndex index;

    String marker;
    final Map<String, String> ids = new java.util.LinkedHashMap<>();

    @BeforeEach
    void indexDocuments() throws Exception {
        marker = "w" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String[]> docs = new java.util.LinkedHashMap<>();
        docs.put("plural", new String[]{"en", "Militias staged attacks on two checkpoints overnight."});
        docs.put("singular", new String[]{"en", "The militia attack hit one checkpoint."});
        docs.put("verb", new String[]{"en", "Gunmen attacked the convoy and were attacking again at dawn."});
        docs.put("arabic", new String[]{"ar", "نفذت الفصائل الهجمات بالمقاتلين ووللفصائل بيان."});
        docs.put("arabicPlain", new String[]{"ar", "هجمات جديدة ومقاتلين من فصائل أخرى."});
        // long texts of the same length: one says "ambush", the other only "ambushed"
        String filler = " The report lists roads, villages and dates of the month in the province.".repeat(20);
        docs.put("longExact", new String[]{"en", "Fighters set an ambush near the river." + filler});
        docs.put("longStem", new String[]{"en", "Fighters were ambushed near the river." + filler});
        List<IndexedDocument> batch = new java.util.ArrayList<>();
        docs.forEach((key, value) -> {
            String id = UUID.randomUUID().toString();
            ids.put(key, id);
            batch.add(IndexedDocument.of(id, "open", key + " " + marker, List.of(), value[1] + " " + marker, null,
                    "Example", null, value[0], List.of(), "2025-03-15T10:00:00Z", List.of(), 0));
        });
        index.write(batch, List.of());
    }

    private JsonPath search(String q, boolean exact) {
        return given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", q + " " + marker)
                .queryParam("exact", exact).queryParam("size", 20).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath();
    }

    private List<String> found(String q) {
        return search(q, false).getList("hits.id", String.class);
    }

    @Test
    void englishWordsFindTheirPluralsAndVerbForms() {
        assertThat(found("attack")).containsExactlyInAnyOrder(ids.get("plural"), ids.get("singular"),
                ids.get("verb"));
        assertThat(found("militia")).containsExactlyInAnyOrder(ids.get("plural"), ids.get("singular"));
        assertThat(found("checkpoints")).containsExactlyInAnyOrder(ids.get("plural"), ids.get("singular"));
        // the form as written first
        assertThat(found("attacks").get(0)).isEqualTo(ids.get("plural"));
        assertThat(found("attack").get(0)).isEqualTo(ids.get("singular"));
    }

    @Test
    void theFormAsWrittenComesFirstInLongTextsToo() {
        // a word's stems are scored as one field with the words (their lengths and frequencies together), so a text
        // that only holds another form is not favoured for its length
        assertThat(found("ambush")).containsExactly(ids.get("longExact"), ids.get("longStem"));
        assertThat(found("ambushed")).containsExactly(ids.get("longStem"), ids.get("longExact"));
    }

    @Test
    void arabicWordsFindThemWithTheArticleAndConjunctionsAttached() {
        assertThat(found("هجمات")).containsExactlyInAnyOrder(ids.get("arabic"), ids.get("arabicPlain"));
        assertThat(found("مقاتلين")).containsExactlyInAnyOrder(ids.get("arabic"), ids.get("arabicPlain"));
        assertThat(found("فصائل")).containsExactlyInAnyOrder(ids.get("arabic"), ids.get("arabicPlain"));
        assertThat(found("هجمات").get(0)).isEqualTo(ids.get("arabicPlain"));
    }

    @Test
    void phrasesFindTheirWordsInOtherFormsAndThePhraseAsWrittenFirst() {
        // "militias staged attacks", "militia attack", "attacked the convoy": a stem in one word, the word itself
        // in the next, or both
        assertThat(found("\"militia attacks\"")).containsExactly(ids.get("singular"));
        assertThat(found("\"militias stage attack\"")).containsExactly(ids.get("plural"));
        assertThat(found("\"attacks the convoys\"")).containsExactly(ids.get("verb"));
        assertThat(found("\"هجمات المقاتلين\"")).containsExactly(ids.get("arabic"));
        // in order: the words reversed are not the phrase, unless a slop allows it (any order within it)
        assertThat(found("\"attack militia\"")).isEmpty();
        assertThat(found("\"attack militia\"~2")).contains(ids.get("singular")).doesNotContain(ids.get("verb"));
        assertThat(search("\"militia attacks\"", true).getList("hits.id", String.class)).isEmpty();
        assertThat(search("\"militia attack\"", true).getList("hits.id", String.class))
                .containsExactly(ids.get("singular"));
    }

    @Test
    void highlightsMarkTheTextsOwnWordsAndExactKeepsTheFormAsWritten() {
        JsonPath verb = search("attack", false);
        int at = verb.getList("hits.id").indexOf(ids.get("verb"));
        assertThat(verb.getString("hits[" + at + "].highlights.text[0]")).contains("<mark>attacked</mark>")
                .contains("<mark>attacking</mark>");
        JsonPath arabic = search("مقاتلين", false);
        int a = arabic.getList("hits.id").indexOf(ids.get("arabic"));
        assertThat(arabic.getString("hits[" + a + "].highlights.text[0]")).contains("<mark>بالمقاتلين</mark>");
        assertThat(search("attacks", true).getList("hits.id", String.class)).containsExactly(ids.get("plural"));
    }
}
