package io.dossier.entities.relations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Citations are checked against the sources service with the caller's token. In this module's tests no sources
 * service runs (its address is a closed port): what cannot be checked is neither written nor shown, and relations
 * without citations need no check at all. The checks themselves, against a real sources service, are in the
 * platform tests (SecurityRegressionTest).
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class CitationCheckTest {

    static String entity(String type, String name) {
        return given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("type", type, "primaryName", name)).post("/api/v1/entities").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aCitationThatCannotBeCheckedIsNotWritten() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String leader = entity("PERSON", "Abu Citation " + s);
        String group = entity("ORGANIZATION", "Citation Brigade " + s);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", leader, "objectId", group, "type", "LEADER_OF", "citations",
                        List.of(Map.of("sourceId", UUID.randomUUID().toString(), "quote", "leads the brigade"))))
                .post("/api/v1/relations").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("Citations cannot be checked"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("entity", leader).get("/api/v1/relations")
                .then().statusCode(200).body("$", empty());

        // without citations nothing needs checking: written and read as before
        String id = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", leader, "objectId", group, "type", "LEADER_OF"))
                .post("/api/v1/relations").then().statusCode(201).body("citations", empty()).extract().path("id");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/relations/" + id).then().statusCode(200)
                .body("type", equalTo("LEADER_OF"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("entity", group).get("/api/v1/relations")
                .then().statusCode(200).body("id", equalTo(List.of(id)));
    }

    @Test
    void quotesOccurInTheirTextAsAReaderWouldJudgeIt() {
        String text = "The group’s leader said: “We will respond.”\nHe spoke in Baghdad — on Monday.";
        assertThat(Quotes.occursIn("the group's leader said", text)).isTrue();
        assertThat(Quotes.occursIn("\"We will respond.\" He spoke", text)).isTrue();
        assertThat(Quotes.occursIn("in Baghdad - on Monday", text)).isTrue();
        assertThat(Quotes.occursIn("He   spoke\tin baghdad", text)).isTrue();
        assertThat(Quotes.occursIn("He spoke in Basra", text)).isFalse();
        assertThat(Quotes.occursIn("leader respond", text)).isFalse();
        assertThat(Quotes.occursIn("  ", text)).isFalse();
        assertThat(Quotes.occursIn("كتائب حزب الله", "أعلنت كتائب  حزب الله مسؤوليتها")).isTrue();
        assertThat(Quotes.occursIn("ﻛﺘﺎﺋﺐ", "كتائب")).as("Arabic presentation forms (NFKC)").isTrue();
    }
}
