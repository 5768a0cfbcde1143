package io.dossier.search.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class SearchResourceTest {

    @Inject
    DocumentIndex index;

    /** A word no other test run has indexed, so every assertion below is about this run's documents. */
    String marker;
    String strikeId;
    String statementId;
    String arabicId;
    String restrictedId;
    String kh;

    @BeforeEach
    void indexDocuments() throws Exception {
        marker = "m" + UUID.randomUUID().toString().replace("-", "");
        strikeId = UUID.randomUUID().toString();
        statementId = UUID.randomUUID().toString();
        arabicId = UUID.randomUUID().toString();
        restrictedId = UUID.randomUUID().toString();
        kh = UUID.randomUUID().toString();
        String title = "Drone strike near al-Qaim " + marker;
        String text = "Kata'ib Hizbullah claimed the drone strike on the border. " + marker
                + " <script>alert(1)</script> more text.";
        int at = IndexedDocument.linkedText(title, text).indexOf("Kata'ib");
        index.write(List.of(
                IndexedDocument.of(strikeId, "open", title, List.of("A. Writer"), text, "https://example.org/a",
                        "Example Monitor", "2025-03-14T09:00:00Z", "en", List.of("drones"), "2025-03-15T10:00:00Z",
                        List.of(new EntitiesApi.Mention(kh, "Organization", "Kataib Hezbollah", at, at + 17,
                                "Kata'ib Hizbullah", "Kata'ib Hizbullah")),
                        0),
                IndexedDocument.of(statementId, "open", "Statement by Asaib Ahl al-Haq " + marker, List.of(),
                        "The group denied involvement. " + marker, "https://example.org/b", "Example Wire", null,
                        "en", List.of(), "2025-03-16T10:00:00Z", List.of(), 0),
                IndexedDocument.of(arabicId, "open", "بيان " + marker, List.of(),
                        "أعلنت كتائب حزب الله مسؤوليتها. " + marker, null, "Example Arabic", "2025-02-01T00:00:00Z",
                        "ar", List.of(), "2025-03-17T10:00:00Z", List.of(), 0),
                IndexedDocument.of(restrictedId, "restricted", "Informant report " + marker, List.of(),
                        "A restricted report on Kataib Hezbollah. " + marker, null, "Field Office",
                        "2025-03-20T00:00:00Z", "en", List.of("humint"), "2025-03-20T10:00:00Z", List.of(), 0)),
                List.of());
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).log().ifValidationFails();
    }

    @Test
    void findsDocumentsWithHighlightsAndTotal() {
        as(Tokens.READER).queryParam("q", "drone " + marker)
                .when().get("/api/v1/search")
                .then().log().ifValidationFails().statusCode(200)
                .body("total", equalTo(1))
                .body("hits[0].id", equalTo(strikeId))
                .body("hits[0].title", equalTo("Drone strike near al-Qaim " + marker))
                .body("hits[0].publisher", equalTo("Example Monitor"))
                .body("hits[0].highlights.text[0]", containsString("<mark>drone</mark>"))
                .body("hits[0].entities[0].name", equalTo("Kataib Hezbollah"));

        as(Tokens.READER).queryParam("q", marker)
                .when().get("/api/v1/search")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("hits.id", hasItem(statementId));
    }

    @Test
    void foldsCaseApostrophesAndArabicLettersAndHighlightsTheOriginalSpelling() {
        // no apostrophe in the query, one in the text: the snippet shows the text's own spelling
        as(Tokens.READER).queryParam("q", "KATAIB hizbullah " + marker).get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(1)).body("hits[0].id", equalTo(strikeId))
                .body("hits[0].highlights.text[0]", containsString("<mark>Kata&#39;ib</mark>"));
        // bare alef in the query, alef with hamza in the text
        as(Tokens.READER).queryParam("q", "اعلنت " + marker).get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(1)).body("hits[0].id", equalTo(arabicId))
                .body("hits[0].highlights.text[0]", containsString("<mark>أعلنت</mark>"));
        // exact: the words as written, folded (case, marks, apostrophes) but not stemmed, and no aliases
        as(Tokens.READER).queryParam("q", "kataib " + marker).queryParam("exact", true).get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(1)).body("expansions", hasSize(0));
    }

    @Test
    void queryOperatorsAndSyntaxErrors() {
        as(Tokens.READER).queryParam("q", marker + " AND (drone OR denied) NOT border").get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(1)).body("hits[0].id", equalTo(statementId));
        as(Tokens.READER).queryParam("q", "\"drone strike\" " + marker).get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId)));
        as(Tokens.READER).queryParam("q", "dron* " + marker).get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId)));
        as(Tokens.READER).queryParam("q", "stirke~ " + marker).get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId)));
        // what is not valid syntax is searched as words, and the answer says how it was read
        as(Tokens.READER).queryParam("q", "drone AND (" + marker).get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId)))
                .body("interpretedAs", equalTo("drone " + marker)).body("note", notNullValue());
        as(Tokens.READER).queryParam("q", "Kataib/Hizbullah " + marker).get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(1))
                .body("interpretedAs", equalTo("Kataib Hizbullah " + marker))
                .body("note", containsString("read as a space"));
        // a question is searched as its words, without a note
        as(Tokens.READER).queryParam("q", "claimed the drone strike " + marker + "?").get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId))).body("note", nullValue());
        // strict: a 400 in plain words, with where it broke; never the engine's wording
        as(Tokens.READER).queryParam("q", "drone AND (").queryParam("syntax", "strict").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("column")).body("detail", not(containsString("shards")));
        // punctuation only: an answer with nothing found, not an error
        as(Tokens.READER).queryParam("q", "((( ))) :: --").get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(0)).body("note", containsString("no words"));
    }

    @Test
    void filtersFacetsAndTheEntityLinks() {
        JsonPath all = as(Tokens.READER).queryParam("q", marker).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
        assertFacet(all, "facets.publishers", "Example Monitor", 1);
        assertFacet(all, "facets.languages", "en", 2);
        assertFacet(all, "facets.languages", "ar", 1);
        org.assertj.core.api.Assertions.assertThat(all.getList("facets.entities.name")).contains("Kataib Hezbollah");
        org.assertj.core.api.Assertions.assertThat(all.getList("facets.dates")).isNotEmpty();

        as(Tokens.READER).queryParam("q", marker).queryParam("entity", kh).get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId)));
        as(Tokens.READER).queryParam("q", marker).queryParam("type", "Organization").get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId)));
        as(Tokens.READER).queryParam("q", marker).queryParam("language", "ar").get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(arabicId)));
        as(Tokens.READER).queryParam("q", marker).queryParam("publishedFrom", "2025-03-01")
                .queryParam("publishedTo", "2025-03-31").get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId)));
        as(Tokens.READER).queryParam("q", marker).queryParam("tag", "drones").get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId)));
        as(Tokens.READER).queryParam("q", marker).queryParam("sort", "date").get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(strikeId, arabicId, statementId)));
    }

    private static void assertFacet(JsonPath json, String facet, String value, int count) {
        List<java.util.Map<String, Object>> buckets = json.getList(facet);
        org.assertj.core.api.Assertions.assertThat(buckets)
                .anySatisfy(b -> {
                    org.assertj.core.api.Assertions.assertThat(b.get("value")).isEqualTo(value);
                    org.assertj.core.api.Assertions.assertThat(((Number) b.get("count")).intValue()).isEqualTo(count);
                });
    }

    @Test
    void aReaderWithoutRestrictedNeverSeesItInHitsOrFacets() {
        as(Tokens.READER).queryParam("q", marker).get("/api/v1/search")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("hits.id", not(hasItem(restrictedId)))
                .body("hits.collection", everyItem(equalTo("open")))
                .body("facets.collections.value", not(hasItem("restricted")))
                .body("facets.publishers.value", not(hasItem("Field Office")))
                .body("facets.tags.value", not(hasItem("humint")));
        // asking for it does not help
        as(Tokens.READER).queryParam("q", marker).queryParam("collection", "restricted").get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(0)).body("facets.publishers", equalTo(List.of()));
        // an analyst granted the collection sees it; so does an administrator
        as(Tokens.INVESTIGATOR).queryParam("q", marker).get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(4)).body("hits.id", hasItem(restrictedId));
        as(Tokens.ADMIN).queryParam("q", marker).queryParam("collection", "restricted").get("/api/v1/search")
                .then().statusCode(200).body("hits.id", equalTo(List.of(restrictedId)));
    }

    @Test
    void theCursorWalksEveryHitOnce() {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            var request = as(Tokens.READER).queryParam("q", marker).queryParam("size", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath json = request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
            List<String> ids = json.getList("hits.id");
            if (ids.isEmpty()) {
                break;
            }
            order.addAll(ids);
            seen.addAll(ids);
            cursor = json.getString("next");
            org.assertj.core.api.Assertions.assertThat(cursor).isNotNull();
        }
        org.assertj.core.api.Assertions.assertThat(order).hasSize(3).hasSameSizeAs(seen);
        as(Tokens.READER).queryParam("q", marker).queryParam("cursor", "not-a-cursor").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void highlightsEscapeTheDocumentsMarkup() {
        as(Tokens.READER).queryParam("q", "alert " + marker)
                .when().get("/api/v1/search")
                .then().statusCode(200)
                .body("hits[0].highlights.text[0]", containsString("&lt;script&gt;"))
                .body("hits[0].highlights.text[0]", not(containsString("<script>")))
                .body("expansions", equalTo(List.of()));
    }

    @Test
    void roleMatrix() {
        given().queryParam("q", marker).get("/api/v1/search").then().statusCode(401)
                .contentType("application/problem+json");
        as(Tokens.NOBODY).queryParam("q", marker).get("/api/v1/search")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.integrator()).queryParam("q", marker).get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void badParametersAreProblems() {
        as(Tokens.READER).get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field",
                        equalTo("q"));
        as(Tokens.READER).queryParam("q", "x").queryParam("size", 1000)
                .get("/api/v1/search")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        as(Tokens.READER).queryParam("q", "x").queryParam("from", 9_950)
                .queryParam("size", 100).get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("from + size must not exceed 10000"));
        as(Tokens.READER).queryParam("q", "x").queryParam("sort", "random").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
        as(Tokens.READER).queryParam("q", "x").queryParam("publishedFrom", "2025-13-45").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
        as(Tokens.READER).queryParam("q", "x").queryParam("entity", "nope").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
        as(Tokens.READER).queryParam("q", "x").queryParam("cursor", "abc").queryParam("from", 5).get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
