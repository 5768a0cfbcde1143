package io.dossier.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * One refresh per session: when the tokens of a browser session are about to expire or have expired, the requests of
 * that session go through authentication one at a time, so that a single request (the holder) refreshes the tokens
 * with the refresh token and the others carry on with the refreshed tokens, each on its own Vert.x context.
 * <p>
 * Why the gateway does it: quarkus-oidc 3.34 shares one refresh call between the requests of a session that arrive
 * while it is running, but hands its result to all of them on the first request's Vert.x context, so the others run
 * the rest of their request in a request context that is not theirs and that ends with the first request (500s:
 * {@code ContextNotActiveException} in pages, templates, REST clients and the API entry). A request that arrives just
 * after the call would refresh again.
 * <p>
 * How: {@link SessionTokens} asks {@link #tokensFor} for the tokens of every session request. Fresh tokens pass at
 * once. Tokens that expire within {@value #WINDOW_SECONDS} s (plus quarkus-oidc's refresh-token-time-skew, if set: the
 * window starts before quarkus-oidc would refresh, so no request can start a refresh outside it) wait for their turn,
 * keyed by the session's refresh token. The holder's turn ends when its authentication produces an identity
 * ({@link #augment}): if it refreshed, every waiter gets the new tokens (and so do later requests that still carry the
 * old session cookie, until those tokens expire); if not, the next waiter holds the turn. If the holder's request ends
 * without an identity while its tokens had expired, its refresh failed (the provider ended the session, or cannot be
 * reached) and the waiters are sent to sign in too, as are, for {@value #FAILED_SECONDS} s, the requests of that
 * session still under way. Nothing here blocks: waiting is a {@link Uni} that completes on the waiter's own context.
 */
@ApplicationScoped
public class SessionRefreshes implements SecurityIdentityAugmentor {

    /** How long before quarkus-oidc would refresh them a session's requests start going through one at a time. */
    static final long WINDOW_SECONDS = 5;
    /** Sessions whose refreshed tokens are kept for the requests that still carry the previous cookie. */
    static final int MAX_REFRESHED = 10_000;
    /**
     * How long a failed refresh answers for its session: the requests still in flight with the session cookie are
     * sent to sign in without asking the provider again (the failed answer already removed the cookie).
     */
    static final long FAILED_SECONDS = 30;
    private static final String HOLDER = SessionRefreshes.class.getName() + ".holder";
    /** Where quarkus-oidc keeps the tokens a code flow request is authenticated with (the new ones after a refresh). */
    private static final String REQUEST_TOKENS = AuthorizationCodeTokens.class.getName();

    /** A request of the session that waits for its turn, or holds it. */
    private record Waiter(RoutingContext request, Context context, AuthorizationCodeTokens tokens,
            UniEmitter<? super AuthorizationCodeTokens> emitter) {

        Waiter with(AuthorizationCodeTokens newer) {
            return new Waiter(request, context, newer, emitter);
        }
    }

    private record Holder(String key, AuthorizationCodeTokens tokens) {
    }

    private record Refreshed(AuthorizationCodeTokens tokens, long expiresAt) {
    }

    /** The tokens a refresh produced, by the key of the refresh token it used. */
    private final Map<String, Refreshed> refreshed = new ConcurrentHashMap<>();
    /** Until when the sessions whose refresh failed are sent to sign in, by key. */
    private final Map<String, Long> failed = new ConcurrentHashMap<>();
    /** The sessions whose turn is held, by key, with the requests waiting for it; guarded by itself. */
    private final Map<String, Deque<Waiter>> turns = new HashMap<>();
    /** Seconds before the tokens' expiry that the requests of a session start taking turns. */
    private final long window;
    /** Seconds after their expiry that quarkus-oidc still accepts tokens. */
    private final long grace;

    public SessionRefreshes(
            @ConfigProperty(name = "quarkus.oidc.token.refresh-token-time-skew") Optional<Duration> refreshSkew,
            @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace") OptionalInt lifespanGrace) {
        this.window = WINDOW_SECONDS + refreshSkew.map(Duration::toSeconds).orElse(0L);
        this.grace = lifespanGrace.orElse(0);
    }

    /** The tokens this session request is authenticated with: the stored ones, newer ones, or after its turn. */
    Uni<AuthorizationCodeTokens> tokensFor(RoutingContext request, AuthorizationCodeTokens stored) {
        AuthorizationCodeTokens tokens = latest(stored);
        if (tokens.getRefreshToken() == null || !expiringSoon(tokens) || request.get(HOLDER) != null) {
            return Uni.createFrom().item(tokens);
        }
        return Uni.createFrom().emitter(emitter -> join(new Waiter(request, Vertx.currentContext(), stored, emitter)));
    }

    /** Runs on the waiter's own context: answers with fresh tokens, or takes the turn, or waits for it. */
    private void join(Waiter waiter) {
        AuthorizationCodeTokens tokens;
        String key = null;
        boolean holds = false;
        boolean refused = false;
        synchronized (turns) {
            tokens = latest(waiter.tokens());
            if (expiringSoon(tokens)) {
                key = key(tokens.getRefreshToken());
                Deque<Waiter> queue = turns.get(key);
                Long failedUntil = failed.get(key);
                if (failedUntil != null && failedUntil >= now() && expired(tokens)) {
                    refused = true;
                } else if (queue == null) {
                    turns.put(key, new ArrayDeque<>());
                    holds = true;
                } else {
                    queue.add(waiter.with(tokens));
                }
            }
        }
        if (key == null) {
            waiter.emitter().complete(tokens);
        } else if (refused) {
            waiter.emitter().fail(notRefreshed());
        } else if (holds) {
            hold(key, waiter.with(tokens));
        }
    }

    /** Runs on the holder's own context: its authentication goes on, and the turn ends with it. */
    private void hold(String key, Waiter holder) {
        RoutingContext request = holder.request();
        request.put(HOLDER, new Holder(key, holder.tokens()));
        request.addEndHandler(end -> ended(request, end.succeeded()));
        holder.emitter().complete(holder.tokens());
    }

    /** The holder's authentication produced an identity: with the tokens it refreshed, or with the ones it had. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        Holder holder = request == null ? null : request.remove(HOLDER);
        if (holder != null) {
            AuthorizationCodeTokens used = request.get(REQUEST_TOKENS);
            if (used != null && used.getRefreshToken() != null
                    && !Objects.equals(used.getIdToken(), holder.tokens().getIdToken())) {
                refreshedWith(holder.key(), used);
            } else {
                next(holder.key());
            }
        }
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    /** The holder's request ended before its authentication produced an identity. */
    private void ended(RoutingContext request, boolean answered) {
        Holder holder = request.remove(HOLDER);
        if (holder == null) {
            return;
        }
        if (answered && expired(holder.tokens())) {
            // quarkus-oidc tried the refresh (refresh-expired) and it failed: the same session cannot do better
            Log.debugf("Session refresh failed: %s waiting request(s) sent to sign in", waiting(holder.key()));
            failAll(holder.key());
        } else {
            next(holder.key());
        }
    }

    private void refreshedWith(String key, AuthorizationCodeTokens tokens) {
        long now = now();
        List<Waiter> waiters;
        synchronized (turns) {
            refreshed.values().removeIf(r -> r.expiresAt() < now);
            if (refreshed.size() < MAX_REFRESHED) {
                refreshed.put(key, new Refreshed(tokens, expiry(tokens)));
            }
            Deque<Waiter> queue = turns.remove(key);
            waiters = queue == null ? List.of() : List.copyOf(queue);
        }
        Log.debugf("Session refreshed once for %d waiting request(s)", waiters.size());
        for (Waiter waiter : waiters) {
            onItsContext(waiter, () -> join(waiter.with(tokens)));
        }
    }

    private void next(String key) {
        Waiter next;
        synchronized (turns) {
            Deque<Waiter> queue = turns.get(key);
            next = queue == null ? null : queue.poll();
            if (queue != null && next == null) {
                turns.remove(key);
            }
        }
        if (next != null) {
            onItsContext(next, () -> hold(key, next));
        }
    }

    private void failAll(String key) {
        long now = now();
        Deque<Waiter> queue;
        synchronized (turns) {
            failed.values().removeIf(until -> until < now);
            if (failed.size() < MAX_REFRESHED) {
                failed.put(key, now + FAILED_SECONDS);
            }
            queue = turns.remove(key);
        }
        if (queue != null) {
            for (Waiter waiter : queue) {
                onItsContext(waiter, () -> waiter.emitter().fail(notRefreshed()));
            }
        }
    }

    private static AuthenticationFailedException notRefreshed() {
        return new AuthenticationFailedException("The session could not be refreshed");
    }

    private int waiting(String key) {
        synchronized (turns) {
            Deque<Waiter> queue = turns.get(key);
            return queue == null ? 0 : queue.size();
        }
    }

    /** Each request goes on in its own context (its request scope lives there), never in the holder's. */
    private static void onItsContext(Waiter waiter, Runnable action) {
        Context context = waiter.context();
        if (context == null || context == Vertx.currentContext()) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /** The newest tokens of the session that these tokens started: a refresh may have replaced them already. */
    private AuthorizationCodeTokens latest(AuthorizationCodeTokens tokens) {
        AuthorizationCodeTokens current = tokens;
        for (int hops = 0; hops < 16 && current.getRefreshToken() != null; hops++) {
            Refreshed newer = refreshed.get(key(current.getRefreshToken()));
            if (newer == null || newer.expiresAt() < now()) {
                break;
            }
            current = newer.tokens();
        }
        return current;
    }

    private boolean expiringSoon(AuthorizationCodeTokens tokens) {
        return now() + window >= expiry(tokens);
    }

    /** Expired as quarkus-oidc sees it. */
    private boolean expired(AuthorizationCodeTokens tokens) {
        return now() > expiry(tokens) + grace;
    }

    /** When the first of the ID and access tokens expires (both are verified: roles come from the access token). */
    static long expiry(AuthorizationCodeTokens tokens) {
        return Math.min(exp(tokens.getIdToken()), exp(tokens.getAccessToken()));
    }

    /** A JWT's {@code exp}; the session cookie is encrypted and authenticated, so its tokens are read, not verified. */
    static long exp(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return Long.MAX_VALUE;
        }
        try {
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Long exp = new JsonObject(claims).getLong("exp");
            return exp == null ? Long.MAX_VALUE : exp;
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** The refresh token identifies the session; only its digest is kept as a key. */
    private static String key(String refreshToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
