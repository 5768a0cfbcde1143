package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The audit export page copies the search service's answer through as it comes: over a real HTTP connection (the
 * JDK's server and client, as the page uses), an answer that stops half-way is broken off after the idle limit,
 * with what came before it passed on; a slow answer that keeps coming is copied whole, and so is an answer to a
 * downloader who stops reading for longer than the limit.
 */
class ExportCopyTest {

    private static final Duration IDLE = Duration.ofSeconds(2);
    /** The slow answer's pace: a line every quarter of a second, well within the idle limit. */
    private static final long PACE_MS = 250;
    private final CountDownLatch release = new CountDownLatch(1);
    /** Counted down once the slow answer's last line is sent. */
    private final CountDownLatch slowSent = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stalls", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("first line\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                release.await(30, TimeUnit.SECONDS); // then nothing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away: expected
            }
        });
        server.createContext("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 12; i++) {
                    body.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    body.flush();
                    // the service's pace: the next line a moment later (at once when the test ends)
                    release.await(PACE_MS, TimeUnit.MILLISECONDS);
                }
                slowSent.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private InputStream open(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.getAddress().getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void anAnswerThatStopsHalfWayIsBrokenOffAfterTheIdleLimit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try (InputStream in = open("/stalls")) {
            assertThatThrownBy(() -> AuditTrailPage.copy(in, out, IDLE)).isInstanceOf(IOException.class)
                    .hasMessageContaining("sent nothing");
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first line\n");
        assertThat(tookMs).as("broken off soon after the idle limit, not when the service gives up")
                .isBetween(IDLE.toMillis(), 10_000L);
    }

    @Test
    void aSlowAnswerThatKeepsComingIsCopiedWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = open("/slow")) {
            AuditTrailPage.copy(in, out, IDLE);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(12).first().isEqualTo("line 0");
    }

    @Test
    void aDownloaderWhoReadsSlowlyIsNotCutOff() throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        OutputStream slowReader = new OutputStream() {
            boolean paused;

            @Override
            public void write(int b) {
                whole.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!paused) {
                    paused = true;
                    try {
                        // the browser's download paused until the service has sent everything (12 lines a quarter
                        // second apart: longer than the idle limit)
                        slowSent.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                whole.write(b, off, len);
            }
        };
        try (InputStream in = open("/slow")) {
            AuditTrailPage.copy(in, slowReader, IDLE);
        }
        assertThat(whole.toString(StandardCharsets.UTF_8).lines()).hasSize(12);
    }
}
