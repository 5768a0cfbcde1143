package io.dossier.search.webhook;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.search.SearchConfig;
import io.dossier.search.watch.OwnerAccess;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers webhooks: every {@code dossier.search.webhooks.every}, each enabled webhook with queued notifications and
 * no backoff to wait out is taken under a lease (other instances skip it), its oldest queued notifications that its
 * owner may read at this moment (Keycloak's roles now) are POSTed as one signed JSON body, and the outcome is logged.
 * A 2xx takes them off the queue; anything else (an error status, no answer within the timeout, a refused address)
 * counts a failure: the next attempt waits twice as long as the last, and after {@code max-failures} in a row the
 * webhook is disabled with the reason. At least once: a crash after the receiver's answer and before the outcome is
 * stored sends the same notifications again (same ids) when the lease expires.
 */
@ApplicationScoped
public class WebhookSender {

    static final String SIGNATURE_HEADER = "X-Dossier-Signature-256";

    private final EntityManager em;
    private final OwnerAccess owners;
    private final WebhookTargets targets;
    private final WebhookDeliveryRepository deliveries;
    private final SearchConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    WebhookSender(EntityManager em, OwnerAccess owners, WebhookTargets targets, WebhookDeliveryRepository deliveries,
            SearchConfig config, ObjectMapper json) {
        this.em = em;
        this.owners = owners;
        this.targets = targets;
        this.deliveries = deliveries;
        this.config = config;
        this.json = json;
        // redirects are not followed: a receiver cannot bounce a delivery to an address the checks refuse
        this.http = HttpClient.newBuilder().connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A webhook taken for one round. */
    record Claimed(UUID id, String ownerId, String url, String secret, int failures) {
    }

    /** A queued notification, as the body carries it. */
    record Item(long id, String watchId, String watchName, String documentId, String title, String collection,
            String reason, String url, String sourceCreatedAt, String createdAt) {
    }

    /** The JSON each delivery POSTs. */
    record Payload(String deliveryId, String webhookId, String event, String sentAt, List<Item> notifications) {
    }

    /** What came of one attempt. */
    record Outcome(Claimed hook, UUID deliveryId, List<Long> sent, List<Long> dropped, Integer status, String error,
            int durationMs, boolean ownerGone, boolean ownerUnknown) {

        boolean delivered() {
            return error == null && status != null && status / 100 == 2;
        }
    }

    @Scheduled(every = "${dossier.search.webhooks.every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.webhooks().enabled()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            Log.warnf("webhooks not delivered this round: %s", e.getMessage());
        }
    }

    /** Delivers what is due now; returns how many deliveries succeeded. */
    public int deliverDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        forgetOldAttempts(now);
        Map<Claimed, List<Item>> claimed = QuarkusTransaction.requiringNew().call(() -> claim(now));
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, OwnerAccess.Access> access = new HashMap<>();
        List<CompletableFuture<Outcome>> attempts = new ArrayList<>();
        for (Map.Entry<Claimed, List<Item>> e : claimed.entrySet()) {
            OwnerAccess.Access a = access.computeIfAbsent(e.getKey().ownerId(), owners::of);
            try {
                attempts.add(attempt(e.getKey(), e.getValue(), a));
            } catch (RuntimeException failed) {
                attempts.add(CompletableFuture.completedFuture(new Outcome(e.getKey(), UUID.randomUUID(),
                        e.getValue().stream().map(Item::id).toList(), List.of(), null,
                        "the delivery failed: " + failed.getMessage(), 0, false, false)));
            }
        }
        int delivered = 0;
        for (CompletableFuture<Outcome> f : attempts) {
            Outcome o = f.join();
            try {
                QuarkusTransaction.requiringNew().run(() -> record(o, OffsetDateTime.now(ZoneOffset.UTC)));
                delivered += o.delivered() ? 1 : 0;
            } catch (RuntimeException e) {
                // a webhook deleted meanwhile (its log has nowhere to go): the others' outcomes are still kept
                Log.infof("the outcome of a delivery to webhook %s not kept: %s", o.hook().id(), e.getMessage());
            }
        }
        return delivered;
    }

    /** Takes the due webhooks under a lease (the timeout, twice over) with their oldest queued notifications. */
    private Map<Claimed, List<Item>> claim(OffsetDateTime now) {
        var w = config.webhooks();
        Timestamp lease = Timestamp.from(now.toInstant().plus(w.timeout().multipliedBy(3)));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<Claimed, List<Item>> found = new java.util.LinkedHashMap<>();
            try (PreparedStatement take = connection.prepareStatement("""
                    WITH due AS (
                        SELECT h.id FROM webhook h
                        WHERE h.disabled_at IS NULL AND h.next_attempt_at <= ?
                          AND EXISTS (SELECT 1 FROM webhook_outbox o WHERE o.webhook_id = h.id)
                        ORDER BY h.next_attempt_at LIMIT ?
                        FOR NO KEY UPDATE SKIP LOCKED)
                    UPDATE webhook h SET next_attempt_at = ? FROM due WHERE h.id = due.id
                    RETURNING h.id, h.owner_id, h.url, h.secret, h.failures""")) {
                take.setTimestamp(1, Timestamp.from(now.toInstant()));
                take.setInt(2, w.concurrency());
                take.setTimestamp(3, lease);
                try (ResultSet rs = take.executeQuery()) {
                    while (rs.next()) {
                        found.put(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5)), new ArrayList<>());
                    }
                }
            }
            String base = config.mail().publicUrl().replaceAll("/+$", "");
            try (PreparedStatement queued = connection.prepareStatement("""
                    SELECT n.id, n.watch_id, w.name, n.document_id, n.title, n.collection, n.reason,
                           n.source_created_at, n.created_at
                    FROM webhook_outbox o JOIN notification n ON n.id = o.notification_id
                         JOIN watch w ON w.id = n.watch_id
                    WHERE o.webhook_id = ? ORDER BY n.id LIMIT ?""")) {
                for (Map.Entry<Claimed, List<Item>> e : found.entrySet()) {
                    queued.setObject(1, e.getKey().id());
                    queued.setInt(2, w.batchSize());
                    try (ResultSet rs = queued.executeQuery()) {
                        while (rs.next()) {
                            String documentId = rs.getString(4);
                            e.getValue().add(new Item(rs.getLong(1), rs.getString(2), rs.getString(3), documentId,
                                    rs.getString(5), rs.getString(6), rs.getString(7),
                                    base + "/documents/" + documentId,
                                    instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))));
                        }
                    }
                }
            }
            return found;
        });
    }

    private static String instant(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }

    /** One POST of what the owner may read now; nothing is sent for an owner Keycloak has not answered for. */
    private CompletableFuture<Outcome> attempt(Claimed hook, List<Item> items, OwnerAccess.Access access) {
        UUID deliveryId = UUID.randomUUID();
        if (access.state() == OwnerAccess.Access.State.GONE) {
            return CompletableFuture.completedFuture(new Outcome(hook, deliveryId, List.of(), List.of(), null,
                    "its owner's account no longer exists or is disabled", 0, true, false));
        }
        if (access.state() == OwnerAccess.Access.State.UNKNOWN) {
            return CompletableFuture.completedFuture(
                    new Outcome(hook, deliveryId, List.of(), List.of(), null, null, 0, false, true));
        }
        List<Item> readable = new ArrayList<>();
        List<Long> dropped = new ArrayList<>();
        for (Item i : items) {
            if (access.mayRead(i.collection())) {
                readable.add(i);
            } else {
                dropped.add(i.id()); // a collection the owner may no longer read: never sent
            }
        }
        if (readable.isEmpty()) {
            return CompletableFuture.completedFuture(
                    new Outcome(hook, deliveryId, List.of(), dropped, null, null, 0, false, false));
        }
        List<Long> ids = readable.stream().map(Item::id).toList();
        long start = System.nanoTime();
        byte[] body;
        URI uri;
        try {
            body = json.writeValueAsBytes(new Payload(deliveryId.toString(), hook.id().toString(), "notifications",
                    Instant.now().toString(), readable));
            uri = targets.check(hook.url());
        } catch (WebhookTargets.Refused e) {
            return CompletableFuture.completedFuture(new Outcome(hook, deliveryId, ids, dropped, null,
                    "not sent: " + e.getMessage(), 0, false, false));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body could not be written", e);
        }
        Duration timeout = config.webhooks().timeout();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "Dossier-Webhook/1")
                .header("X-Dossier-Event", "notifications").header("X-Dossier-Delivery", deliveryId.toString())
                .header(SIGNATURE_HEADER, "sha256=" + sign(hook.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, STATUS_ONLY)
                .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    int ms = (int) ((System.nanoTime() - start) / 1_000_000);
                    if (failure != null) {
                        return new Outcome(hook, deliveryId, ids, dropped, null, describe(failure, timeout), ms, false,
                                false);
                    }
                    int status = response.statusCode();
                    String error = status / 100 == 2
                            ? null
                            : status / 100 == 3
                                    ? "the receiver answered HTTP " + status + ", a redirect: webhooks follow none, "
                                            + "give the final address"
                                    : "the receiver answered HTTP " + status;
                    return new Outcome(hook, deliveryId, ids, dropped, status, error, ms, false, false);
                });
    }

    /** The status is the answer: the body is never read (a receiver that streams one cannot hold a delivery). */
    private static final HttpResponse.BodyHandler<Void> STATUS_ONLY = info -> new HttpResponse.BodySubscriber<>() {

        @Override
        public java.util.concurrent.CompletionStage<Void> getBody() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    };

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String describe(Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "the connection was refused";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "the delivery failed: " + (message.length() > 300 ? message.substring(0, 300) : message);
    }

    /** Stores an attempt's outcome: the log, the queue, the failures and the next attempt. */
    private void record(Outcome o, OffsetDateTime now) {
        var w = config.webhooks();
        em.unwrap(Session.class).doWork(connection -> {
            List<Long> done = new ArrayList<>(o.dropped());
            if (o.delivered()) {
                done.addAll(o.sent());
            }
            if (!done.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM webhook_outbox WHERE webhook_id = ? AND notification_id = ANY(?)")) {
                    Array ids = connection.createArrayOf("bigint", done.toArray());
                    delete.setObject(1, o.hook().id());
                    delete.setArray(2, ids);
                    delete.executeUpdate();
                }
            }
            if (o.ownerUnknown()) {
                update(connection, o.hook(), o.hook().failures(), now.plus(w.backoff()), null);
                return;
            }
            if (o.ownerGone()) {
                update(connection, o.hook(), o.hook().failures(), now,
                        "Disabled: its owner's account no longer exists or is disabled in Keycloak");
                return;
            }
            if (o.sent().isEmpty()) {
                update(connection, o.hook(), o.hook().failures(), now, null); // nothing readable was queued
                return;
            }
            int attempt = o.hook().failures() + 1;
            try (PreparedStatement log = connection.prepareStatement("""
                    INSERT INTO webhook_delivery (id, webhook_id, attempted_at, duration_ms, notifications, outcome,
                                                  http_status, error, attempt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                log.setObject(1, o.deliveryId());
                log.setObject(2, o.hook().id());
                log.setTimestamp(3, Timestamp.from(now.toInstant()));
                log.setInt(4, o.durationMs());
                log.setInt(5, o.sent().size());
                log.setString(6, o.delivered() ? "delivered" : "failed");
                log.setObject(7, o.status());
                log.setString(8, o.error());
                log.setInt(9, attempt);
                log.executeUpdate();
            }
            if (o.delivered()) {
                update(connection, o.hook(), 0, now, null);
                return;
            }
            int failures = o.hook().failures() + 1;
            String disabled = failures >= w.maxFailures()
                    ? "Disabled after " + failures + " failed deliveries in a row; the last: " + o.error()
                    : null;
            if (disabled != null) {
                Log.infof("webhook %s disabled: %s", o.hook().id(), disabled);
            }
            update(connection, o.hook(), failures, now.plus(backoff(failures)), disabled);
        });
    }

    /** The wait after the n-th failure in a row: the base, doubled each time, at most the maximum. */
    Duration backoff(int failures) {
        var w = config.webhooks();
        Duration wait = w.backoff().multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(w.maxBackoff()) > 0 ? w.maxBackoff() : wait;
    }

    /** The webhook's bookkeeping after an attempt, unless its address was changed meanwhile (a new start, then). */
    private static void update(java.sql.Connection connection, Claimed hook, int failures, OffsetDateTime next,
            String disabledReason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE webhook SET failures = ?, next_attempt_at = ?,
                       disabled_at = CASE WHEN ?::text IS NULL THEN disabled_at ELSE now() END,
                       disabled_reason = coalesce(?, disabled_reason)
                WHERE id = ? AND url = ?""")) {
            update.setInt(1, failures);
            update.setTimestamp(2, Timestamp.from(next.toInstant()));
            update.setString(3, disabledReason);
            update.setString(4, disabledReason);
            update.setObject(5, hook.id());
            update.setString(6, hook.url());
            update.executeUpdate();
        }
    }

    private void forgetOldAttempts(OffsetDateTime now) {
        QuarkusTransaction.requiringNew()
                .run(() -> deliveries.forget(now.minus(config.webhooks().logRetention())));
    }
}
