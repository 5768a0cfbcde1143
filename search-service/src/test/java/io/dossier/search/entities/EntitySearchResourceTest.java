package io.dossier.search.entities;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dossier.search.indexing.EntityIndex;
import io.dossier.search.indexing.IndexedEntity;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Entity typeahead over the entities index, against the real Elasticsearch. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class EntitySearchResourceTest {

    /** Fixed ids: a run overwrites the previous run's entities instead of adding look-alikes. */
    static final String KH = id("kh"), QAANI = id("qaani"), AAH = id("aah"), BAGHDAD = id("baghdad");

    @Inject
    EntityIndex index;

    static String id(String key) {
        return UUID.nameUUIDFromBytes(("typeahead-test-" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @BeforeEach
    void registry() throws Exception {
        index.write(List.of(
                IndexedEntity.of(KH, "ORGANIZATION", "Kataib Hezbollah", "An Iraqi militia",
                        List.of("Kata'ib Hizbullah", "Hezbollah Brigades", "KH", "كتائب حزب الله"), List.of()),
                IndexedEntity.of(QAANI, "PERSON", "Esmail Qaani", null,
                        List.of("Esmail Ghaani", "Ismail Qaani", "إسماعيل قاآني"), List.of()),
                IndexedEntity.of(AAH, "ORGANIZATION", "Asaib Ahl al-Haq", null,
                        List.of("Asa'ib Ahl al-Haq", "League of the Righteous", "عصائب أهل الحق"), List.of()),
                IndexedEntity.of(BAGHDAD, "LOCATION", "Baghdad", null, List.of("بغداد"), List.of())),
                List.of());
    }

    static JsonPath suggest(String q) {
        return given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", q)
                .get("/api/v1/search/entities").then().statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // prefixes of a word, of several words, in any order, in either script
            "kataib hez | kh | Kataib Hezbollah",
            "Kata'ib Hizb | kh | Kata'ib Hizbullah",
            "hezbollah brig | kh | Hezbollah Brigades",
            "brigades hezb | kh | Hezbollah Brigades",
            "كتائب حز | kh | كتائب حزب الله",
            "KH | kh | KH",
            "league of the righ | aah | League of the Righteous",
            "عصائب | aah | عصائب أهل الحق",
            "اسماعيل قا | qaani | إسماعيل قاآني",
            // a typo or another transliteration
            "Esmail Ghaani | qaani | Esmail Ghaani",
            "Esmail Qaany | qaani | Esmail Qaani",
            "Asaeb Ahl al-Haq | aah | Asaib Ahl al-Haq",
            "bagdad | baghdad | Baghdad",
    })
    void findsTheEntityFromWhatWasTyped(String typed, String expected, String matchedName) {
        JsonPath found = suggest(typed);
        assertThat(found.getString("entities[0].id")).as("first for %s", typed).isEqualTo(id(expected));
        assertThat(found.getString("entities[0].matchedName")).isEqualTo(matchedName);
        assertThat(found.getString("entities[0].type")).isNotBlank();
    }

    @Test
    void anExactNameComesBeforeLongerNamesItBegins() {
        IndexedEntity longer = IndexedEntity.of(id("baghdad-op"), "ORGANIZATION", "Baghdad Operations Command",
                null, List.of(), List.of());
        try {
            index.write(List.of(longer), List.of());
            assertThat(suggest("baghdad").getList("entities.id", String.class)).startsWith(BAGHDAD,
                    longer.id());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void typesFilterAndNothingMatchesNonsense() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "kataib").queryParam("type", "PERSON")
                .get("/api/v1/search/entities").then().statusCode(200)
                .body("entities.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(KH)));
        assertThat(suggest("zqxjv wkpf").getList("entities")).isEmpty();
    }

    @Test
    void badRequestsAreProblems() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", " ").get("/api/v1/search/entities")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "k").queryParam("size", 0)
                .get("/api/v1/search/entities").then().statusCode(400);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "k").queryParam("type", "person!")
                .get("/api/v1/search/entities").then().statusCode(400);
        given().queryParam("q", "k").get("/api/v1/search/entities").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).queryParam("q", "k").get("/api/v1/search/entities")
                .then().statusCode(403);
        // query syntax is not interpreted here: whatever is typed is text
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", "\"(kataib ~*")
                .get("/api/v1/search/entities").then().statusCode(200).body("entities[0].id", equalTo(KH));
    }
}
