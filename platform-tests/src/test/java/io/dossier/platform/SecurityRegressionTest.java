package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.CodeFlowSession;
import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The findings of the security review of the running platform, each reproduced as it was found (through the gateway,
 * and directly on the service where the service is at fault) and shown fixed. Expired sessions under concurrent
 * requests are in the gateway module (ExpiredSessionTest); what a production render may contain is in the deploy
 * module; the collection rule on every path is {@link CollectionLeakTest}.
 */
@ExtendWith(PlatformExtension.class)
class SecurityRegressionTest {

    static RestrictedFixture fixture;

    static CodeFlowSession signIn(String user, String path) {
        return CodeFlowSession.signIn(java.net.URI.create(Platform.GATEWAY), user, path);
    }

    @BeforeAll
    static void fixture() {
        fixture = RestrictedFixture.get();
    }

    /** 1. A JSON Lines line naming a collection its poster cannot read: failed with the reason, nothing stored. */
    @Test
    void importLinesCannotChooseACollectionThePosterCannotRead() {
        String word = WalkingSkeletonTest.uniqueWord();
        String analyst = Tokens.forUser(Tokens.ANALYST);
        String job = given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType("application/x-ndjson")
                .body(("{\"title\":\"Smuggled " + word + "\",\"text\":\"Into restricted " + word
                        + "\",\"collection\":\"restricted\"}\n{\"title\":\"Fine " + word + "\",\"text\":\"Open "
                        + word + "\"}\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?collection=open").then().statusCode(202).extract().path("id");
        List<Map<String, Object>> items = RestrictedFixture.finished(analyst, job);
        assertThat(items.get(0)).containsEntry("outcome", "FAILED").containsEntry("sourceId", null)
                .containsEntry("reason", "You may not add sources to collection restricted: you cannot read it");
        assertThat(items.get(1)).containsEntry("outcome", "CREATED").containsEntry("collection", "open");
        given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).get("/api/v1/imports/" + job).then()
                .statusCode(200).body("created", equalTo(1)).body("failed", equalTo(1))
                .body("written", equalTo(List.of("open")));
        // nowhere in restricted, for one who may read it
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(Tokens.forUser(Tokens.ADMIN), word) == 1);
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ADMIN))
                .queryParam("q", word).get("/api/v1/search").then().statusCode(200)
                .body("hits[0].collection", equalTo("open")).body("hits[0].title", equalTo("Fine " + word));
    }

    /**
     * 2. Relations show only citations of readable sources, on every read and through the gateway; citing needs a
     * readable source whose text holds the quote; an edit by one who cannot see a citation keeps it.
     */
    @Test
    void relationsShowAndTakeOnlyCitationsTheCallerMayRead() {
        String reader = Tokens.forUser(Tokens.READER);
        for (String base : List.of(Platform.GATEWAY, "http://localhost:18082")) {
            for (String path : List.of("/api/v1/relations/" + fixture.relation,
                    "/api/v1/relations?entity=" + fixture.organization, "/api/v1/relations?size=500")) {
                String body = given().baseUri(base).auth().oauth2(reader).get(path).then().statusCode(200).extract()
                        .asString();
                assertThat(body).as(base + path).contains(fixture.openSource).doesNotContain(
                        fixture.restrictedSource).doesNotContain("commander met the envoy");
            }
        }
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR))
                .get("/api/v1/relations/" + fixture.relation).then().statusCode(200)
                .body("citations.sourceId", equalTo(List.of(fixture.restrictedSource, fixture.openSource)));

        // writing: the source must exist and be readable by the writer, the quote must be in its text
        String editor = Tokens.forUser(Tokens.EDITOR);
        String other = RestrictedFixture.entity(editor, "PERSON", "Abu Citation " + fixture.openWord);
        Map<String, Object> cite = Map.of("subjectId", other, "objectId", fixture.organization, "type",
                "MEMBER_OF");
        for (Object[] bad : new Object[][]{
                {fixture.restrictedSource, fixture.hiddenQuote, "citations[0].sourceId"},
                {java.util.UUID.randomUUID().toString(), null, "citations[0].sourceId"},
                {fixture.openSource, "words the brief never says", "citations[0].quote"}}) {
            Map<String, Object> citation = new java.util.HashMap<>();
            citation.put("sourceId", bad[0]);
            citation.put("quote", bad[1]);
            Map<String, Object> body = new java.util.HashMap<>(cite);
            body.put("citations", List.of(citation));
            given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/relations").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[2]));
        }
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).queryParam("entity", other).get("/api/v1/relations")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
        Map<String, Object> good = new java.util.HashMap<>(cite);
        good.put("citations", List.of(Map.of("sourceId", fixture.openSource, "quote",
                "The Brigade  announced a new spokesman")));
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON).body(good)
                .post("/api/v1/relations").then().statusCode(201);

        // an editor who cannot read restricted changes the relation: the citation hidden from them stays
        String version = given().baseUri(Platform.GATEWAY).auth().oauth2(editor)
                .get("/api/v1/relations/" + fixture.relation).then().statusCode(200).extract().header("ETag");
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .header("If-Match", version)
                .body(Map.of("subjectId", fixture.leader, "objectId", fixture.organization, "type", "LEADER_OF",
                        "startDate", "2020", "citations", List.of(Map.of("sourceId", fixture.openSource, "quote",
                                fixture.openQuote))))
                .put("/api/v1/relations/" + fixture.relation).then().statusCode(200)
                .body("citations.sourceId", equalTo(List.of(fixture.openSource)));
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ADMIN))
                .get("/api/v1/relations/" + fixture.relation).then().statusCode(200)
                .body("startDate", equalTo("2020"))
                .body("citations.sourceId", org.hamcrest.Matchers.containsInAnyOrder(fixture.restrictedSource,
                        fixture.openSource));
        // nor may they make the unseen citation back another claim, or delete it with the relation; with
        // If-Match: * (no version check) the unseen citation stays all the same
        Map<String, Object> retyped = new java.util.HashMap<>(Map.of("subjectId", fixture.leader, "objectId",
                fixture.organization, "type", "MEMBER_OF", "startDate", "2020"));
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON).header("If-Match", "*")
                .body(retyped).put("/api/v1/relations/" + fixture.relation).then().statusCode(409)
                .body("detail", containsString("cites sources you cannot read"));
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).delete("/api/v1/relations/" + fixture.relation)
                .then().statusCode(409);
        retyped.put("type", "LEADER_OF");
        retyped.put("startDate", "2021");
        retyped.put("citations", List.of(Map.of("sourceId", fixture.openSource, "quote", fixture.openQuote)));
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON).header("If-Match", "*")
                .body(retyped).put("/api/v1/relations/" + fixture.relation).then().statusCode(200)
                .body("citations.sourceId", equalTo(List.of(fixture.openSource)));
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR))
                .get("/api/v1/relations/" + fixture.relation).then().statusCode(200).body("startDate", equalTo("2021"))
                .body("citations.sourceId", org.hamcrest.Matchers.containsInAnyOrder(fixture.restrictedSource,
                        fixture.openSource));
        // the entity's history holds no citations at all
        assertThat(given().baseUri(Platform.GATEWAY).auth().oauth2(reader)
                .get("/api/v1/entities/" + fixture.organization + "/history").then().statusCode(200).extract()
                .asString()).doesNotContain(fixture.restrictedSource).doesNotContain(fixture.hiddenWord);
    }

    /** 3. Import jobs and their items are shown only to callers who may read every collection a job wrote to. */
    @Test
    void importJobsAreShownOnlyToThoseWhoMayReadWhatTheyWrote() {
        String analyst = Tokens.forUser(Tokens.ANALYST);
        String list = given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).queryParam("size", 200)
                .get("/api/v1/imports").then().statusCode(200).extract().asString();
        assertThat(list).doesNotContain(fixture.restrictedImport).doesNotContain(fixture.hiddenFileName);
        for (String path : List.of("", "/items")) {
            given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).get("/api/v1/imports/" + fixture.restrictedImport
                    + path).then().statusCode(404).contentType("application/problem+json")
                    .body(not(containsString(fixture.hiddenFileName)));
        }
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("size", 200)
                .get("/api/v1/imports").then().statusCode(200).body(containsString(fixture.restrictedImport));
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR))
                .get("/api/v1/imports/" + fixture.restrictedImport + "/items").then().statusCode(200)
                .body("items[0].name", equalTo(fixture.hiddenFileName));
    }

    /** 4. Content stored where the poster cannot read is a duplicate without its source, on imports as on posts. */
    @Test
    void aDuplicateDoesNotRevealAHiddenSource() {
        String analyst = Tokens.forUser(Tokens.ANALYST);
        JsonPath items = given().baseUri(Platform.GATEWAY).auth().oauth2(analyst)
                .get("/api/v1/imports/" + fixture.duplicateImport + "/items").then().statusCode(200).extract()
                .jsonPath();
        assertThat(items.getString("items[0].outcome")).isEqualTo("DUPLICATE");
        assertThat(items.getString("items[0].sourceId")).isNull();
        assertThat(items.getString("items[0].reason")).contains("a collection you cannot read");
        assertThat(items.prettify()).doesNotContain(fixture.restrictedSource);
        given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("title", "Same again", "text", fixture.hiddenText)).post("/api/v1/sources").then()
                .statusCode(409).body(not(containsString(fixture.restrictedSource)));
    }

    /** 5. A packaged service refuses to start with a development secret unless told it runs the dev stack. */
    @Test
    void aServiceRefusesToStartWithADevelopmentSecret() throws Exception {
        Process refused = Platform.launchAlone("entities-dev-secret", "entities-service", 18092,
                Map.of("DOSSIER_DB_URL", LocalStack.POSTGRES + "dossier_entities_e2e",
                        "DOSSIER_DB_PASSWORD", "dossier"),
                "DOSSIER_ALLOW_DEVELOPMENT_SECRETS");
        try {
            assertThat(refused.waitFor(90, TimeUnit.SECONDS)).as("the service stops by itself").isTrue();
            assertThat(refused.exitValue()).isNotZero();
            assertThat(Files.readString(Platform.log("entities-dev-secret")))
                    .contains("Refusing to start").contains("DOSSIER_DB_PASSWORD");
        } finally {
            refused.destroyForcibly();
        }
    }

    /**
     * 6. The CSRF token is random and belongs to one sign-in: the old derivable token (an HMAC of the user name) no
     * longer passes, a token of another sign-in of the same user does not pass, and a new sign-in gets a new one.
     */
    @Test
    void csrfTokensAreRandomPerSignInAndNotDerivable() throws Exception {
        CodeFlowSession first = signIn(Tokens.ANALYST, "/upload");
        String token = CodeFlowSession.csrfToken(first.get("/upload"));
        String body = "{\"title\":\"CSRF check\",\"text\":\"CSRF check " + WalkingSkeletonTest.uniqueWord() + "\"}";
        assertThat(first.postJson("/api/v1/sources", body, null).statusCode()).as("no token").isEqualTo(403);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("platform-test-session-encryption-secret-0123".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String derived = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("csrf:" + Tokens.ANALYST).getBytes(StandardCharsets.UTF_8)));
        assertThat(first.postJson("/api/v1/sources", body, derived).statusCode()).as("the old derivable token")
                .isEqualTo(403);
        assertThat(first.postJson("/api/v1/sources", body, token).statusCode()).as("the page's token")
                .isEqualTo(201);
        assertThat(CodeFlowSession.csrfToken(first.get("/upload"))).as("the same all through one sign-in")
                .isEqualTo(token);

        CodeFlowSession second = signIn(Tokens.ANALYST, "/upload");
        String secondToken = CodeFlowSession.csrfToken(second.get("/upload"));
        assertThat(secondToken).as("another sign-in, another token").isNotEqualTo(token);
        String body2 = "{\"title\":\"CSRF check\",\"text\":\"CSRF check " + WalkingSkeletonTest.uniqueWord() + "\"}";
        assertThat(second.postJson("/api/v1/sources", body2, token).statusCode()).as("a token of another sign-in")
                .isEqualTo(403);
        // even with the other sign-in's cookie planted: it is bound to that sign-in's session
        String name = first.cookies().keySet().stream().filter(n -> n.endsWith("dossier-csrf")).findFirst()
                .orElseThrow();
        assertThat(name).as("production cookies: only this host can set it").isEqualTo("__Host-dossier-csrf");
        second.setCookie(name, first.cookies().get(name));
        assertThat(second.postJson("/api/v1/sources", body2, token).statusCode()).as("a planted cookie")
                .isEqualTo(403);
    }

    /** 8a, 8b. A missing role is the 403 page, errors on pages are pages; the API keeps problem+json. */
    @Test
    void errorsOnPagesArePagesInTheLayout() {
        CodeFlowSession nobody = signIn(Tokens.NOBODY, "/search");
        for (String page : List.of("/search?q=x", "/entities/" + fixture.organization, "/documents/"
                + fixture.openSource, "/upload")) {
            HttpResponse<String> answer = nobody.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(403);
            assertThat(answer.body()).contains("Sign in as someone else")
                    .as("no way to a search this user may not make").doesNotContain("Go to search");
        }
        CodeFlowSession reader = signIn(Tokens.READER, "/search");
        HttpResponse<String> missing = reader.get("/documents/" + fixture.restrictedSource);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertPage(missing, "Not found");
        assertThat(missing.body()).doesNotContain(fixture.hiddenWord);
        HttpResponse<String> admin = reader.get("/admin");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertPage(admin, "You do not have access to this");
        HttpResponse<String> nowhere = reader.get("/no-such-page");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertPage(nowhere, "Not found");
        assertThat(nowhere.body()).as("plain words, not the framework's").doesNotContain("resource method");
        // the API entry answers the same session with problems
        HttpResponse<String> api = reader.get("/api/v1/sources/" + fixture.restrictedSource);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    static void assertPage(HttpResponse<String> answer, String heading) {
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.body()).contains("<html").contains("<h1 id=\"error-heading\">" + heading + "</h1>")
                .contains("class=\"next-steps\"").doesNotContain("\"status\":").doesNotContain("Exception");
    }

    /** 8c. What the entity and admin pages announce comes from fixed codes, never from the address. */
    @Test
    void noticesAreFixedWordsNotTextFromTheAddress() {
        CodeFlowSession editor = signIn(Tokens.EDITOR, "/search");
        String page = editor.get("/entities/" + fixture.organization
                + "?message=Your+session+expired%3A+sign+in+at+evil.example&notice=evil").body();
        assertThat(page).doesNotContain("evil.example").doesNotContain("class=\"notice\"");
        assertThat(editor.get("/entities/" + fixture.organization + "?notice=merged").body())
                .contains("Merged: its names, relations and documents are this entity&#39;s now.");
        CodeFlowSession admin = signIn(Tokens.ADMIN, "/search");
        assertThat(admin.get("/admin?message=Call+evil.example&notice=roles-changed&user=nobody").body())
                .doesNotContain("evil.example").doesNotContain("class=\"notice\"");
    }

    /** 8d. The rate limit counts the pages and UI endpoints too, not only /api/v1. */
    @Test
    void theRateLimitCoversThePages() throws Exception {
        CodeFlowSession investigator = signIn(Tokens.INVESTIGATOR, "/search");
        // the typeahead with nothing typed answers at once: many callers' worth of requests in a few seconds
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<HttpResponse<String>>> refused = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                answers.add(callers.submit(() -> investigator.get("/search/suggest?q=")));
            }
            for (var answer : answers) {
                if (answer.get().statusCode() == 429) {
                    refused.add(answer);
                }
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(refused).as("typeahead calls past the burst are refused").isNotEmpty();
        HttpResponse<String> first = refused.get(0).get();
        assertThat(first.headers().firstValue("Retry-After")).isPresent();
        assertPage(first, "Too many requests");
        // the bucket refills; later tests of this user are not held up
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> investigator.get("/search/suggest?q=").statusCode() == 200);
    }

    /** 8e, 8f, 8g, 8h. Cache-Control, Location, the developer tools' headers, dates as huge numbers. */
    @Test
    void answersWithContentAreNotCachedLocationsUseThePublicAddressAndToolsAreFramed() {
        String analyst = Tokens.forUser(Tokens.ANALYST);
        CodeFlowSession reader = signIn(Tokens.READER, "/search");
        assertThat(reader.get("/search?q=" + fixture.openWord).headers().firstValue("Cache-Control"))
                .contains("private, no-store");
        given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).get("/api/v1/sources/" + fixture.openSource).then()
                .statusCode(200).header("Cache-Control", "private, no-store");
        given().baseUri("http://localhost:18081").auth().oauth2(analyst).get("/api/v1/sources/" + fixture.openSource)
                .then().statusCode(200).header("Cache-Control", "private, no-store");
        given().baseUri("http://localhost:18083").auth().oauth2(analyst).queryParam("q", fixture.openWord)
                .get("/api/v1/search").then().statusCode(200).header("Cache-Control", "private, no-store");

        given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example").contentType(ContentType.JSON)
                .body(Map.of("title", "Location check", "text", "Location " + WalkingSkeletonTest.uniqueWord()))
                .post("/api/v1/sources").then().statusCode(201)
                .header("Location", startsWith(Platform.GATEWAY + "/api/v1/sources/"));

        given().baseUri(Platform.GATEWAY).get("/q/health/ready").then().statusCode(200)
                .header("X-Frame-Options", "DENY").header("Content-Security-Policy", containsString(
                        "frame-ancestors 'none'"));
        // in production the API description is for signed-in users
        given().baseUri(Platform.GATEWAY).redirects().follow(false).get("/q/swagger-ui/").then()
                .statusCode(org.hamcrest.Matchers.oneOf(302, 401));

        given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"text\":\"Huge date " + WalkingSkeletonTest.uniqueWord()
                        + "\",\"publishedAt\":1e300}")
                .post("/api/v1/sources").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("publishedAt"));
    }

    /** 8i. The entity page shows the titles of readable cited sources only, fetched in one call. */
    @Test
    void theEntityPageShowsOnlyReadableCitations() {
        CodeFlowSession reader = signIn(Tokens.READER, "/search");
        String page = reader.get("/entities/" + fixture.organization).body();
        assertThat(page).contains("Open brief " + fixture.openWord).doesNotContain(fixture.restrictedSource)
                .doesNotContain(fixture.hiddenWord);
        CodeFlowSession investigator = signIn(Tokens.INVESTIGATOR, "/search");
        assertThat(investigator.get("/entities/" + fixture.organization).body())
                .contains("Restricted brief " + fixture.hiddenWord);
    }

    /**
     * 9. Relevance scores. The same open document scores differently for a word restricted documents hold than for
     * one they do not: the index's term statistics count every collection. The limit and its fix are written in
     * docs/decisions.md; this measures it each run and checks what holds: no restricted hit, total or facet.
     */
    @Test
    void scoresStillCountRestrictedDocumentsTheLimitIsMeasured() {
        String guessed = WalkingSkeletonTest.uniqueWord();
        String control = WalkingSkeletonTest.uniqueWord();
        String investigator = Tokens.forUser(Tokens.INVESTIGATOR);
        String analyst = Tokens.forUser(Tokens.ANALYST);
        given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("title", "Score probe", "text", "Score probe " + guessed + " and " + control + "."))
                .post("/api/v1/sources").then().statusCode(201);
        for (int i = 0; i < 20; i++) {
            given().baseUri(Platform.GATEWAY).auth().oauth2(investigator).contentType(ContentType.JSON)
                    .body(Map.of("title", "Kept apart " + i, "text", "Kept apart " + i + " mentions " + guessed
                            + ".", "collection", "restricted"))
                    .post("/api/v1/sources").then().statusCode(201);
        }
        String reader = Tokens.forUser(Tokens.READER);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(investigator, guessed) == 21
                        && WalkingSkeletonTest.total(reader, control) == 1);
        JsonPath guessedHits = WalkingSkeletonTest.search(reader, guessed);
        JsonPath controlHits = WalkingSkeletonTest.search(reader, control);
        assertThat(guessedHits.getInt("total")).isEqualTo(1);
        assertThat(guessedHits.getList("hits.collection")).containsOnly("open");
        assertThat(guessedHits.getList("facets.collections.value")).containsOnly("open");
        double withRestricted = guessedHits.getDouble("hits[0].score");
        double without = controlHits.getDouble("hits[0].score");
        System.out.printf("score-leak: the open document scores %.3f for a word 20 restricted documents hold, %.3f "
                + "for a word they do not (ratio %.2f)%n", withRestricted, without, withRestricted / without);
        assertThat(withRestricted).as("documented in docs/decisions.md: update it when this is closed")
                .isLessThan(without);
    }
}
