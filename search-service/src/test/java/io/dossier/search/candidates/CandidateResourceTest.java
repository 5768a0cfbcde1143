package io.dossier.search.candidates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The candidates queue over documents written with the names their linking found: counts, mentions and passages only
 * of readable documents, new ones by when they were first seen, rejections remembered, and an acceptance that the
 * registry cannot take leaves the name undecided.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class CandidateResourceTest {

    @Inject
    DocumentIndex documents;

    @Inject
    ElasticsearchClient client;

    /** Made-up names of this run: a group in open and restricted documents, a person, a hidden and an old name. */
    String group;
    String person;
    String hidden;
    String old;

    @BeforeEach
    void index() throws Exception {
        removeEarlierOnes();
        Random random = new Random();
        group = "Saraya " + word(random);
        person = word(random) + " al-" + word(random);
        hidden = "Liwa " + word(random);
        old = "Harakat " + word(random);
        String now = Instant.now().toString();
        String monthAgo = Instant.now().minus(30, ChronoUnit.DAYS).toString();
        documents.write(List.of(
                document("open", now, "Fighters of " + group + " met " + person + ". Later " + group + " left."),
                document("open", now, "A statement by " + group + " followed."),
                document("restricted", now, "Only here: " + hidden + " and " + group + " met in secret."),
                document("open", monthAgo, "An older brief on " + old + " and " + group + "."),
                document("open", monthAgo, "Another brief on " + old + ".")), List.of());
    }

    @Test
    void countsMentionsAndPassagesOnlyOfReadableDocuments() {
        JsonPath page = list(Tokens.EDITOR, Map.of("minDocuments", 1, "type", "ORGANIZATION", "size", 100));
        Map<String, Object> candidate = candidate(page, group);
        assertThat(candidate).as("listed to an editor").isNotNull();
        // three open documents (the restricted one is not counted), four mentions in them
        assertThat(candidate.get("documents")).isEqualTo(3);
        assertThat(candidate.get("mentions")).isEqualTo(4);
        assertThat(candidate.get("type")).isEqualTo("ORGANIZATION");
        assertThat(candidate.get("key")).isEqualTo("ORGANIZATION|" + group);
        assertThat(candidate.get("languages")).isEqualTo(List.of("en"));
        List<Map<String, Object>> contexts = (List<Map<String, Object>>) candidate.get("contexts");
        assertThat(contexts).hasSize(2).allSatisfy(c -> {
            assertThat(c.get("collection")).isEqualTo("open");
            String text = (String) c.get("text");
            assertThat(text.substring((Integer) c.get("start"), (Integer) c.get("end"))).isEqualTo(group);
        });
        assertThat(page.getList("candidates.name")).doesNotContain(hidden).as("persons filtered out")
                .doesNotContain(person);
        assertThat(page.getString("candidates.findAll { it.name == '" + group + "' }.contexts.text"))
                .doesNotContain("in secret");

        // an administrator reads restricted too: the hidden name and the fourth document
        JsonPath all = list(Tokens.ADMIN, Map.of("minDocuments", 1, "type", "ORGANIZATION", "size", 100));
        assertThat(candidate(all, group).get("documents")).isEqualTo(4);
        assertThat(all.getList("candidates.name")).contains(hidden);
    }

    @Test
    void newOnesAreThoseFirstSeenThisWeekNewestFirst() {
        JsonPath fresh = list(Tokens.EDITOR, Map.of("minDocuments", 1, "trend", "new", "size", 100));
        assertThat(fresh.getList("candidates.name")).contains(person).doesNotContain(old)
                .as("seen a month ago already").doesNotContain(group);
        List<String> firstSeen = fresh.getList("candidates.firstSeen");
        List<String> sorted = new ArrayList<>(firstSeen);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertThat(firstSeen).isEqualTo(sorted);
        // by default a name needs two documents
        assertThat(list(Tokens.EDITOR, Map.of("size", 100)).getList("candidates.name")).doesNotContain(person);
    }

    @Test
    void aRejectedNameIsNeverProposedAgain() {
        assertThat(list(Tokens.EDITOR, Map.of("minDocuments", 1, "size", 100)).getList("candidates.name"))
                .contains(old);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("name", old, "type", "ORGANIZATION")).post("/api/v1/candidates/reject").then()
                .statusCode(200).body("decision", org.hamcrest.Matchers.equalTo("REJECTED"))
                .body("decidedBy", org.hamcrest.Matchers.equalTo("editor"));
        assertThat(list(Tokens.EDITOR, Map.of("minDocuments", 1, "size", 100)).getList("candidates.name"))
                .doesNotContain(old).contains(group);
        assertThat(list(Tokens.ADMIN, Map.of("minDocuments", 1, "size", 100)).getList("candidates.name"))
                .as("for every editor").doesNotContain(old);
    }

    @Test
    void anAcceptanceTheRegistryCannotTakeLeavesTheNameInTheQueue() {
        // no entities service in this module's tests: the registry is unreachable
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("name", person, "type", "PERSON")).post("/api/v1/candidates/accept").then()
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("registry is unavailable"));
        assertThat(list(Tokens.EDITOR, Map.of("minDocuments", 1, "type", "PERSON", "size", 100))
                .getList("candidates.name")).contains(person);
    }

    @Test
    void badInputIsRefusedPlainlyAndOnlyEditorsMayUseTheQueue() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("type", "WEAPON"),
                Map.of("minDocuments", 0), Map.of("trend", "old"), Map.of("size", 1000), Map.of("language", "x1"))) {
            given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).queryParams(bad).get("/api/v1/candidates").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        for (Object body : List.of(Map.of("name", "", "type", "PERSON"), Map.of("name", "X", "type", "THING"),
                Map.of("name", "A|B", "type", "PERSON"), Map.of("name", "X", "type", "PERSON", "entityId", "1"),
                "not json")) {
            given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/candidates/reject").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        // the last page the API takes offers no next one beyond it
        assertThat(list(Tokens.EDITOR, Map.of("minDocuments", 1, "from", 500, "size", 100)).getString("next"))
                .isNull();
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).get("/api/v1/candidates").then().statusCode(403);
        given().get("/api/v1/candidates").then().statusCode(401);
    }

    @Test
    void aPossibleMentionIsShownApartAndCountedNowhere() throws Exception {
        String entityId = UUID.randomUUID().toString();
        String spelling = "Abu " + person;
        String text = "A mural of " + spelling + " appeared.";
        int at = "Brief\n\n".length() + text.indexOf(spelling);
        IndexedDocument d = IndexedDocument.of(UUID.randomUUID().toString(), "open", "Brief", List.of(), text, null,
                "Example", null, "en", List.of(), Instant.now().toString(), List.of(), 0)
                .withNames(List.of(new EntitiesApi.Spotted(spelling, "PERSON", at, at + spelling.length(),
                        new EntitiesApi.Possible(entityId, "Abu Registered", 0.91, "Abu Registered", "fuzzy"))));
        documents.write(List.of(d), List.of());
        JsonPath view = given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .get("/api/v1/search/documents/" + d.id()).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("mentions")).as("not a link").isEmpty();
        assertThat(view.getList("entities")).isEmpty();
        assertThat(view.getString("possibleMentions[0].entityId")).isEqualTo(entityId);
        assertThat(view.getString("possibleMentions[0].field")).isEqualTo("text");
        int start = view.getInt("possibleMentions[0].start");
        assertThat(text.substring(start, view.getInt("possibleMentions[0].end"))).isEqualTo(spelling);
        assertThat(view.getDouble("possibleMentions[0].score")).isEqualTo(0.91);
        // no facet counts it, no entity filter finds the document
        assertThat(given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "*")
                .queryParam("entity", entityId).get("/api/v1/search").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isZero();
    }

    private static Map<String, Object> candidate(JsonPath page, String name) {
        List<Map<String, Object>> all = page.getList("candidates");
        return all.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElse(null);
    }

    private static JsonPath list(String user, Map<String, Object> params) {
        return given().auth().oauth2(Tokens.forUser(user)).queryParams(params).get("/api/v1/candidates").then()
                .statusCode(200).extract().jsonPath();
    }

    private static String word(Random random) {
        StringBuilder s = new StringBuilder("Q");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** A document as the indexer writes it, with the names its linking found (each occurrence in the text). */
    /**
     * Takes out the documents this class wrote before (in an earlier test, or an earlier run on a reused test stack):
     * their names rank among this test's by document count and name, and a page of the queue would fill with them.
     */
    private void removeEarlierOnes() throws Exception {
        documents.ensureExists();
        // found, then deleted by id (this Elasticsearch has no delete-by-query)
        List<String> ids = client.search(x -> x.index(documents.name()).size(10_000).source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("publisher").value("Example")))
                        .should(o -> o.prefix(p -> p.field("candidates").value("ORGANIZATION|Saraya ")))
                        .should(o -> o.prefix(p -> p.field("candidates").value("ORGANIZATION|Liwa ")))
                        .should(o -> o.prefix(p -> p.field("candidates").value("ORGANIZATION|Harakat ")))
                        .minimumShouldMatch("1"))),
                Void.class).hits().hits().stream().map(h -> h.id()).toList();
        documents.write(List.of(), ids);
    }

    private IndexedDocument document(String collection, String createdAt, String text) {
        List<EntitiesApi.Spotted> names = new ArrayList<>();
        for (String name : List.of(group, person, hidden, old)) {
            String type = name.equals(person) ? "PERSON" : "ORGANIZATION";
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                names.add(new EntitiesApi.Spotted(name, type, at, at + name.length()));
            }
        }
        return IndexedDocument.of(UUID.randomUUID().toString(), collection, "Brief", List.of(), text, null,
                "Example", null, "en", List.of(), createdAt, List.of(), 0).withNames(names);
    }
}
