package io.dossier.search.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.watch.WatchEvaluator;
import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Webhooks against a real receiver on this machine: signed deliveries of what the owner may read, each notification
 * once, the log, retries with backoff until the webhook is disabled with the reason, a receiver that hangs cut off,
 * and the addresses a webhook may not call. Test settings: timeout 1 s, backoff 50 ms, disabled after 3 failures.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class WebhookTest {

    /** What the receiver got: its headers of interest and its body. */
    record Received(String signature, String delivery, String event, byte[] body) {
    }

    @Inject
    WatchEvaluator evaluator;
    @Inject
    WebhookSender sender;

    HttpServer receiver;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    volatile int answer = 204;
    /** Set: the receiver holds each request until it is released (a receiver that hangs). */
    volatile CountDownLatch hang;
    String marker;

    @BeforeEach
    void start() throws IOException {
        marker = "w" + UUID.randomUUID().toString().replace("-", "");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Dossier-Signature-256"),
                    exchange.getRequestHeaders().getFirst("X-Dossier-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Dossier-Event"), body));
            CountDownLatch holding = hang;
            if (holding != null) {
                try {
                    holding.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        // every user starts without webhooks or watches
        for (String user : List.of(Tokens.ANALYST, Tokens.READER)) {
            for (String id : as(user).get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath()
                    .<String>getList("id")) {
                as(user).delete("/api/v1/webhooks/" + id).then().statusCode(204);
            }
            for (String id : as(user).get("/api/v1/watches").then().statusCode(200).extract().jsonPath()
                    .<String>getList("id")) {
                as(user).delete("/api/v1/watches/" + id).then().statusCode(204);
            }
        }
    }

    @AfterEach
    void stop() {
        if (hang != null) {
            hang.countDown();
        }
        receiver.stop(0);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).log().ifValidationFails();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private String webhook(String user, Map<String, Object> body) {
        return as(user).contentType("application/json").body(body).post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/")).extract().path("id");
    }

    private String watch(String user, String query) {
        return as(user).contentType("application/json").body(Map.of("name", "Hooked " + marker, "query", query))
                .post("/api/v1/watches").then().statusCode(201).extract().path("id");
    }

    private static IndexedDocument document(String collection, String title, String text) {
        return IndexedDocument.of(UUID.randomUUID().toString(), collection, title, List.of(), text, null, null, null,
                "en", List.of(), "2025-03-15T10:00:00Z", List.of(), 0);
    }

    private JsonPath hook(String user, String id) {
        return as(user).get("/api/v1/webhooks/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDeliveryIsSignedCarriesWhatTheOwnerMayReadAndEachNotificationOnce() throws Exception {
        String secret = "s3cret-" + marker;
        watch(Tokens.ANALYST, "convoy " + marker);
        String id = webhook(Tokens.ANALYST, Map.of("url", url(), "secret", secret));
        IndexedDocument open = document("open", "Convoy seen " + marker, "A convoy crossed. " + marker);
        IndexedDocument hidden = document("restricted", "Secret convoy " + marker, "A convoy. " + marker);
        evaluator.indexed(List.of(open, hidden), List.of());
        evaluator.indexed(List.of(open), List.of()); // a replay: no second notification, no second delivery
        assertThat(hook(Tokens.ANALYST, id).getInt("pending")).isEqualTo(2);

        assertThat(sender.deliverDue()).isEqualTo(1);
        Received r = received.poll(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        // the receiver checks the signature with the secret it shares: HMAC-SHA256 of the body, in hex
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(r.signature()).isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(r.body())));
        assertThat(r.event()).isEqualTo("notifications");
        JsonPath body = new JsonPath(new String(r.body(), StandardCharsets.UTF_8));
        assertThat(body.getString("deliveryId")).isEqualTo(r.delivery());
        assertThat(body.getString("webhookId")).isEqualTo(id);
        // the analyst may not read the restricted collection: its document is not sent, and not queued any more
        assertThat(body.<String>getList("notifications.documentId")).containsExactly(open.id());
        assertThat(body.getString("notifications[0].title")).isEqualTo("Convoy seen " + marker);
        assertThat(body.getString("notifications[0].url")).endsWith("/documents/" + open.id());
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(hidden.id())
                .doesNotContain("Secret convoy");
        assertThat(hook(Tokens.ANALYST, id).getInt("pending")).isZero();

        // nothing queued: nothing sent
        assertThat(sender.deliverDue()).isZero();
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        JsonPath log = as(Tokens.ANALYST).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        assertThat(log.<String>getList("items.outcome")).containsExactly("delivered");
        assertThat(log.getInt("items[0].httpStatus")).isEqualTo(204);
        assertThat(log.getInt("items[0].notifications")).isEqualTo(1);
        assertThat(log.getString("items[0].id")).isEqualTo(r.delivery());
        // the secret never comes back
        assertThat(as(Tokens.ANALYST).get("/api/v1/webhooks/" + id).asString()).doesNotContain(secret);
        // another user sees neither the webhook nor its log
        as(Tokens.READER).get("/api/v1/webhooks/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.READER).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
    }

    @Test
    void failedDeliveriesAreRetriedWithBackoffThenTheWebhookIsDisabledWithTheReason() throws Exception {
        answer = 500;
        watch(Tokens.ANALYST, "checkpoint " + marker);
        String id = webhook(Tokens.ANALYST, Map.of("url", url(), "secret", "another-secret-" + marker));
        evaluator.indexed(List.of(document("open", "Checkpoint " + marker, "checkpoint " + marker)), List.of());

        assertThat(sender.deliverDue()).isZero();
        JsonPath first = hook(Tokens.ANALYST, id);
        assertThat(first.getInt("failures")).isEqualTo(1);
        assertThat(first.getString("nextAttemptAt")).isNotNull();
        assertThat(received).hasSize(1);
        // each round tries once its backoff is over, until the third failure disables it
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            sender.deliverDue();
            return !hook(Tokens.ANALYST, id).getBoolean("enabled");
        });
        JsonPath disabled = hook(Tokens.ANALYST, id);
        assertThat(disabled.getBoolean("enabled")).isFalse();
        assertThat(disabled.getString("disabledReason"))
                .isEqualTo("Disabled after 3 failed deliveries in a row; the last: the receiver answered HTTP 500");
        assertThat(received).hasSize(3);
        JsonPath log = as(Tokens.ANALYST).get("/api/v1/webhooks/" + id + "/deliveries?size=2").then()
                .statusCode(200).extract().jsonPath();
        assertThat(log.<Integer>getList("items.attempt")).containsExactly(3, 2);
        assertThat(log.<String>getList("items.outcome")).containsOnly("failed");
        String next = log.getString("next");
        JsonPath older = as(Tokens.ANALYST).queryParam("cursor", next).get("/api/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(older.<Integer>getList("items.attempt")).containsExactly(1);
        assertThat(older.getString("next")).isNull();
        // the waits double: at least 50 ms after the first failure, at least 100 ms after the second
        Instant[] at = {Instant.parse(older.getString("items[0].attemptedAt")),
                Instant.parse(log.getString("items[1].attemptedAt")),
                Instant.parse(log.getString("items[0].attemptedAt"))};
        assertThat(Duration.between(at[0], at[1]).toMillis()).isGreaterThanOrEqualTo(50);
        assertThat(Duration.between(at[1], at[2]).toMillis()).isGreaterThanOrEqualTo(100);
        as(Tokens.ANALYST).queryParam("cursor", "not-a-cursor").get("/api/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(400).contentType("application/problem+json");
        // disabled: nothing is tried, even once its backoff is over
        Instant due = Instant.parse(disabled.getString("nextAttemptAt"));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(due));
        assertThat(sender.deliverDue()).isZero();
        assertThat(received).hasSize(3);

        // enabled again by its owner, with the receiver mended: what was queued goes out
        answer = 200;
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("enabled", true))
                .patch("/api/v1/webhooks/" + id).then().statusCode(200).body("enabled", equalTo(true))
                .body("failures", equalTo(0));
        assertThat(sender.deliverDue()).isEqualTo(1);
        assertThat(hook(Tokens.ANALYST, id).getInt("pending")).isZero();
    }

    @Test
    void aReceiverThatHangsIsCutOffAndRetriedLater() throws Exception {
        hang = new CountDownLatch(1);
        watch(Tokens.ANALYST, "drone " + marker);
        String id = webhook(Tokens.ANALYST, Map.of("url", url(), "secret", "hanging-secret-" + marker));
        evaluator.indexed(List.of(document("open", "Drone " + marker, "drone " + marker)), List.of());
        assertThat(sender.deliverDue()).isZero();
        JsonPath log = as(Tokens.ANALYST).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        assertThat(log.getString("items[0].error")).isEqualTo("no answer within 1 s");
        assertThat(hook(Tokens.ANALYST, id).getInt("pending")).isEqualTo(1);
        // the receiver mended: the next round after the backoff delivers it
        hang.countDown();
        hang = null;
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> sender.deliverDue() == 1);
    }

    @Test
    void aWebhookForOneWatchGetsOnlyThatWatchsNotifications() throws Exception {
        String one = watch(Tokens.ANALYST, "tanker " + marker);
        watch(Tokens.ANALYST, "pipeline " + marker);
        webhook(Tokens.ANALYST, Map.of("url", url(), "secret", "one-watch-secret-" + marker, "watchId", one));
        evaluator.indexed(List.of(document("open", "Tanker " + marker, "tanker " + marker),
                document("open", "Pipeline " + marker, "pipeline " + marker)), List.of());
        assertThat(sender.deliverDue()).isEqualTo(1);
        JsonPath body = new JsonPath(new String(received.poll(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8));
        assertThat(body.<String>getList("notifications.title")).containsExactly("Tanker " + marker);
        assertThat(body.<String>getList("notifications.watchId")).containsExactly(one);
        // a watch of another user's may not be named
        String readers = watch(Tokens.READER, "tanker " + marker);
        as(Tokens.ANALYST).contentType("application/json")
                .body(Map.of("url", url(), "secret", "one-watch-secret-" + marker, "watchId", readers))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void urlsAndSecretsAreChecked() {
        String secret = "a-long-enough-secret";
        Map<String, String> refused = Map.of(
                "ftp://example.org/hook", "must be an http or https URL",
                "http://169.254.169.254/latest/meta-data/", "link-local or cloud metadata",
                "http://metadata.google.internal/computeMetadata/v1/", "cloud instance metadata",
                "http://localhost:9/api/v1/sources", "one of Dossier's own services (the",
                "http://127.0.0.1:" + LocalStack.ELASTICSEARCH_PORT + "/_search",
                "one of Dossier's own services (Elasticsearch)",
                LocalStack.KEYCLOAK + "/admin", "one of Dossier's own services (Keycloak)",
                "http://0.0.0.0:7000/", "not an address a webhook can be sent to",
                "http://user:pw@example.org/hook", "no user name or password",
                "not a url at all", "not a URL",
                "http://no-such-host.invalid/hook", "is not known");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            as(Tokens.ANALYST).contentType("application/json").body(Map.of("url", e.getKey(), "secret", secret))
                    .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                    .body(containsString(e.getValue()));
        }
        as(Tokens.ANALYST).contentType("application/json")
                .body(Map.of("url", "http://example.org:99999/hook", "secret", secret)).post("/api/v1/webhooks")
                .then().statusCode(400).body(containsString("the port must be between 1 and 65535"));
        // the host is kept as it was checked: lower case, without a final dot
        assertThat(as(Tokens.ANALYST).contentType("application/json")
                .body(Map.of("url", "http://LOCALHOST.:" + receiver.getAddress().getPort() + "/Hook?a=%26", "secret",
                        secret))
                .post("/api/v1/webhooks").then().statusCode(201).extract().<String>path("url"))
                .isEqualTo("http://localhost:" + receiver.getAddress().getPort() + "/Hook?a=%26");
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("url", url(), "secret", "short"))
                .post("/api/v1/webhooks").then().statusCode(400).body(containsString("at least 16 characters"));
        as(Tokens.ANALYST).contentType("application/json").body("{}").post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
        // at most 20 a user: the 21st is refused with the limit
        for (int i = 1; i < 20; i++) {
            webhook(Tokens.ANALYST, Map.of("url", url() + "/" + i, "secret", secret));
        }
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("url", url(), "secret", secret))
                .post("/api/v1/webhooks").then().statusCode(409).contentType("application/problem+json")
                .body(containsString("20 webhooks"));
        // only administrators list everyone's
        as(Tokens.ANALYST).get("/api/v1/webhooks?all=true").then().statusCode(403);
        assertThat(as(Tokens.ADMIN).get("/api/v1/webhooks?all=true").then().statusCode(200).extract().jsonPath()
                .<String>getList("owner")).contains(Tokens.ANALYST);
    }
}
