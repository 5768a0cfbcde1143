package io.dossier.common.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.problem.Problem;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} on the POSTs marked {@link Idempotent} (draft-ietf-httpapi-idempotency-key-header): the first
 * request with a key is carried out and its answer kept for a day, keyed by caller and key; the same key with the same
 * request answers that again (header {@code Idempotent-Replayed: true}); with a different request, 422; while the
 * first is still being carried out, 409. An answer that is not a success is not kept, so the caller may correct the
 * request and send it again under the same key. Kept in PostgreSQL, so it holds across restarts and replicas.
 */
@Provider
@Idempotent
@Priority(Priorities.AUTHORIZATION + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final int MAX_KEY = 255;
    /** Printable ASCII, as a header value can carry it; the draft recommends a UUID. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e][\\x20-\\x7e]{0,254}");
    private static final String PROPERTY = IdempotencyFilter.class.getName();
    /** A first request that has not finished in this time is taken as lost (its service stopped): the key is free. */
    static final long ABANDONED_SECONDS = 120;
    static final long KEPT_HOURS = 24;
    private static final long PRUNE_EVERY_MILLIS = 10 * 60 * 1000;

    private final Instance<DataSource> dataSource;
    private final Instance<ObjectMapper> json;
    private final SecurityIdentity identity;
    private final AtomicLong lastPrune = new AtomicLong();

    public IdempotencyFilter(Instance<DataSource> dataSource, Instance<ObjectMapper> json, SecurityIdentity identity) {
        this.dataSource = dataSource;
        this.json = json;
        this.identity = identity;
    }

    /** This request's hold on its key: {@code token} tells it from a later request that took a lost claim over. */
    record Claim(String caller, String key, String token) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(Idempotent.HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || identity.isAnonymous()) {
            return;
        }
        if (!KEY.matcher(key).matches()) {
            request.abortWith(Problem.of(400, "Idempotency-Key must be 1 to " + MAX_KEY + " printable ASCII "
                    + "characters; a UUID is best").toResponse());
            return;
        }
        byte[] body = request.getEntityStream() == null ? new byte[0] : request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String caller = identity.getPrincipal().getName();
        String path = request.getUriInfo().getPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String hash = hash(query == null ? path : path + "?" + query, body);
        String token = java.util.UUID.randomUUID().toString();
        try (Connection c = dataSource.get().getConnection()) {
            prune(c);
            Response answer = claim(c, caller, key, path, hash, token);
            if (answer != null) {
                request.abortWith(answer);
            } else {
                request.setProperty(PROPERTY, new Claim(caller, key, token));
            }
        } catch (SQLException e) {
            Log.warnf("Idempotency-Key not applied, the database did not answer: %s", e.getMessage());
            request.abortWith(Problem.of(503, "The service cannot check the Idempotency-Key now; try again shortly")
                    .toResponse());
        }
    }

    /** Null when this request is the first with its key (and now holds it); otherwise the answer to give. */
    private Response claim(Connection c, String caller, String key, String path, String hash, String token)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into idempotency_keys (caller, idem_key, path, "
                + "request_hash, token) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, path);
            insert.setString(4, hash);
            insert.setString(5, token);
            if (insert.executeUpdate() == 1) {
                return null;
            }
        }
        try (PreparedStatement select = c.prepareStatement("select request_hash, status, content_type, location, "
                + "etag, body, extract(epoch from now() - created_at) from idempotency_keys where caller = ? and "
                + "idem_key = ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) { // dropped meanwhile (a failed first request): this one may go on
                    return claim(c, caller, key, path, hash, token);
                }
                if (!row.getString(1).equals(hash)) {
                    return Problem.of(422, "This Idempotency-Key was used for a different request; use a new key "
                            + "for a new request").toResponse();
                }
                int status = row.getInt(2);
                if (row.wasNull()) {
                    if (row.getDouble(7) > ABANDONED_SECONDS && takeOver(c, caller, key, token)) {
                        return null;
                    }
                    return Response.fromResponse(Problem.of(409, "A request with this Idempotency-Key is still being "
                            + "carried out; ask again in a moment").toResponse()).header(HttpHeaders.RETRY_AFTER, "1")
                            .build();
                }
                Response.ResponseBuilder replay = Response.status(status).header(Idempotent.REPLAYED, "true");
                if (row.getString(4) != null) {
                    replay.header(HttpHeaders.LOCATION, row.getString(4));
                }
                if (row.getString(5) != null) {
                    replay.header(HttpHeaders.ETAG, row.getString(5));
                }
                byte[] body = row.getBytes(6);
                if (body != null && body.length > 0) {
                    replay.entity(body).type(row.getString(3));
                }
                return replay.build();
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PROPERTY) instanceof Claim claim)) {
            return;
        }
        try (Connection c = dataSource.get().getConnection()) {
            if (response.getStatus() / 100 != 2) {
                release(c, claim);
                return;
            }
            try (PreparedStatement update = c.prepareStatement("update idempotency_keys set status = ?, "
                    + "content_type = ?, location = ?, etag = ?, body = ? where caller = ? and idem_key = ? and "
                    + "token = ?")) {
                update.setInt(1, response.getStatus());
                MediaType type = response.getMediaType();
                update.setString(2, type == null ? MediaType.APPLICATION_JSON : type.toString());
                update.setString(3, response.getHeaderString(HttpHeaders.LOCATION));
                update.setString(4, response.getHeaderString(HttpHeaders.ETAG));
                update.setBytes(5, body(response.getEntity()));
                update.setString(6, claim.caller());
                update.setString(7, claim.key());
                update.setString(8, claim.token());
                update.executeUpdate();
            }
        } catch (SQLException | IOException e) {
            // the answer still goes out; a repeat of this key then waits until the claim is taken as lost
            Log.warnf("the answer to Idempotency-Key %s was not kept: %s", claim.key(), e.getMessage());
        }
    }

    private byte[] body(Object entity) throws IOException {
        if (entity == null) {
            return null;
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.get().writeValueAsBytes(entity);
    }

    /** Frees this request's claim, unless a later request has taken it over. */
    private static void release(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from idempotency_keys where caller = ? and "
                + "idem_key = ? and token = ? and status is null")) {
            delete.setString(1, claim.caller());
            delete.setString(2, claim.key());
            delete.setString(3, claim.token());
            delete.executeUpdate();
        }
    }

    /** Takes over a claim its request lost (still unanswered after a while), in one step: one request wins. */
    private static boolean takeOver(Connection c, String caller, String key, String token) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update idempotency_keys set token = ?, created_at = now() "
                + "where caller = ? and idem_key = ? and status is null and created_at < now() - make_interval(secs "
                + "=> ?)")) {
            update.setString(1, token);
            update.setString(2, caller);
            update.setString(3, key);
            update.setDouble(4, ABANDONED_SECONDS);
            return update.executeUpdate() == 1;
        }
    }

    /** Keys are kept a day; the expired ones go at most every ten minutes, by whichever request comes. */
    private void prune(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        long last = lastPrune.get();
        if (now - last < PRUNE_EVERY_MILLIS || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("delete from idempotency_keys where created_at < now() - "
                + "make_interval(hours => ?)")) {
            delete.setInt(1, (int) KEPT_HOURS);
            delete.executeUpdate();
        }
    }

    static String hash(String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
