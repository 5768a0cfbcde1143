package io.dossier.search.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
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

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class SearchResourceTest {

    @Inject
    DocumentIndex index;

    /** A word no other test run has indexed, so every assertion below is about this run's documents. */
    String marker;
    String strikeId;
    String statementId;

    @BeforeEach
    void indexDocuments() throws Exception {
        marker = "m" + UUID.randomUUID().toString().replace("-", "");
        strikeId = UUID.randomUUID().toString();
        statementId = UUID.randomUUID().toString();
        index.write(List.of(
                new IndexedDocument(strikeId, "open", "Drone strike near al-Qaim " + marker,
                        "Kataib Hezbollah claimed the drone strike on the border. " + marker
                                + " <script>alert(1)</script> more text.",
                        "https://example.org/a", "Example Monitor", "2025-03-14T09:00:00Z", "2025-03-15T10:00:00Z"),
                new IndexedDocument(statementId, "open", "Statement by Asaib Ahl al-Haq " + marker,
                        "The group denied involvement. " + marker, "https://example.org/b", "Example Wire", null,
                        "2025-03-15T10:00:00Z")),
                List.of());
    }

    @Test
    void findsDocumentsWithHighlightsAndTotal() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "drone " + marker)
                .when().get("/api/v1/search")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("hits[0].id", equalTo(strikeId))
                .body("hits[0].title", equalTo("Drone strike near al-Qaim " + marker))
                .body("hits[0].publisher", equalTo("Example Monitor"))
                .body("hits[0].highlights.text[0]", containsString("<mark>drone</mark>"));

        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", marker)
                .when().get("/api/v1/search")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("hits.id", hasItem(statementId));
    }

    @Test
    void highlightsEscapeTheDocumentsMarkup() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "alert " + marker)
                .when().get("/api/v1/search")
                .then().statusCode(200)
                .body("hits[0].highlights.text[0]", containsString("&lt;script&gt;"))
                .body("hits[0].highlights.text[0]", not(containsString("<script>")));
    }

    @Test
    void roleMatrix() {
        given().queryParam("q", marker).get("/api/v1/search").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).queryParam("q", marker).get("/api/v1/search")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.integrator()).queryParam("q", marker).get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void badParametersAreProblems() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field",
                        equalTo("q"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "x").queryParam("size", 1000)
                .get("/api/v1/search")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "x").queryParam("from", 9_950)
                .queryParam("size", 100).get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("from + size must not exceed 10000"));
    }
}
