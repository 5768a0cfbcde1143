package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;

/**
 * Material in the collection {@code restricted} and, beside it, in {@code open}, made once per run through the
 * gateway: a source posted by an investigator, a file imported into restricted (its name carries the hidden word),
 * a relation citing both a restricted and an open source, and an analyst's import into open of content that is stored
 * in restricted already. {@link #hidden()} is everything of it that a caller who cannot read restricted must never
 * see: ids, words of its text, quotes, file names.
 */
final class RestrictedFixture {

    /** A word only restricted material holds, and one only open material holds. */
    final String hiddenWord = WalkingSkeletonTest.uniqueWord();
    final String openWord = WalkingSkeletonTest.uniqueWord();
    final String hiddenQuote = "the commander met the envoy in secret " + hiddenWord;
    final String openQuote = "the brigade announced a new spokesman " + openWord;
    /** A group's name only the restricted brief holds: the candidates queue must not list it to others. */
    final String hiddenName = "Saraya " + Character.toUpperCase(hiddenWord.charAt(0)) + hiddenWord.substring(1);
    final String hiddenText = "Restricted brief. Sources say " + hiddenQuote + " near the crossing. " + hiddenName
            + " claimed the meeting.";
    final String hiddenFileName = "report-" + hiddenWord + ".txt";
    final String restrictedSource;
    final String restrictedFileSource;
    final String restrictedImport;
    final String openSource;
    final String organization;
    final String leader;
    final String relation;
    /** The analyst's import into open of the restricted source's text: a duplicate it must not be told. */
    final String duplicateImport;
    /** An open brief that an administrator moved to restricted afterwards: gone for those who cannot read it. */
    final String movedWord = WalkingSkeletonTest.uniqueWord();
    final String movedSource;
    /**
     * A restricted brief naming the fixture's organization, and an investigator's note on that passage (its words
     * hold {@link #hiddenNoteWord}): listed on the organization's page only for those who may read restricted.
     */
    final String hiddenNoteWord = WalkingSkeletonTest.uniqueWord();
    final String notedSource;
    final String note;
    /** The sources feed's head before the fixture was made: the feed's probes start here. */
    final long feedBefore;
    /**
     * Watches made before the material by each user, of two words only the restricted brief holds together (not
     * themselves secret: the watch is its owner's own text): each matches it, only the investigator may be told.
     */
    final Map<String, String> watches = new java.util.HashMap<>();

    private static RestrictedFixture made;

    static synchronized RestrictedFixture get() {
        if (made == null) {
            made = new RestrictedFixture();
        }
        return made;
    }

    private RestrictedFixture() {
        feedBefore = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ADMIN))
                .get("/api/v1/sources/changes?limit=1").then().statusCode(200).extract().jsonPath().getLong("head");
        for (String user : List.of(Tokens.READER, Tokens.ANALYST, Tokens.EDITOR, Tokens.INVESTIGATOR)) {
            watches.put(user, given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(user))
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Envoys at the crossing", "query", "envoy crossing"))
                    .post("/api/v1/watches").then().statusCode(201).extract().path("id"));
        }
        String investigator = Tokens.forUser(Tokens.INVESTIGATOR);
        restrictedSource = given().baseUri(Platform.GATEWAY).auth().oauth2(investigator).contentType(ContentType.JSON)
                .body(Map.of("title", "Restricted brief " + hiddenWord, "text", hiddenText, "collection",
                        "restricted"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        restrictedImport = given().baseUri(Platform.GATEWAY).auth().oauth2(investigator).contentType("application/zip")
                .body(zip(hiddenFileName, "Notes kept apart: " + hiddenWord + " at the border post."))
                .post("/api/v1/imports?collection=restricted").then().statusCode(202).extract().path("id");
        restrictedFileSource = finished(investigator, restrictedImport).get(0).get("sourceId").toString();
        openSource = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Open brief " + openWord, "text", "Open brief. Reports say " + openQuote
                        + " in Baghdad."))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        movedSource = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Moved brief " + movedWord, "text", "A brief that was open for a while: "
                        + movedWord + "."))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("collection", "restricted"))
                .patch("/api/v1/sources/" + movedSource).then().statusCode(200);
        String editor = Tokens.forUser(Tokens.EDITOR);
        organization = entity(editor, "ORGANIZATION", "Fixture Brigade " + openWord);
        leader = entity(editor, "PERSON", "Abu Fixture " + openWord);
        relation = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("subjectId", leader, "objectId", organization, "type", "LEADER_OF", "citations",
                        List.of(Map.of("sourceId", restrictedSource, "quote", hiddenQuote),
                                Map.of("sourceId", openSource, "quote", openQuote))))
                .post("/api/v1/relations").then().statusCode(201).extract().path("id");
        notedSource = given().baseUri(Platform.GATEWAY).auth().oauth2(investigator).contentType(ContentType.JSON)
                .body(Map.of("title", "Restricted sighting", "text", "Men of Fixture Brigade " + openWord
                        + " were seen at the dam.", "collection", "restricted"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        note = given().baseUri(Platform.GATEWAY).auth().oauth2(investigator).contentType(ContentType.JSON)
                .body(Map.of("quote", "Fixture Brigade " + openWord, "text", "Their second visit " + hiddenNoteWord))
                .post("/api/v1/sources/" + notedSource + "/notes").then().statusCode(201).extract().path("id");
        String analyst = Tokens.forUser(Tokens.ANALYST);
        duplicateImport = given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType("application/x-ndjson")
                .body(("{\"title\":\"Same again\",\"text\":\"" + hiddenText + "\"}\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?collection=open").then().statusCode(202).extract().path("id");
        finished(analyst, duplicateImport);
        // searchable: the investigator finds the restricted ones, a reader the open one
        await("the fixture is indexed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(investigator, hiddenWord) == 2
                        && WalkingSkeletonTest.total(investigator, movedWord) == 1
                        && WalkingSkeletonTest.total(investigator, hiddenNoteWord) == 1
                        && WalkingSkeletonTest.total(Tokens.forUser(Tokens.READER), movedWord) == 0
                        && WalkingSkeletonTest.total(Tokens.forUser(Tokens.READER), openWord) == 1
                        && given().baseUri(Platform.GATEWAY).auth().oauth2(investigator)
                                .get("/api/v1/notifications/unread").then().statusCode(200).extract()
                                .<Integer>path("unread") == 1);
    }

    /** What a caller who cannot read restricted must find nowhere in an answer. */
    Set<String> hidden() {
        return Set.of(restrictedSource, restrictedFileSource, restrictedImport, hiddenWord, hiddenFileName,
                "commander met the envoy", movedWord, notedSource, note, hiddenNoteWord, "seen at the dam",
                hiddenName);
    }

    static String entity(String token, String type, String name) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", type, "primaryName", name)).post("/api/v1/entities").then().statusCode(201)
                .extract().path("id");
    }

    /** Awaits an import job's end (as its creator) and gives its items. */
    static List<Map<String, Object>> finished(String token, String job) {
        await("import " + job).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !List.of("QUEUED", "RUNNING").contains(given().baseUri(Platform.GATEWAY).auth()
                        .oauth2(token).get("/api/v1/imports/" + job).then().statusCode(200).extract()
                        .<String>path("status")));
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).get("/api/v1/imports/" + job + "/items").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    static byte[] zip(String name, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
