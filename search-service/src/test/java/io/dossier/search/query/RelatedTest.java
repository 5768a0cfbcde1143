package io.dossier.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.EntitiesApi;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** More like this, and co-mentioned entities, within the collections the caller may read. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class RelatedTest {

    @Inject
    DocumentIndex index;

    @Inject
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    String kh;
    String qaani;
    String aah;
    String strike;
    String followUp;
    String unrelated;
    String restricted;

    /** Earlier runs' documents of this test (the test index persists): each run compares only its own. */
    private void forgetEarlierRuns() throws Exception {
        index.ensureExists();
        var earlier = client.search(q -> q.index(index.name()).size(1000).source(src -> src.fetch(false))
                .query(x -> x.bool(b -> b.should(m -> m.match(t -> t.field("titleForms").query("border drone strike")))
                        .should(m -> m.match(t -> t.field("titleForms").query("wheat harvest figures")))
                        .minimumShouldMatch("1"))),
                Void.class);
        List<String> ids = earlier.hits().hits().stream().map(h -> h.id()).toList();
        if (!ids.isEmpty()) {
            index.write(List.of(), ids);
        }
    }

    @BeforeEach
    void documents() throws Exception {
        forgetEarlierRuns();
        kh = UUID.randomUUID().toString();
        qaani = UUID.randomUUID().toString();
        aah = UUID.randomUUID().toString();
        strike = UUID.randomUUID().toString();
        followUp = UUID.randomUUID().toString();
        unrelated = UUID.randomUUID().toString();
        restricted = UUID.randomUUID().toString();
        String marker = "r" + UUID.randomUUID().toString().replace("-", "");
        index.write(List.of(
                doc(strike, "open", "Drone strike on the Syrian border " + marker,
                        "Kataib Hezbollah launched a drone strike on the border crossing near al-Qaim after "
                                + "Esmail Qaani visited Baghdad. " + marker,
                        kh, qaani),
                doc(followUp, "open", "After the border drone strike " + marker,
                        "A second drone strike hit the border crossing near al-Qaim; Kataib Hezbollah and Asaib "
                                + "Ahl al-Haq denied it, and Esmail Qaani was said to be in Baghdad. " + marker,
                        kh, aah, qaani),
                doc(unrelated, "open", "Wheat harvest figures " + marker,
                        "The ministry published the wheat harvest figures for the southern provinces. " + marker),
                doc(restricted, "restricted", "Informant on the border drone strike " + marker,
                        "An informant places Asaib Ahl al-Haq at the border crossing near al-Qaim before the drone "
                                + "strike, with Kataib Hezbollah. " + marker,
                        kh, aah)),
                List.of());
    }

    /** A document linked to the given entities (a mention of each at the start of the text, for the links). */
    private static IndexedDocument doc(String id, String collection, String title, String text, String... entities) {
        List<EntitiesApi.Mention> mentions = new ArrayList<>();
        int textStart = title.length() + 2;
        for (String entity : entities) {
            mentions.add(new EntitiesApi.Mention(entity, entity.hashCode() % 2 == 0 ? "ORGANIZATION" : "PERSON",
                    "Entity " + entity.substring(0, 8), textStart, textStart + 4, text.substring(0, 4),
                    text.substring(0, 4)));
        }
        return IndexedDocument.of(id, collection, title, List.of(), text, null, "Example", "2025-03-14T00:00:00Z",
                "en", List.of(), null, mentions, 0);
    }

    /**
     * A document read with a query: the words it looks for, in every form, where the title and the text have them
     * (the reading view marks them); none without a query; only the form as written with exact.
     */
    @Test
    void aDocumentReadWithAQuerySaysWhereItsWordsAre() {
        JsonPath doc = get(Tokens.READER, "/api/v1/search/documents/" + followUp + "?q=strikes AND crossing");
        String title = doc.getString("title");
        String text = doc.getString("text");
        List<Map<String, Object>> matches = doc.getList("matches");
        List<String> words = matches.stream().map(m -> ("title".equals(m.get("field")) ? title : text)
                .substring((Integer) m.get("start"), (Integer) m.get("end"))).toList();
        // "strikes" finds "strike" in the title and the text; "crossing" the text's
        assertThat(words).containsExactly("strike", "strike", "crossing");
        assertThat(matches.get(0).get("field")).isEqualTo("title");
        assertThat(get(Tokens.READER, "/api/v1/search/documents/" + followUp).getList("matches")).isEmpty();
        assertThat(get(Tokens.READER, "/api/v1/search/documents/" + followUp + "?q=strikes&exact=true")
                .getList("matches")).isEmpty();
        // whatever is typed: read as a search would read it, never an error
        assertThat(get(Tokens.READER, "/api/v1/search/documents/" + followUp + "?q=(strike AND").getList(
                "matches")).hasSize(2);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "x".repeat(1001))
                .get("/api/v1/search/documents/" + followUp).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static JsonPath get(String user, String path) {
        return given().auth().oauth2(Tokens.forUser(user)).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void similarDocumentsShareWordsAndEntitiesAndStayInReadableCollections() {
        List<String> forReader = get(Tokens.READER, "/api/v1/search/documents/" + strike + "/similar?size=50")
                .getList("hits.id", String.class);
        assertThat(forReader).contains(followUp).doesNotContain(strike, unrelated, restricted);
        // earlier runs' look-alikes are in the index too: among this run's documents, the follow-up comes first
        List<String> ours = List.of(strike, followUp, unrelated, restricted);
        assertThat(forReader.stream().filter(ours::contains).toList()).containsExactly(followUp);
        List<String> forInvestigator = get(Tokens.INVESTIGATOR,
                "/api/v1/search/documents/" + strike + "/similar?size=50")
                .getList("hits.id", String.class);
        assertThat(forInvestigator).contains(followUp, restricted).doesNotContain(strike, unrelated);
    }

    @Test
    void aDocumentTheCallerMayNotReadHasNoSimilarDocuments() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/documents/" + restricted
                + "/similar").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/documents/"
                + UUID.randomUUID() + "/similar").then().statusCode(404);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/documents/not-an-id/similar")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/search/documents/" + strike + "/similar").then().statusCode(401);
    }

    @Test
    void aDocumentComesWithItsLinkedMentionsToThoseWhoMayReadIt() {
        JsonPath doc = get(Tokens.READER, "/api/v1/search/documents/" + followUp);
        assertThat(doc.getString("title")).startsWith("After the border drone strike");
        assertThat(doc.getList("entities.id", String.class)).containsExactlyInAnyOrder(kh, aah, qaani);
        assertThat(doc.getList("mentions.field", String.class)).containsOnly("text");
        assertThat(doc.getInt("mentions[0].end")).isGreaterThan(doc.getInt("mentions[0].start"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/documents/" + restricted).then()
                .statusCode(404).contentType("application/problem+json");
        assertThat(get(Tokens.INVESTIGATOR, "/api/v1/search/documents/" + restricted).getString("collection"))
                .isEqualTo("restricted");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/documents/nope").then()
                .statusCode(400);
    }

    @Test
    void coMentionedEntitiesAreCountedInReadableDocumentsOnly() {
        JsonPath reader = get(Tokens.READER, "/api/v1/search/entities/" + kh + "/co-mentioned");
        assertThat(reader.getLong("documents")).isEqualTo(2);
        assertThat(counts(reader)).containsExactly(Map.entry(qaani, 2), Map.entry(aah, 1));
        JsonPath investigator = get(Tokens.INVESTIGATOR, "/api/v1/search/entities/" + kh + "/co-mentioned");
        assertThat(investigator.getLong("documents")).isEqualTo(3);
        assertThat(counts(investigator)).containsOnly(Map.entry(qaani, 2), Map.entry(aah, 2));
        JsonPath top1 = get(Tokens.READER, "/api/v1/search/entities/" + kh + "/co-mentioned?size=1");
        assertThat(counts(top1)).containsExactly(Map.entry(qaani, 2));
        assertThat(get(Tokens.READER, "/api/v1/search/entities/" + UUID.randomUUID() + "/co-mentioned")
                .getList("coMentioned")).isEmpty();
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search/entities/x/co-mentioned").then()
                .statusCode(400);
    }

    private static List<Map.Entry<String, Integer>> counts(JsonPath answer) {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        for (Map<String, Object> e : answer.<Map<String, Object>>getList("coMentioned")) {
            out.add(Map.entry((String) e.get("id"), (Integer) e.get("documents")));
        }
        return out;
    }
}
