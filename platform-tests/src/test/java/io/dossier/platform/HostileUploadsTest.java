package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.Tokens;
import io.restassured.response.ValidatableResponse;

/**
 * Uploads built to hurt, through the gateway as a user sends them (and straight to the sources service where an
 * integrator would): a 1 GB file, zip bombs (an archive, and one dressed as a DOCX), polyglots (a PDF or a web page
 * with an archive appended). Each is refused with a problem, quickly, nothing is stored, and the services stay ready.
 */
@ExtendWith(PlatformExtension.class)
class HostileUploadsTest {

    private static final String SOURCES = "http://localhost:18081";
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PAGE = "<!doctype html><html><head><title>Brief</title></head><body><p>A brief.</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aOneGigabyteFileIsRefusedBeforeItIsRead() throws IOException {
        String analyst = Tokens.forUser(Tokens.ANALYST);
        long before = storedSources(analyst);
        for (int port : new int[]{18080, 18081}) {
            // the headers of a 1 GB multipart upload, then nothing: the answer must come from the headers alone
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(10_000);
                long started = System.nanoTime();
                socket.getOutputStream().write(("POST /api/v1/sources HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + analyst + "\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (1L << 30)
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = readUntil(socket, "}");
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(answer).as("port " + port).startsWith("HTTP/1.1 413")
                        .containsIgnoringCase("content-type: application/problem+json")
                        .contains("larger than the limit");
                assertThat(millis).isLessThan(5_000);
            }
        }
        assertThat(storedSources(analyst)).isEqualTo(before);
    }

    @Test
    void zipBombsAreRefused() throws IOException {
        String analyst = Tokens.forUser(Tokens.ANALYST);
        long before = storedSources(analyst);
        byte[] bomb = zip("report.txt", 200L << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        // as a bulk import: refused before any item is read
        given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType("application/zip").body(bomb)
                .post("/api/v1/imports").then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("zip bomb"));
        // as a single upload: archives are not documents
        upload(analyst, "report.zip", bomb).statusCode(415).contentType("application/problem+json");
        // dressed as a Word file: the container expands past what a document of its size may
        upload(analyst, "report.docx", docxBomb(200L << 20)).statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("zip bomb"));
        assertThat(storedSources(analyst)).isEqualTo(before);
        ready();
    }

    @Test
    void polyglotsAreRefused() throws IOException {
        String analyst = Tokens.forUser(Tokens.ANALYST);
        long before = storedSources(analyst);
        byte[] archive = zip("payload/run.js", 2_000);
        upload(analyst, "brief.pdf", concat(PDF, archive)).statusCode(415).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("polyglot"));
        upload(analyst, "brief.html", concat(PAGE, archive)).statusCode(415)
                .body("detail", org.hamcrest.Matchers.containsString("polyglot"));
        upload(analyst, "brief.txt", concat("Notes first, then a PDF\n".getBytes(StandardCharsets.UTF_8), PDF))
                .statusCode(415).body("detail", org.hamcrest.Matchers.containsString("polyglot"));
        assertThat(storedSources(analyst)).isEqualTo(before);
        ready();
    }

    /** What the server sent until {@code end} came (or it closed the connection). */
    private static String readUntil(Socket socket, String end) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        for (int n = socket.getInputStream().read(buffer); n > 0; n = socket.getInputStream().read(buffer)) {
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (answer.toString().contains(end)) {
                break;
            }
        }
        return answer.toString();
    }

    private static ValidatableResponse upload(String token, String name, byte[] content) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token)
                .multiPart("file", name, content, "application/octet-stream").post("/api/v1/sources").then();
    }

    private static long storedSources(String token) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).queryParam("size", 1).get("/api/v1/sources")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static void ready() {
        for (int port : new int[]{18080, 18081, 18082, 18083}) {
            given().baseUri("http://localhost:" + port).get("/q/health/ready").then().statusCode(200);
        }
    }

    /** An archive with one entry of {@code size} zero bytes (compressed about a thousand times). */
    private static byte[] zip(String name, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            writeZeros(zip, size);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** The parts a detector takes for a Word document, and one more that expands to {@code size} zero bytes. */
    private static byte[] docxBomb(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd."
                    + "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                    + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Brief</w:t></w:r></w:p></w:body>"
                    + "</w:document>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/media/padding.bin"));
            writeZeros(zip, size);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void writeZeros(ZipOutputStream zip, long size) throws IOException {
        byte[] zeros = new byte[1 << 16];
        for (long written = 0; written < size; written += zeros.length) {
            zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
