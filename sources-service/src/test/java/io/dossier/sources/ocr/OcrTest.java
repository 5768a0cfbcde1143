package io.dossier.sources.ocr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import jakarta.inject.Inject;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.PageImages;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Images and scanned PDFs read by Tesseract (installed from Debian's packages by {@code .ci/run} and
 * {@code deploy/local/dossier}), asynchronously: pages rendered here from text of our own, uploaded, and read back.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class OcrTest {

    static final String ENGLISH = "Kataib Hezbollah said in a statement on Tuesday that its fighters would stay near"
            + " the border crossing. A spokesman said the group had moved two convoys north of the river.";
    static final String ARABIC = "قالت كتائب حزب الله في بيان يوم الثلاثاء إن مقاتليها سيبقون قرب المعبر الحدودي."
            + " وأضاف المتحدث أن الجماعة نقلت قافلتين شمال النهر.";
    static final String PERSIAN = "کتائب حزب الله روز سه‌شنبه در بیانیه‌ای اعلام کرد که نیروهایش در نزدیکی گذرگاه"
            + " مرزی باقی می‌مانند. سخنگوی این گروه گفت دو کاروان به شمال رودخانه منتقل شده است.";

    @Inject
    Tesseract tesseract;

    /** A page unique to this run (a reference number), so the upload is a new source. */
    static BufferedImage page(String text, boolean rightToLeft, int dpi) {
        return PageImages.page(text + "\n" + "Ref " + (100_000 + new Random().nextInt(900_000)), rightToLeft, dpi);
    }

    static ValidatableResponse upload(String filename, byte[] content, String language) {
        var request = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .multiPart("file", filename, content, "application/octet-stream");
        if (language != null) {
            request.multiPart("language", language);
        }
        return request.when().post("/api/v1/sources").then();
    }

    static JsonPath source(String id) {
        return given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).get("/api/v1/sources/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The source once OCR has ended with it (EXTRACTED or FAILED). */
    static JsonPath read(String id) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> source(id), s -> !s.getString("status").equals("EXTRACTING"));
    }

    static String accepted(ValidatableResponse response) {
        JsonPath body = response.statusCode(202).contentType("application/json").extract().jsonPath();
        assertThat(body.getString("status")).isEqualTo("EXTRACTING");
        assertThat(body.getInt("ocr.pagesDone")).isZero();
        assertThat(body.getString("text")).isEmpty();
        return body.getString("id");
    }

    @Test
    void anEnglishImageIsReadAndGoesOnTheFeedOnlyWithItsText() {
        // a document of three pages first, so that the one worker is busy when the next arrives
        String busy = accepted(upload("briefing.tiff", PageImages.tiff(List.of(page(ENGLISH, false, 200),
                page(ENGLISH, false, 200), page(ENGLISH, false, 200))), "en"));
        long head = feedHead();
        String id = accepted(upload("statement.png", PageImages.png(page(ENGLISH, false, 300)), null));
        String before = source(id).getString("status");
        List<String> onFeed = feedSince(head);
        String after = source(id).getString("status");
        assertThat(List.of(before, after)).as("still waiting behind the first document").containsOnly("EXTRACTING");
        assertThat(onFeed).doesNotContain(id);

        JsonPath done = read(id);
        assertThat(done.getString("status")).isEqualTo("EXTRACTED");
        assertThat(done.getString("text")).contains("Kataib Hezbollah", "statement", "border crossing", "convoys");
        assertThat(done.getString("title")).startsWith("Kataib Hezbollah said");
        assertThat(done.getString("language")).isEqualTo("en");
        assertThat(done.getInt("ocr.pages")).isEqualTo(1);
        assertThat(done.getInt("ocr.pagesDone")).isEqualTo(1);
        assertThat(done.getInt("ocr.ocrPages")).isEqualTo(1);
        assertThat(done.getString("ocr.language")).as("found by the first pass").isEqualTo("eng");
        assertThat(feedSince(head).stream().filter(id::equals)).as("once, when its text exists").hasSize(1);

        JsonPath pages = read(busy);
        assertThat(pages.getInt("ocr.pages")).isEqualTo(3);
        assertThat(pages.getString("text").split("\f")).hasSize(3).allSatisfy(p -> assertThat(p).contains("convoys"));
    }

    @Test
    void arabicAndPersianComeOutInLogicalOrderAsTheirOwnLanguages() {
        String given = accepted(upload("bayan.png", PageImages.png(page(ARABIC, true, 300)), "ar"));
        String found = accepted(upload("bayan-2.png", PageImages.png(page(ARABIC, true, 300)), null));
        String persian = accepted(upload("bayaniyeh.png", PageImages.png(page(PERSIAN, true, 300)), null));

        JsonPath arabic = read(given);
        assertThat(arabic.getString("status")).isEqualTo("EXTRACTED");
        assertThat(arabic.getString("text")).contains("كتائب حزب الله", "المعبر الحدودي");
        assertThat(arabic.getString("ocr.language")).isEqualTo("ara");
        assertThat(arabic.getString("language")).isEqualTo("ar");
        JsonPath detected = read(found);
        assertThat(detected.getString("ocr.language")).as("Arabic script, found by the first pass").isEqualTo("ara");
        assertThat(detected.getString("text")).contains("كتائب حزب الله");
        assertThat(detected.getString("language")).isEqualTo("ar");
        JsonPath farsi = read(persian);
        assertThat(farsi.getString("ocr.language")).isEqualTo("fas");
        assertThat(farsi.getString("language")).isEqualTo("fa");
        assertThat(farsi.getString("text")).contains("گذرگاه", "رودخانه");
    }

    @Test
    void aCollectionsDefaultLanguageIsUsedWhenTheUploadNamesNone() {
        // the test profile reads collection `restricted` as Persian by default
        String id = given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR))
                .multiPart("file", "bayaniyeh.png", PageImages.png(page(PERSIAN, true, 300)),
                        "application/octet-stream")
                .multiPart("collection", "restricted").post("/api/v1/sources").then().statusCode(202)
                .body("ocr.language", org.hamcrest.Matchers.equalTo("fas")).extract().path("id");
        JsonPath done = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).get("/api/v1/sources/" + id)
                        .then().statusCode(200).extract().jsonPath(), s -> !s.getString("status").equals("EXTRACTING"));
        assertThat(done.getString("status")).isEqualTo("EXTRACTED");
        assertThat(done.getString("text")).contains("رودخانه");
        // a language named by the upload wins over the collection's
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR))
                .multiPart("file", "bayan.png", PageImages.png(page(ARABIC, true, 300)), "application/octet-stream")
                .multiPart("collection", "restricted").multiPart("language", "ar").post("/api/v1/sources").then()
                .statusCode(202).body("ocr.language", org.hamcrest.Matchers.equalTo("ara"));
    }

    @Test
    void gifAndWebpImagesAreReadToo() throws IOException {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(page(ENGLISH, false, 200), "gif", gif);
        JsonPath fromGif = read(accepted(upload("statement.gif", gif.toByteArray(), "en")));
        assertThat(fromGif.getString("contentType")).isEqualTo("image/gif");
        assertThat(fromGif.getString("text")).contains("Kataib Hezbollah", "convoys");
        // a WebP page of our own (made with cwebp; the JDK writes no WebP): Tesseract decodes it itself. The same
        // file every run, so a second run finds it stored already
        byte[] webp;
        try (var in = OcrTest.class.getResourceAsStream("/ocr/statement.webp")) {
            webp = in.readAllBytes();
        }
        String id = upload("statement.webp", webp, "en").statusCode(org.hamcrest.Matchers.oneOf(200, 202)).extract()
                .path("id");
        JsonPath fromWebp = read(id);
        assertThat(fromWebp.getString("contentType")).isEqualTo("image/webp");
        assertThat(fromWebp.getString("status")).isEqualTo("EXTRACTED");
        assertThat(fromWebp.getString("text")).contains("Western Sector Command", "pumping station");
    }

    @Test
    void aPdfKeepsItsTextLayerAndOnlyItsScannedPagesAreRead() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            addTypedPage(document);
            PDPage scanned = new PDPage(PDRectangle.A4);
            document.addPage(scanned);
            PDImageXObject image = LosslessFactory.createFromImage(document, page(ENGLISH, false, 200));
            try (PDPageContentStream content = new PDPageContentStream(document, scanned)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(out);
            pdf = out.toByteArray();
        }
        JsonPath done = read(accepted(upload("scan.pdf", pdf, "en")));
        assertThat(done.getString("status")).isEqualTo("EXTRACTED");
        assertThat(done.getInt("ocr.pages")).isEqualTo(2);
        assertThat(done.getInt("ocr.ocrPages")).isEqualTo(1);
        String[] pages = done.getString("text").split("\f");
        assertThat(pages).hasSize(2);
        assertThat(pages[0]).contains("Typed cover note");
        assertThat(pages[1]).contains("Kataib Hezbollah", "convoys");
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecodingAndKept() {
        byte[] bomb = png(100_000, 100_000);
        JsonPath failed = read(accepted(upload("huge.png", bomb, null)));
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("statusReason")).contains("100000 × 100000", "before decoding");
        byte[] kept = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .get("/api/v1/sources/" + failed.getString("id") + "/original").then().statusCode(200).extract()
                .asByteArray();
        assertThat(kept).isEqualTo(bomb);
    }

    @Test
    void anImageBombInsideAPdfIsRefusedAndAPdfsTextLayerIsKept() throws IOException {
        JsonPath bombOnly = read(accepted(upload("bomb.pdf", pdfWithBomb(false), "en")));
        assertThat(bombOnly.getString("status")).isEqualTo("FAILED");
        assertThat(bombOnly.getString("statusReason")).contains("100000 × 100000", "before decoding");

        JsonPath typedAndBomb = read(accepted(upload("typed-and-bomb.pdf", pdfWithBomb(true), "en")));
        assertThat(typedAndBomb.getString("status")).as("the typed page's text is kept").isEqualTo("EXTRACTED");
        assertThat(typedAndBomb.getString("text")).contains("Typed cover note");
        assertThat(typedAndBomb.getString("statusReason")).contains("Not all pages were read by OCR", "Page 2");
    }

    /** A page with a line of typed text (a text layer), unique to this run. */
    static void addTypedPage(PDDocument document) throws IOException {
        PDPage typed = new PDPage(PDRectangle.A4);
        document.addPage(typed);
        try (PDPageContentStream content = new PDPageContentStream(document, typed)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            content.newLineAtOffset(50, 750);
            content.showText("Typed cover note: the attached scan was received on Monday " + System.nanoTime());
            content.endText();
        }
    }

    /** A PDF whose (second) page draws an image declaring 100,000 × 100,000 pixels from a few bytes. */
    static byte[] pdfWithBomb(boolean typedFirst) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (typedFirst) {
                addTypedPage(document);
            }
            PDPage scanned = new PDPage(PDRectangle.A4);
            document.addPage(scanned);
            ByteArrayOutputStream tiny = new ByteArrayOutputStream();
            try (var deflated = new java.util.zip.DeflaterOutputStream(tiny)) {
                deflated.write(new byte[1000]);
            }
            PDImageXObject bomb = new PDImageXObject(document, new java.io.ByteArrayInputStream(tiny.toByteArray()),
                    org.apache.pdfbox.cos.COSName.FLATE_DECODE, 100_000, 100_000, 8,
                    org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(document, scanned)) {
                content.drawImage(bomb, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aCorruptImageFailsWithTheReason() {
        byte[] whole = PageImages.png(page(ENGLISH, false, 150));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        JsonPath failed = read(accepted(upload("cut.png", cut, "en")));
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("statusReason")).isNotBlank();
    }

    @Test
    void tooManyPagesAreRefusedBeforeAnyIsDecoded() {
        // the test profile reads at most 3 pages a document
        BufferedImage small = page("A short page.", false, 72);
        JsonPath failed = read(accepted(upload("long.tiff", PageImages.tiff(List.of(small, small, small, small)),
                "en")));
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("statusReason")).contains("4 pages", "at most 3");
    }

    @Test
    void anImageInAnImportIsReadAndItsItemShowsWhereItStands() {
        byte[] archive = io.dossier.sources.ingest.SampleFiles.zip("scans/statement.png",
                PageImages.png(page(ENGLISH, false, 200)));
        String location = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType("application/zip")
                .body(archive).post("/api/v1/imports").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).until(() -> given().auth()
                .oauth2(Tokens.forUser(Tokens.ANALYST)).get(location).then().extract().path("status")
                .equals("COMPLETED"));
        JsonPath item = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).get(location + "/items").then()
                        .statusCode(200).extract().jsonPath(),
                        i -> "EXTRACTED".equals(i.getString("items[0]"
                                + ".sourceStatus")));
        assertThat(item.getString("items[0].outcome")).isEqualTo("CREATED");
        assertThat(item.getInt("items[0].pages")).isEqualTo(1);
        assertThat(item.getInt("items[0].pagesDone")).isEqualTo(1);
        assertThat(source(item.getString("items[0].sourceId")).getString("text")).contains("Kataib Hezbollah");
    }

    @Test
    void aPageOverItsBudgetIsStopped() throws Exception {
        Path image = Files.createTempFile("budget", ".png");
        try {
            Files.write(image, PageImages.png(page(ENGLISH, false, 300)));
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(Tesseract.PageFailure.class,
                    () -> tesseract.read(image, "eng", Duration.ofMillis(1))).getMessage())
                    .contains("budget per page");
        } finally {
            Files.delete(image);
        }
    }

    private static long feedHead() {
        return given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("after", 0).queryParam("limit", 1)
                .get("/api/v1/sources/changes").then().statusCode(200).extract().jsonPath().getLong("head");
    }

    private static List<String> feedSince(long after) {
        return given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("after", after)
                .queryParam("limit", 1000).get("/api/v1/sources/changes").then().statusCode(200).extract()
                .jsonPath().getList("changes.sourceId", String.class);
    }

    /** A PNG that declares {@code width} × {@code height} grey pixels and holds almost none of them. */
    static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
