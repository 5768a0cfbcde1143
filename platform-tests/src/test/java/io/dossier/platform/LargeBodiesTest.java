package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.Tokens;

/**
 * The API entry streams bodies rather than holding them: a gateway whose whole heap (64 MiB) is smaller than what
 * passes through it (a 45 MiB upload, its 45 MiB answer, and the original read back) forwards every byte and stays
 * up. A gateway that read each body whole, as the API entry once did, dies of it.
 */
@ExtendWith(PlatformExtension.class)
class LargeBodiesTest {

    private static final int PORT = 18094;
    private static final int SIZE = 45 << 20;
    private static Process gateway;

    @BeforeAll
    static void smallGateway() {
        gateway = Platform.startGatewayInstance("gateway-small-heap", PORT, "-Xmx64m",
                "-XX:+ExitOnOutOfMemoryError");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.destroy();
        }
    }

    @Test
    void bodiesLargerThanTheGatewaysHeapPassThroughBothWays() throws IOException, NoSuchAlgorithmException {
        byte[] text = text(SIZE);
        String analyst = Tokens.forUser(Tokens.ANALYST);
        String id = given().baseUri("http://localhost:" + PORT).auth().oauth2(analyst)
                .multiPart("file", "large-brief.txt", text, "text/plain").multiPart("title", "A large brief")
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");

        MessageDigest read = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream original = given().baseUri("http://localhost:" + PORT).auth().oauth2(analyst)
                .get("/api/v1/sources/" + id + "/original").then().statusCode(200).extract().asInputStream()) {
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = original.read(chunk)) > 0;) {
                read.update(chunk, 0, n);
                length += n;
            }
        }
        assertThat(length).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(read.digest()))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
        assertThat(gateway.isAlive()).as("the small gateway is still running").isTrue();
        given().baseUri("http://localhost:" + PORT).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWithA413() throws IOException {
        // no Content-Length to refuse it by: the API entry counts what passes and stops at 51 MiB
        try (java.net.Socket socket = new java.net.Socket("localhost", PORT)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.forUser(Tokens.ANALYST) + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) '\n');
            try {
                for (int i = 0; i < 60; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                // the gateway answered and closed the connection on the rest of the body: the answer is read below
            }
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
        assertThat(gateway.isAlive()).isTrue();
        given().baseUri("http://localhost:" + PORT).get("/q/health/ready").then().statusCode(200);
    }

    /** Words of a brief, drawn at random (a new text each run, so it is never a duplicate), to {@code size} bytes. */
    private static byte[] text(int size) {
        String[] words = {"militia", "brigade", "checkpoint", "statement", "commander", "convoy", "border", "report",
                "drone", "warehouse"};
        Random random = new Random();
        StringBuilder out = new StringBuilder(size).append(UUID.randomUUID()).append('\n');
        while (out.length() < size - 20) {
            out.append(words[random.nextInt(words.length)]).append(random.nextInt(50) == 0 ? ".\n" : " ");
        }
        while (out.length() < size) {
            out.append(' ');
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
