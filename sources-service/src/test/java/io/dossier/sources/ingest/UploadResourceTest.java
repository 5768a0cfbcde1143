package io.dossier.sources.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class UploadResourceTest {

    /** A marker that makes each upload's content new, so every test stores its own source. */
    static String unique() {
        return " Ref " + UUID.randomUUID() + ".";
    }

    static ValidatableResponse upload(String filename, byte[] content) {
        return given().auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .multiPart("file", filename, content, "application/octet-stream")
                .when().post("/api/v1/sources").then();
    }

    @Test
    void htmlPageGivesTheArticleAndItsMetadata() {
        byte[] page = (new String(SampleFiles.html(), StandardCharsets.UTF_8)
                .replace("</article>", "<p>" + unique() + "</p></article>")).getBytes(StandardCharsets.UTF_8);
        String id = upload("brigade.html", page).statusCode(201)
                .body("status", equalTo("EXTRACTED"))
                .body("contentType", equalTo("text/html"))
                .body("title", equalTo("Brigade names a new commander"))
                .body("authors", equalTo(java.util.List.of("Lina Haddad")))
                .body("publishedAt", equalTo("2025-03-14T06:00:00Z"))
                .body("url", equalTo("https://monitor.example.org/2025/03/brigade-commander"))
                .body("publisher", equalTo("Example Monitor"))
                .body("language", equalTo("en"))
                .body("originalName", equalTo("brigade.html"))
                .body("text", containsString(SampleFiles.SENTENCE))
                .body("text", containsString("Analysts said the change"))
                .body("text", not(containsString("Share on Facebook")))
                .body("text", not(containsString("Another story entirely")))
                .body("text", not(containsString("All rights reserved")))
                .body("text", not(containsString("About us")))
                .extract().path("id");

        byte[] original = given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .when().get("/api/v1/sources/" + id + "/original")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Disposition", containsString("filename=\"brigade.html\""))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(original).isEqualTo(page);
    }

    @Test
    void pdfWordOdtRtfAndEmailAreRead() {
        String marker = unique();
        upload("report.pdf", SampleFiles.pdf(SampleFiles.SENTENCE + marker, false)).statusCode(201)
                .body("contentType", equalTo("application/pdf"))
                .body("title", equalTo("Quarterly militia activity report"))
                .body("authors", hasItem("Omar Saleh"))
                .body("publishedAt", equalTo("2024-06-02T10:30:00Z"))
                .body("text", containsString(SampleFiles.SENTENCE));
        upload("notes.docx", SampleFiles.docx(SampleFiles.SENTENCE + marker)).statusCode(201)
                .body("contentType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body("title", equalTo("Notes on the northern sector"))
                .body("authors", hasItem("Sara Karim"))
                .body("text", containsString("A second paragraph gives the background"));
        upload("notes.odt", SampleFiles.odt(SampleFiles.SENTENCE + marker)).statusCode(201)
                .body("contentType", equalTo("application/vnd.oasis.opendocument.text"))
                .body("title", equalTo("Field notes from Diyala"))
                .body("authors", hasItem("Yusuf Amin"))
                .body("text", containsString(SampleFiles.SENTENCE));
        upload("brief.rtf", SampleFiles.rtf(SampleFiles.SENTENCE + marker)).statusCode(201)
                .body("contentType", equalTo("application/rtf"))
                .body("title", equalTo("Brief on the crossing"))
                .body("text", containsString(SampleFiles.SENTENCE));
        upload("report.eml", SampleFiles.eml(SampleFiles.SENTENCE + marker)).statusCode(201)
                .body("contentType", equalTo("message/rfc822"))
                .body("title", equalTo("Report from the checkpoint"))
                .body("authors", hasItem(containsString("Karim Aziz")))
                .body("publishedAt", equalTo("2025-03-04T08:15:00Z"))
                .body("text", containsString(SampleFiles.SENTENCE));
    }

    @Test
    void languagesAreDetected() {
        upload("ar.txt", ("أعلنت كتائب حزب الله في بيان يوم الخميس أنها ستواصل عملياتها ضد القوات الأجنبية في العراق."
                + unique()).getBytes(StandardCharsets.UTF_8)).statusCode(201).body("language", equalTo("ar"));
        upload("fa.txt",
                ("فرمانده نیروی قدس روز پنجشنبه با رهبران گروه‌های مسلح در بغداد دیدار کرد و درباره آینده گفتگو کرد."
                        + unique()).getBytes(StandardCharsets.UTF_8))
                .statusCode(201).body("language", equalTo("fa"));
        upload("en.txt", (SampleFiles.SENTENCE + " Officials confirmed the appointment on Friday." + unique())
                .getBytes(StandardCharsets.UTF_8)).statusCode(201).body("language", equalTo("en"));
    }

    @Test
    void textThatIsNotUtf8IsDecodedNotGarbled() {
        byte[] latin1 = ("Le communiqué du café de la place évoque la frontière." + unique())
                .getBytes(StandardCharsets.ISO_8859_1);
        upload("note.txt", latin1).statusCode(201)
                .body("text", startsWith("Le communiqué du café de la place évoque la frontière."));
    }

    @Test
    void formFieldsOverrideWhatWasExtracted() {
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR))
                .multiPart("file", "report.pdf", SampleFiles.pdf(SampleFiles.SENTENCE + unique(), false))
                .multiPart("title", "Activity report, second quarter")
                .multiPart("collection", "restricted")
                .multiPart("tags", "iraq")
                .multiPart("tags", "quarterly")
                .multiPart("publishedAt", "2024-07-01")
                .when().post("/api/v1/sources")
                .then().statusCode(201)
                .body("title", equalTo("Activity report, second quarter"))
                .body("collection", equalTo("restricted"))
                .body("tags", equalTo(java.util.List.of("iraq", "quarterly")))
                .body("publishedAt", equalTo("2024-07-01T00:00:00Z"))
                .body("authors", hasItem("Omar Saleh"));
    }

    @Test
    void theSameFileTwiceIsOneSource() {
        byte[] file = SampleFiles.docx(SampleFiles.SENTENCE + unique());
        String first = upload("a.docx", file).statusCode(201).extract().path("id");
        String second = upload("renamed.docx", file).statusCode(200)
                .header(IngestResource.DUPLICATE_HEADER, "true").extract().path("id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aCorruptFileIsKeptAsFailedWithTheReason() {
        byte[] pdf = SampleFiles.pdf(SampleFiles.SENTENCE + unique(), false);
        byte[] truncated = Arrays.copyOf(pdf, pdf.length / 3);
        String location = upload("broken.pdf", truncated).statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString("could not be read as PDF"))
                // what is wrong with the file, not the parser's internals (class names, object ids)
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("org.apache")))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern(".*@[0-9a-f]{4,}.*")))
                .body("instance", startsWith("/api/v1/sources/"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).when().get("/api/v1/sources/" + id)
                .then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("statusReason", containsString("could not be read as PDF"))
                .body("title", equalTo("broken.pdf"));
        byte[] kept = given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .when().get("/api/v1/sources/" + id + "/original").then().statusCode(200).extract().asByteArray();
        assertThat(kept).isEqualTo(truncated);
    }

    @Test
    void anEncryptedFileIsKeptAsFailedWithTheReason() {
        upload("secret.pdf", SampleFiles.pdf(SampleFiles.SENTENCE + unique(), true)).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("encrypted"));
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] big = new byte[1_048_577]; // the test limit is 1 MiB
        Arrays.fill(big, (byte) 'a');
        upload("big.txt", big).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("limit"));
    }

    @Test
    void unknownOrUnsupportedTypesAre415() {
        byte[] midi = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 1, 0, 96, 'M', 'T', 'r', 'k', 0, 0, 0, 4, 0,
                (byte) 0xff,
                0x2f, 0};
        upload("tune.mid", midi).statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("audio/midi"));
        byte[] noise = new byte[512];
        new java.util.Random(7).nextBytes(noise);
        upload("blob", noise).statusCode(415).body("detail", containsString("no recognizable type"));
        upload("empty.txt", new byte[0]).statusCode(415).body("detail", containsString("empty"));
        upload("archive.zip", SampleFiles.zip("a.txt", "x".getBytes(StandardCharsets.UTF_8))).statusCode(415)
                .body("detail", containsString("/api/v1/imports"));
    }

    @Test
    void polyglotsAre415AndNothingIsStored() {
        byte[] pdf = SampleFiles.pdf(SampleFiles.SENTENCE + unique(), false);
        byte[] jar = SampleFiles.zip("payload/Run.class", "not really a class".getBytes(StandardCharsets.UTF_8));
        // a PDF with an archive appended (readers of either format open it)
        upload("report.pdf", SampleFiles.concat(pdf, jar)).statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("polyglot")).body("detail", containsString("ZIP"));
        // a web page with an archive appended
        upload("page.html", SampleFiles.concat(SampleFiles.html(), jar)).statusCode(415)
                .body("detail", containsString("polyglot"));
        // text that turns into a PDF a few bytes in (PDF readers look for the header in the first kilobyte)
        upload("notes.txt", SampleFiles.concat(("Notes" + unique() + "\n").getBytes(StandardCharsets.UTF_8), pdf))
                .statusCode(415).body("detail", containsString("polyglot"));
        // a PDF whose first kilobyte is also an HTML page with a script (what a browser would sniff)
        String head = new String(pdf, StandardCharsets.ISO_8859_1);
        int line = head.indexOf('\n') + 1;
        byte[] scripted = SampleFiles.concat(java.util.Arrays.copyOf(pdf, line), SampleFiles.concat(
                "%<html><script>alert(1)</script></html>\n".getBytes(StandardCharsets.ISO_8859_1),
                java.util.Arrays.copyOfRange(pdf, line, pdf.length)));
        upload("brief.pdf", scripted).statusCode(415).body("detail", containsString("<script>"));
        // the same PDF alone is taken
        upload("report.pdf", pdf).statusCode(201);
    }

    @Test
    void aDocxThatExpandsLikeABombIs413() {
        byte[] bomb = SampleFiles.docxBomb(200L << 20);
        assertThat(bomb.length).as("under the upload limit as sent").isLessThan(1_048_576);
        upload("notes.docx", bomb).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("zip bomb"));
    }

    @Test
    void badFormFieldsAre400() {
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .multiPart("file", "a.txt",
                        ("Some text about the brigade." + unique()).getBytes(StandardCharsets.UTF_8))
                .multiPart("publishedAt", "last Tuesday")
                .when().post("/api/v1/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publishedAt"));
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .multiPart("title", "No file here")
                .when().post("/api/v1/sources")
                .then().statusCode(400).body("detail", containsString("file"));
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .multiPart("file", "a.txt", ("More text." + unique()).getBytes(StandardCharsets.UTF_8))
                .multiPart("collection", "Not A Collection")
                .when().post("/api/v1/sources")
                .then().statusCode(400).body("errors.field", hasItem(containsString("collection")));
    }

    @Test
    void aMultipartBodyThatEndsEarlyIs400() {
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .config(io.restassured.config.RestAssuredConfig.config().encoderConfig(
                        io.restassured.config.EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("multipart/form-data; boundary=zz")
                .body("--zz\r\nContent-Disposition: form-data;".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/sources").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void uploadsNeedTheAnalystRole() {
        byte[] file = ("Text for the role check." + unique()).getBytes(StandardCharsets.UTF_8);
        given().multiPart("file", "a.txt", file).when().post("/api/v1/sources").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).multiPart("file", "a.txt", file)
                .when().post("/api/v1/sources").then().statusCode(403).contentType("application/problem+json");
    }
}
