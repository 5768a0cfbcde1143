package io.dossier.sources.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.sources.ingest.IngestResource;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class SourceResourceTest {

    static Map<String, Object> brief(String text) {
        return Map.of("title", "Militia statement on the border crossing", "text", text, "url",
                "https://example.org/briefs/1", "publishedAt", "2025-03-14T09:00:00Z", "publisher", "Example Monitor");
    }

    static String unique(String text) {
        return text + " [" + UUID.randomUUID() + "]";
    }

    @Test
    void analystCreatesAndReaderReadsIt() {
        String text = unique("Kataib Hezbollah claimed the drone strike near al-Qaim.");
        String location = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(brief(text))
                .when().post("/api/v1/sources")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/sources/"))
                .header("ETag", equalTo("\"0\""))
                .body("title", equalTo("Militia statement on the border crossing"))
                .body("text", equalTo(text))
                .body("collection", equalTo("open"))
                .body("status", equalTo("EXTRACTED"))
                .body("createdBy", equalTo("analyst"))
                .body("size", equalTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length))
                .extract().header("Location");

        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .when().get("/api/v1/sources/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("text", equalTo(text))
                .body("publisher", equalTo("Example Monitor"))
                .body("publishedAt", equalTo("2025-03-14T09:00:00Z"))
                .body("sha256", notNullValue());
    }

    @Test
    void sameContentTwiceReturnsTheStoredSource() {
        String text = unique("Asaib Ahl al-Haq denied any role in the attack.");
        String first = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(brief(text)).post("/api/v1/sources")
                .then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(Tokens.integrator()).contentType(ContentType.JSON)
                .body(brief(text)).post("/api/v1/sources")
                .then().statusCode(200).header(IngestResource.DUPLICATE_HEADER, "true")
                .extract().path("id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void integratorServiceAccountMayIngest() {
        given().auth().oauth2(Tokens.integrator()).contentType(ContentType.JSON)
                .body(brief(unique("Badr Organization joined the talks.")))
                .when().post("/api/v1/sources")
                .then().statusCode(201).body("createdBy", equalTo("service-account-dossier-integrator"));
    }

    @Test
    void roleMatrix() {
        var body = brief(unique("Role matrix text."));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/sources")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(body).post("/api/v1/sources")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sources")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));

        String id = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        given().get("/api/v1/sources/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).get("/api/v1/sources/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + id).then().statusCode(200);
    }

    @Test
    void invalidInputIsAProblemWithTheFields() {
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", " ", "text", "x", "url", "ftp://nope", "collection", "Not Valid"))
                .when().post("/api/v1/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("url"))
                .body("errors.field", hasItem("collection"));
    }

    @Test
    void inputTheDatabaseCannotStoreIsRefusedUpFront() {
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body("{\"title\": \"nul\\u0000title\", \"text\": \"a\\u0000b\", \"url\": \"https://x.org/\\u0000\","
                        + " \"publishedAt\": \"+300000-01-01T00:00:00Z\"}")
                .when().post("/api/v1/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("text"))
                .body("errors.field", hasItem("url"))
                .body("errors.field", hasItem("publishedAt"));
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequests() {
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"text\": ")
                .when().post("/api/v1/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Malformed JSON"));
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"text\": \"y\", \"publishedAt\": \"last tuesday\"}")
                .when().post("/api/v1/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Invalid value for field 'publishedAt'"));
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .when().post("/api/v1/sources")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownSourceIsNotFound() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .when().get("/api/v1/sources/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("instance", containsString("/api/v1/sources/"));
    }

    private static String createOne(String text) {
        return given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(brief(unique(text))).post("/api/v1/sources").then().statusCode(201).extract().path("id");
    }

    /**
     * Analysts tag sources they may read (adding and removing commute, so no If-Match); readers may not; a source of a
     * collection the analyst cannot read is not found; bad tags, no tags and too many are refused in plain words.
     */
    @Test
    void analystsTagSourcesTheyMayRead() {
        String id = createOne("A statement to tag.");
        String analyst = Tokens.forUser(Tokens.ANALYST);
        given().auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("add", List.of("checkpoint", "unverified", "jurf-al-sakhar")))
                .post("/api/v1/sources/" + id + "/tags").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("tags", contains("checkpoint", "unverified", "jurf-al-sakhar"));
        given().auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("add", List.of("verified"), "remove", List.of("unverified")))
                .post("/api/v1/sources/" + id + "/tags").then().statusCode(200)
                .body("tags", contains("checkpoint", "jurf-al-sakhar", "verified"));
        // the same change again changes nothing (and keeps the version)
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("add", List.of("verified")))
                .post("/api/v1/sources/" + id + "/tags").then().statusCode(200).header("ETag", equalTo("\"2\""));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("add", List.of("mine"))).post("/api/v1/sources/" + id + "/tags").then().statusCode(403);
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("add", List.of("Not A Tag!")))
                .post("/api/v1/sources/" + id + "/tags").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/sources/" + id + "/tags").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("give tags to add or to remove"));
        List<String> many = java.util.stream.IntStream.range(0, 48).mapToObj(i -> "t" + i).toList();
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("add", many))
                .post("/api/v1/sources/" + id + "/tags").then().statusCode(400)
                .body("detail", containsString("at most 50 tags"));
        // a source of a collection the analyst cannot read: not found, and not tagged
        String hidden = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("title", "Hidden", "text", unique("Restricted text."), "collection", "restricted"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("add", List.of("seen")))
                .post("/api/v1/sources/" + hidden + "/tags").then().statusCode(404);
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).get("/api/v1/sources/" + hidden).then()
                .body("tags", org.hamcrest.Matchers.empty());
    }

    @Test
    void editorEditsMetadataWithOptimisticLocking() {
        String id = createOne("Metadata to edit.");
        // an editor may not move a source into a collection it cannot read
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("collection", "restricted")).when().patch("/api/v1/sources/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Corrected title", "publisher", "Corrected Publisher", "collection",
                        "restricted"))
                .when().patch("/api/v1/sources/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Corrected title"))
                .body("publisher", equalTo("Corrected Publisher"))
                .body("collection", equalTo("restricted"))
                .body("url", equalTo("https://example.org/briefs/1"))
                .body("version", equalTo(1));

        // a second writer still holding version 0 is refused, and nothing changes
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Stale edit"))
                .when().patch("/api/v1/sources/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("title", "No precondition"))
                .when().patch("/api/v1/sources/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON)
                .header("If-Match", "yesterday")
                .body(Map.of("title", "Bad precondition"))
                .when().patch("/api/v1/sources/" + id)
                .then().statusCode(412);
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("title", "  ", "url", "not a url"))
                .when().patch("/api/v1/sources/" + id)
                .then().statusCode(400).body("errors.field", hasItem("title")).body("errors.field", hasItem("url"));
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("title", "Analysts may not edit"))
                .when().patch("/api/v1/sources/" + id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).get("/api/v1/sources/" + id)
                .then().statusCode(200).body("title", equalTo("Corrected title")).header("ETag", "\"1\"");
        // now in a collection readers may not read: to them it is not there, nor may an editor without it edit it
        for (String path : List.of("", "/text", "/original")) {
            given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + id + path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("title", "Not mine")).patch("/api/v1/sources/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/sources/" + id).then().statusCode(404);

        // If-Match compares strongly: a weak tag never matches; * matches any version
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", "W/\"1\"")
                .body(Map.of("title", "Weak")).patch("/api/v1/sources/" + id)
                .then().statusCode(412);
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("title", "Any version")).patch("/api/v1/sources/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("title", equalTo("Any version"));
        // an edit that changes nothing keeps the version
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("title", "Any version")).patch("/api/v1/sources/" + id)
                .then().statusCode(200).header("ETag", "\"2\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("title", "No token"))
                .patch("/api/v1/sources/" + id).then().statusCode(401);
    }

    @Test
    void textIsServedAsPlainUtf8() {
        String text = unique("Arabic too: كتائب حزب الله.");
        String id = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(brief(text)).post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String served = given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + id + "/text")
                .then().statusCode(200).contentType(containsString("text/plain")).extract().asString();
        assertThat(served).isEqualTo(text);
        given().get("/api/v1/sources/" + id + "/text").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).get("/api/v1/sources/" + id + "/text").then()
                .statusCode(403);
    }

    @Test
    void editorDeletesAndTheSourceIsGone() {
        String id = createOne("To be deleted.");
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).delete("/api/v1/sources/" + id).then().statusCode(403);
        given().delete("/api/v1/sources/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).header("If-Match", "\"7\"")
                .delete("/api/v1/sources/" + id).then().statusCode(412);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).header("If-Match", "\"0\"")
                .delete("/api/v1/sources/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/sources/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listsNewestFirstAndFiltersByCollection() {
        String older = createOne("Older open brief.");
        String newer = given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType(ContentType.JSON)
                .body(Map.of("title", "Newer restricted brief", "text", unique("Restricted."), "collection",
                        "restricted"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");

        var all = given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).queryParam("size", 500)
                .get("/api/v1/sources").then().statusCode(200).extract().jsonPath();
        java.util.List<String> ids = all.getList("sources.id");
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older)).isGreaterThanOrEqualTo(0);
        assertThat(all.getString("sources[0].title")).isNotBlank();
        assertThat(all.getString("sources[0].text")).isNull();

        var restricted = given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR))
                .queryParam("collection", "restricted").queryParam("size", 500).get("/api/v1/sources").then()
                .statusCode(200).extract().jsonPath();
        assertThat(restricted.getList("sources.collection", String.class)).containsOnly("restricted");
        assertThat(restricted.getList("sources.id", String.class)).contains(newer).doesNotContain(older);
        // a reader lists only the collections it may read
        var forReader = given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("size", 500)
                .get("/api/v1/sources").then().statusCode(200).extract().jsonPath();
        assertThat(forReader.getList("sources.collection", String.class)).containsOnly("open");
        assertThat(forReader.getList("sources.id", String.class)).contains(older).doesNotContain(newer);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("collection", "restricted")
                .get("/api/v1/sources").then().statusCode(200).body("total", equalTo(0));
        // an analyst without the collection may not add to it; the same content, stored there, is not shown to it
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "Planted", "text", unique("Planted."), "collection", "restricted"))
                .post("/api/v1/sources").then().statusCode(403).contentType("application/problem+json");
        String text = unique("Stored where analysts cannot look.");
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType(ContentType.JSON)
                .body(Map.of("title", "Hidden", "text", text, "collection", "restricted")).post("/api/v1/sources")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "Same text", "text", text)).post("/api/v1/sources").then().statusCode(409)
                .body("detail", equalTo("This content is already stored, in a collection you cannot read"))
                .body("title", org.hamcrest.Matchers.not("Hidden"));

        given().get("/api/v1/sources").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).get("/api/v1/sources").then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("size", 501).get("/api/v1/sources")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("collection", "../etc").get("/api/v1/sources")
                .then().statusCode(400).body("errors[0].field", equalTo("collection"));
    }

    @Test
    void jsonSourcesGetTheirLanguageAndTheirTextAsOriginal() {
        String text = unique("قال المتحدث باسم الفصيل إن المفاوضات مع الحكومة ما زالت مستمرة في بغداد.");
        String id = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "بيان الفصيل", "text", text, "authors", java.util.List.of("Lina Haddad"),
                        "tags", java.util.List.of("statement", "baghdad")))
                .post("/api/v1/sources")
                .then().statusCode(201)
                .body("language", equalTo("ar"))
                .body("authors", equalTo(java.util.List.of("Lina Haddad")))
                .body("tags", equalTo(java.util.List.of("statement", "baghdad")))
                .extract().path("id");
        String original = given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .get("/api/v1/sources/" + id + "/original")
                .then().statusCode(200).contentType(containsString("text/plain")).extract().asString();
        assertThat(original).isEqualTo(text);
    }

    @Test
    void editorsEditAuthorsTagsAndLanguageAndListsFilterByThem() {
        String id = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(brief(unique("Harakat al-Nujaba issued a statement."))).post("/api/v1/sources")
                .then().statusCode(201).extract().path("id");
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("authors", java.util.List.of("Omar Saleh"), "tags", java.util.List.of(tag),
                        "language", "en"))
                .patch("/api/v1/sources/" + id)
                .then().statusCode(200)
                .body("authors", equalTo(java.util.List.of("Omar Saleh")))
                .body("tags", equalTo(java.util.List.of(tag)))
                .body("version", equalTo(1));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("tag", tag).queryParam("status", "EXTRACTED")
                .get("/api/v1/sources")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("sources[0].id", equalTo(id));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("tag", tag).queryParam("status", "FAILED")
                .get("/api/v1/sources").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("status", "DONE")
                .get("/api/v1/sources").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("tags", java.util.List.of(" bad tag "))).patch("/api/v1/sources/" + id)
                .then().statusCode(400).body("errors[0].field", containsString("tags"));
    }

    @Test
    void aDateOutsideTheStorableYearsOnceInUtcIs400() {
        Map<String, Object> body = new java.util.HashMap<>(brief(unique("Date edge.")));
        body.put("publishedAt", "9999-12-31T23:00:00-05:00");
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sources").then().statusCode(400).body("errors[0].field", containsString("publishedAt"));
    }

    /** A number too large for any date was stored as 1970-01-01 (Jackson reads it as 0 seconds): now a 400. */
    @Test
    void aDateGivenAsAHugeNumberIs400NotTheEpoch() {
        String text = unique("Huge date.");
        for (String date : new String[]{"1e300", "-1e300", "253402300800"}) {
            given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                    .body("{\"title\":\"t\",\"text\":\"" + text + "\",\"publishedAt\":" + date + "}")
                    .post("/api/v1/sources").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("publishedAt"));
        }
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"text\":\"" + text + "\",\"publishedAt\":1741942800}")
                .post("/api/v1/sources").then().statusCode(201).body("publishedAt", equalTo("2025-03-14T09:00:00Z"));
    }

    /** Many sources at once: only those the caller may read, with nothing to tell a hidden one from a missing one. */
    @Test
    void aLookupGivesOnlyWhatTheCallerMayRead() {
        String open = createOne("Open for the lookup.");
        String hidden = given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType(ContentType.JSON)
                .body(Map.of("title", "Restricted for the lookup", "text", unique("Restricted lookup text."),
                        "collection", "restricted"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String missing = UUID.randomUUID().toString();
        var asked = Map.of("ids", List.of(hidden, missing, open, open));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON).body(asked)
                .post("/api/v1/sources/lookup").then().statusCode(200).body("sources.id", equalTo(List.of(open)))
                .body("sources[0].text", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType(ContentType.JSON).body(asked)
                .post("/api/v1/sources/lookup").then().statusCode(200)
                .body("sources.id", equalTo(List.of(hidden, open)))
                .body("sources.collection", equalTo(List.of("restricted", "open")));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("ids", java.util.Collections.nCopies(501, open))).post("/api/v1/sources/lookup").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body("{\"ids\":[\"not-a-uuid\"]}").post("/api/v1/sources/lookup").then().statusCode(400);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/sources/lookup").then().statusCode(400);
        given().contentType(ContentType.JSON).body(asked).post("/api/v1/sources/lookup").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).contentType(ContentType.JSON).body(asked)
                .post("/api/v1/sources/lookup").then().statusCode(403);
    }
}
