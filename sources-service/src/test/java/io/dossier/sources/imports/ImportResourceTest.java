package io.dossier.sources.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.dossier.sources.ingest.SampleFiles;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ImportResourceTest {

    static ValidatableResponse post(String contentType, byte[] body, String query) {
        return given().auth().oauth2(Tokens.integrator()).contentType(contentType).body(body)
                .when().post("/api/v1/imports" + query).then();
    }

    /** Waits for a job to finish, and gives it. */
    static JsonPath finished(String location) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(Tokens.integrator()).get(location).then().statusCode(200)
                        .extract().jsonPath(), job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
    }

    static List<Map<String, Object>> items(String location, String outcome) {
        var request = given().auth().oauth2(Tokens.integrator());
        if (outcome != null) {
            request.queryParam("outcome", outcome);
        }
        return request.get(location + "/items").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void jsonLinesImportReportsEveryLine() {
        String run = UUID.randomUUID().toString();
        String valid = "{\"title\":\"Statement %d\",\"text\":\"The group issued statement %d about the crossing. " + run
                + "\"}";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((valid.formatted(1, 1) + "\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes((valid.formatted(2, 2) + "\n\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes((valid.formatted(1, 1) + "\n").getBytes(StandardCharsets.UTF_8)); // same text: duplicate
        body.writeBytes("{\"title\": \"broken\", \"text\": \n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"text\": \"no title here\"}\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
                '}', '\n'});
        body.writeBytes(("{\"title\":\"Tagged\",\"text\":\"A third statement. " + run
                + "\",\"tags\":[\"own\"]}\n").getBytes(StandardCharsets.UTF_8));
        // a line may not choose a collection its poster cannot read (the integrator reads open and bench only)
        body.writeBytes(("{\"title\":\"Elsewhere\",\"text\":\"A statement for elsewhere. " + run
                + "\",\"collection\":\"restricted\"}").getBytes(StandardCharsets.UTF_8));

        String location = post("application/x-ndjson", body.toByteArray(), "?collection=open&tag=bulk")
                .statusCode(202)
                .header("Location", containsString("/api/v1/imports/"))
                .body("total", equalTo(8))
                .body("format", equalTo("JSONL"))
                .extract().header("Location");
        JsonPath job = finished(location);
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("processed")).isEqualTo(8);
        assertThat(job.getInt("created")).isEqualTo(3);
        assertThat(job.getInt("duplicates")).isEqualTo(1);
        assertThat(job.getInt("failed")).isEqualTo(4);
        assertThat(job.getDouble("progress")).isEqualTo(1.0);
        assertThat(job.getList("written")).as("what the job really wrote").containsExactly("open");

        List<Map<String, Object>> failures = items(location, "FAILED");
        assertThat(failures).extracting(i -> i.get("name")).containsExactly("line 5", "line 6", "line 7",
                "line 9");
        assertThat((String) failures.get(0).get("reason")).contains("not a JSON source object");
        assertThat((String) failures.get(1).get("reason")).contains("title");
        assertThat((String) failures.get(2).get("reason")).contains("UTF-8");
        assertThat(failures.get(3)).containsEntry("collection", "restricted").containsEntry("sourceId", null)
                .containsEntry("reason", "You may not add sources to collection restricted: you cannot read it");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("collection", "restricted")
                .queryParam("size", 500).get("/api/v1/sources").then().statusCode(200)
                .body("sources.title", org.hamcrest.Matchers.not(hasItem("Elsewhere")));

        String tagged = (String) items(location, "CREATED").get(2).get("sourceId");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + tagged).then()
                .statusCode(200).body("collection", equalTo("open"))
                .body("tags", equalTo(List.of("bulk", "own")));
    }

    /**
     * A job of several batches (100 lines each, a transaction each): every line once, in order, and a text repeated
     * across the boundary of two batches is a duplicate of the source the batch before made.
     */
    @Test
    void aJobOfSeveralBatchesFindsDuplicatesAcrossThem() {
        String run = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder();
        for (int line = 1; line <= 250; line++) {
            // lines 101-110 repeat the texts of lines 91-100, the end of the batch before them
            int text = line >= 101 && line <= 110 ? line - 10 : line;
            body.append("{\"title\":\"Line ").append(line).append("\",\"text\":\"Report ").append(text)
                    .append(" of the crossing. ").append(run).append("\"}\n");
        }
        String location = post("application/x-ndjson", body.toString().getBytes(StandardCharsets.UTF_8),
                "?collection=open").statusCode(202).extract().header("Location");
        JsonPath job = finished(location);
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("processed")).isEqualTo(250);
        assertThat(job.getInt("created")).isEqualTo(240);
        assertThat(job.getInt("duplicates")).isEqualTo(10);
        assertThat(job.getInt("failed")).isZero();
        List<Map<String, Object>> duplicates = items(location, "DUPLICATE");
        assertThat(duplicates).extracting(i -> i.get("name")).containsExactly("line 101", "line 102", "line 103",
                "line 104", "line 105", "line 106", "line 107", "line 108", "line 109", "line 110");
        List<Map<String, Object>> created = items(location, "CREATED");
        // each duplicate names the source its text first made, in the batch before
        Map<Object, Object> sourceOfLine = new java.util.HashMap<>();
        created.forEach(i -> sourceOfLine.put(i.get("name"), i.get("sourceId")));
        for (int line = 101; line <= 110; line++) {
            assertThat(duplicates.get(line - 101).get("sourceId")).isEqualTo(sourceOfLine.get("line " + (line - 10)));
        }
    }

    /** An investigator (reads restricted) may import into it line by line, as a direct post allows. */
    @Test
    void aLineGoesToItsOwnCollectionWhenThePosterMayReadIt() {
        String run = UUID.randomUUID().toString();
        byte[] line = ("{\"title\":\"Own collection\",\"text\":\"A restricted statement. " + run
                + "\",\"collection\":\"restricted\"}\n").getBytes(StandardCharsets.UTF_8);
        String location = given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType("application/x-ndjson")
                .body(line).post("/api/v1/imports").then().statusCode(202).extract().header("Location");
        JsonPath job = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).get(location).then()
                        .statusCode(200).extract().jsonPath(), j -> "COMPLETED".equals(j.getString("status")));
        assertThat(job.getInt("created")).isEqualTo(1);
        assertThat(job.getList("written")).containsExactly("restricted");
        // the job wrote to restricted: only callers who may read it see the job, its items and its source ids
        given().auth().oauth2(Tokens.integrator()).get(location).then().statusCode(404);
        given().auth().oauth2(Tokens.integrator()).get(location + "/items").then().statusCode(404);
        given().auth().oauth2(Tokens.integrator()).queryParam("size", 200).get("/api/v1/imports").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(job.getString("id"))));
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).get(location + "/items").then().statusCode(200)
                .body("items[0].collection", equalTo("restricted"));
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).queryParam("size", 200).get("/api/v1/imports")
                .then().statusCode(200).body("id", hasItem(job.getString("id")));
    }

    /** A source moved into a collection the caller cannot read takes its import job out of the caller's sight. */
    @Test
    void aJobWhoseSourceMovedWhereTheCallerCannotReadIsHidden() {
        String run = UUID.randomUUID().toString();
        byte[] lines = ("{\"title\":\"Moves later\",\"text\":\"A statement that will move. " + run + "\"}\n"
                + "{\"title\":\"Stays\",\"text\":\"A statement that stays. " + run + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        String location = post("application/x-ndjson", lines, "").statusCode(202).extract().header("Location");
        JsonPath job = finished(location);
        String moved = (String) items(location, "CREATED").get(0).get("sourceId");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType("application/json").header("If-Match", "*")
                .body(Map.of("collection", "restricted")).patch("/api/v1/sources/" + moved).then().statusCode(200);

        given().auth().oauth2(Tokens.integrator()).get(location).then().statusCode(404);
        given().auth().oauth2(Tokens.integrator()).get(location + "/items").then().statusCode(404);
        given().auth().oauth2(Tokens.integrator()).queryParam("size", 200).get("/api/v1/imports").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(job.getString("id"))));
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).get(location + "/items").then().statusCode(200)
                .body("items.sourceId", hasItem(moved));
    }

    /** Content already stored where the poster cannot look is a duplicate without its source, as the 409 says. */
    @Test
    void aDuplicateInACollectionThePosterCannotReadIsNotNamed() {
        String text = "A statement kept in the restricted collection. " + UUID.randomUUID();
        String hidden = given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType("application/json")
                .body(Map.of("title", "Kept apart", "text", text, "collection", "restricted"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.integrator()).contentType("application/json")
                .body(Map.of("title", "Same again", "text", text)).post("/api/v1/sources").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.not(containsString(hidden)));

        byte[] line = ("{\"title\":\"Same again\",\"text\":" + com.fasterxml.jackson.databind.node.TextNode
                .valueOf(text) + "}\n").getBytes(StandardCharsets.UTF_8);
        String location = post("application/x-ndjson", line, "").statusCode(202).extract().header("Location");
        JsonPath job = finished(location);
        assertThat(job.getInt("duplicates")).isEqualTo(1);
        assertThat(job.getList("written")).as("nothing written, and restricted not named").isEmpty();
        Map<String, Object> item = items(location, null).get(0);
        assertThat(item).containsEntry("outcome", "DUPLICATE").containsEntry("sourceId", null)
                .containsEntry("collection", null)
                .containsEntry("reason", "This content is already stored, in a collection you cannot read");
        assertThat(given().auth().oauth2(Tokens.integrator()).get(location + "/items").asString())
                .doesNotContain(hidden);
    }

    @Test
    void zipImportReadsEachFileAndExplainsFailures() {
        String run = " Ref " + UUID.randomUUID() + ".";
        byte[] pdf = SampleFiles.pdf(SampleFiles.SENTENCE + run, false);
        byte[] archive = SampleFiles.zip(
                "briefs/brigade.html", (new String(SampleFiles.html(), StandardCharsets.UTF_8)
                        .replace("</article>", "<p>" + run + "</p></article>")).getBytes(StandardCharsets.UTF_8),
                "briefs/notes.txt", ("Notes taken at the crossing on Monday." + run).getBytes(StandardCharsets.UTF_8),
                "briefs/report.pdf", pdf,
                "briefs/copy-of-report.pdf", pdf,
                "broken.pdf", Arrays.copyOf(pdf, pdf.length / 3),
                "tune.mid",
                new byte[]{'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 1, 0, 96, 'M', 'T', 'r', 'k', 0, 0, 0, 4, 0,
                        (byte) 0xff, 0x2f, 0},
                "__MACOSX/._notes.txt", new byte[]{0, 5, 22, 7});
        String location = post("application/zip", archive, "?tag=zip-test").statusCode(202)
                .body("total", equalTo(6)).extract().header("Location");
        JsonPath job = finished(location);
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("created")).isEqualTo(3);
        assertThat(job.getInt("duplicates")).isEqualTo(1);
        assertThat(job.getInt("failed")).isEqualTo(2);

        List<Map<String, Object>> failures = items(location, "FAILED");
        assertThat(failures).extracting(i -> i.get("name")).containsExactly("broken.pdf", "tune.mid");
        assertThat((String) failures.get(0).get("reason")).contains("could not be read as PDF");
        assertThat(failures.get(0).get("sourceId")).as("the corrupt file is kept as a FAILED source").isNotNull();
        assertThat((String) failures.get(1).get("reason")).contains("audio/midi");
    }

    @Inject
    ImportService imports;
    @Inject
    ImportRunner runner;
    @Inject
    ImportConfig config;

    /** A job stopped after its first item (as by a restart) resumes after it: nothing repeated, nothing skipped. */
    @Test
    void anInterruptedJobResumesAfterItsLastCommittedItem() throws Exception {
        String run = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        Files.createDirectories(config.spoolDir());
        Path spooled = config.spoolDir().resolve(id + ".jsonl");
        Files.writeString(spooled, String.join("\n",
                "{\"title\":\"First\",\"text\":\"First statement before the stop. " + run + "\"}",
                "{\"title\":\"Second\",\"text\":\"Second statement after the restart. " + run + "\"}",
                "{\"title\":\"Third\",\"text\":\"Third statement after the restart. " + run + "\"}"));
        ImportJob job = new ImportJob();
        job.id = id;
        job.format = ImportFormat.JSONL;
        job.collection = "open";
        job.status = ImportStatus.RUNNING;
        job.spoolPath = spooled.toString();
        job.total = 3;
        job.createdBy = "analyst";
        job.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        imports.create(job);
        // The first line was committed before the stop; marked so a repeat would show.
        imports.commit(id, List.of(ImportService.Outcome.failed(new RawItem(1, "line 1", null, null),
                "done before the stop")));

        runner.run(id);

        JsonPath after = given().auth().oauth2(Tokens.integrator()).get("/api/v1/imports/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(after.getString("status")).isEqualTo("COMPLETED");
        assertThat(after.getInt("processed")).isEqualTo(3);
        assertThat(after.getInt("created")).isEqualTo(2);
        assertThat(after.getInt("failed")).isEqualTo(1);
        List<Map<String, Object>> all = items("/api/v1/imports/" + id, null);
        assertThat(all).extracting(i -> i.get("reason")).containsExactly("done before the stop", null, null);
        assertThat(all).extracting(i -> i.get("outcome")).containsExactly("FAILED", "CREATED", "CREATED");
        assertThat(spooled).as("the spooled input is deleted once the job is done").doesNotExist();
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    /**
     * Another instance working on a job holds its advisory lock: this one leaves the job alone. When that instance
     * dies (its connection closes), the job is taken over here by the periodic look for unfinished jobs.
     */
    @Test
    void aJobAnotherInstanceRunsIsLeftToItAndTakenOverWhenThatInstanceDies() throws Exception {
        String run = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        Files.createDirectories(config.spoolDir());
        Path spooled = config.spoolDir().resolve(id + ".jsonl");
        Files.writeString(spooled, "{\"title\":\"Claimed\",\"text\":\"A statement for the claim test. " + run
                + "\"}");
        ImportJob job = new ImportJob();
        job.id = id;
        job.format = ImportFormat.JSONL;
        job.collection = "open";
        job.status = ImportStatus.QUEUED;
        job.spoolPath = spooled.toString();
        job.total = 1;
        job.createdBy = "analyst";
        job.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        long key = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
        try (java.sql.Connection otherInstance = java.sql.DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                var lock = otherInstance.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
            imports.create(job);

            assertThat(runner.claimAndRun(id)).isFalse();
            runner.resumeUnfinished();
            assertThat(given().auth().oauth2(Tokens.integrator()).get("/api/v1/imports/" + id).then().statusCode(200)
                    .extract().<String>path("status")).isEqualTo("QUEUED");
        } // the other instance is gone, and its lock with its connection

        runner.resumeUnfinished();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> "COMPLETED".equals(given().auth().oauth2(Tokens.integrator()).get("/api/v1/imports/"
                        + id).then().extract().path("status")));
        assertThat(given().auth().oauth2(Tokens.integrator()).get("/api/v1/imports/" + id).then().extract()
                .<Integer>path("created")).isEqualTo(1);
    }

    @Test
    void pathsLeavingTheArchiveAreRefused() {
        post("application/zip", SampleFiles.zip("ok.txt", "fine".getBytes(StandardCharsets.UTF_8),
                "../../etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8)), "")
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("../../etc/cron.d/evil"));
        post("application/zip", SampleFiles.zip("/etc/passwd", "x".getBytes(StandardCharsets.UTF_8)), "")
                .statusCode(400).body("detail", containsString("outside the archive"));
    }

    @Test
    void zipBombsAreRefused() {
        byte[] zeros = new byte[8 * 1024 * 1024]; // compresses about 1000 times
        post("application/zip", SampleFiles.zip("bomb.txt", zeros), "")
                .statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("zip bomb"));
    }

    @Test
    void badBodiesAreRefusedWithProblems() {
        post("application/zip", "this is not a zip".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).body("detail", containsString("not a readable ZIP"));
        post("application/x-ndjson", "\n \n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).body("detail", containsString("no lines"));
        post("text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(415).contentType("application/problem+json");
        post("application/x-ndjson", "{}".getBytes(StandardCharsets.UTF_8), "?collection=Bad%20One")
                .statusCode(400).body("errors.field", hasItem(containsString("collection")));
        given().auth().oauth2(Tokens.integrator()).get("/api/v1/imports/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void oddButValidInputIsTaken() {
        String run = UUID.randomUUID().toString();
        // a Windows-made archive: names in IBM437, not flagged UTF-8; and a name longer than the column
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        String longName = "n".repeat(600) + ".txt";
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(archive,
                java.nio.charset.Charset.forName("IBM437"))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("café.txt"));
            zip.write(("Notes from the café near the crossing. " + run).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry(longName));
            zip.write(("A file with a very long name. " + run).getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String zipJob = post("application/zip", archive.toByteArray(), "").statusCode(202).extract().header("Location");
        JsonPath zipDone = finished(zipJob);
        assertThat(zipDone.getInt("created")).isEqualTo(2);
        List<Map<String, Object>> created = items(zipJob, "CREATED");
        assertThat(created.get(0).get("name")).isEqualTo("café.txt");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + created.get(1).get("sourceId"))
                .then().statusCode(200).body("originalName", org.hamcrest.Matchers.hasLength(500));

        // JSON Lines from Notepad: a byte-order mark before the first line, CRLF line ends
        byte[] lines = ("\uFEFF{\"title\":\"With a BOM\",\"text\":\"First line after a BOM. " + run + "\"}\r\n"
                + "{\"title\":\"Second\",\"text\":\"Second line. " + run + "\"}\r\n").getBytes(StandardCharsets.UTF_8);
        JsonPath lineJob = finished(post("application/x-ndjson; charset=utf-8", lines, "").statusCode(202)
                .extract().header("Location"));
        assertThat(lineJob.getInt("created")).isEqualTo(2);
        assertThat(lineJob.getInt("total")).isEqualTo(2);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        given().auth().oauth2(Tokens.integrator()).body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(Tokens.integrator()).contentType("application/*").body(new byte[]{1})
                .post("/api/v1/imports").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void importsNeedTheAnalystRole() {
        byte[] line = "{\"title\":\"t\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/x-ndjson").body(line).post("/api/v1/imports").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType("application/x-ndjson").body(line)
                .post("/api/v1/imports").then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/imports").then().statusCode(403);
    }
}
