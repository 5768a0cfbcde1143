package io.dossier.gateway.security;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.dossier.common.problem.Problem;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * When Keycloak cannot be reached, a browser that would start a sign-in gets a page saying so (503), instead of a
 * redirect to a login server that does not answer. Sessions already open and bearer tokens already issued are left
 * alone: they are checked against the keys the gateway already holds and keep working until they expire.
 * <p>
 * Runs before authentication, only for requests that would start or finish a code flow: a page requested without a
 * session cookie or a bearer token, or the provider's redirect back with a code. The provider is probed at most once
 * every {@value #PROBE_EVERY_MILLIS} ms, without blocking the event loop.
 */
@ApplicationScoped
public class SignInAvailability {

    static final long PROBE_EVERY_MILLIS = 5_000;
    private static final String SESSION_COOKIE = "q_session";
    /** The pages that need a signed-in user (quarkus.http.auth.permission.authenticated, without /api). */
    private static final java.util.List<String> PAGES = java.util.List.of("/search", "/documents/", "/entities/",
            "/upload", "/admin");

    private record Probe(long at, Future<Boolean> answer) {
    }

    private final URI discovery;
    private final AtomicReference<Probe> last = new AtomicReference<>();
    private WebClient client;

    public SignInAvailability(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    void register(@Observes Filters filters, Vertx vertx) {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000).setKeepAlive(false));
        // after CORS, before authentication (which would answer with the redirect to the provider)
        filters.register(this::handle, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    private void handle(RoutingContext ctx) {
        if (!startsOrFinishesSignIn(ctx)) {
            ctx.next();
            return;
        }
        // the probe is shared: its answer may arrive on another event loop than this request's
        Context context = Vertx.currentContext();
        providerAnswers().onComplete(up -> context.runOnContext(v -> {
            if (up.succeeded() && up.result()) {
                ctx.next();
            } else if (!ctx.response().closed()) {
                refuse(ctx);
            }
        }));
    }

    static boolean startsOrFinishesSignIn(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        String path = ctx.normalizedPath();
        boolean page = path.equals("/") || PAGES.stream().anyMatch(path::startsWith);
        if (!page || ctx.request().getHeader("Authorization") != null) {
            return false;
        }
        if (ctx.request().getParam("code") != null && ctx.request().getParam("state") != null) {
            return true; // back from the provider: the code is exchanged with it next
        }
        for (Cookie cookie : ctx.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the provider's discovery document answers; one probe shared by every request for a few seconds. */
    private Future<Boolean> providerAnswers() {
        long now = System.currentTimeMillis();
        Probe probe = last.get();
        if (probe != null && now - probe.at() < PROBE_EVERY_MILLIS) {
            return probe.answer();
        }
        Promise<Boolean> answer = Promise.promise();
        Probe next = new Probe(now, answer.future());
        if (!last.compareAndSet(probe, next)) {
            return last.get().answer();
        }
        client.getAbs(discovery.toString()).timeout(3_000).send().onComplete(result -> {
            boolean up = result.succeeded() && result.result().statusCode() == 200;
            if (!up) {
                Log.warnf("Identity provider unreachable (%s): sign-ins are refused until it answers",
                        result.succeeded() ? "HTTP " + result.result().statusCode() : result.cause().toString());
            }
            answer.complete(up);
        });
        return answer.future();
    }

    private static void refuse(RoutingContext ctx) {
        String detail = "Sign-in is unavailable: the identity provider cannot be reached. Sessions already open and "
                + "tokens already issued keep working until they expire. Try again in a minute.";
        String accept = ctx.request().getHeader("Accept");
        var response = ctx.response().setStatusCode(503).putHeader("Retry-After", "30")
                .putHeader("Cache-Control", "no-store");
        if (accept != null && accept.contains("text/html")) {
            response.putHeader("Content-Type", "text/html; charset=utf-8").end("""
                    <!doctype html>
                    <html lang="en"><head><meta charset="utf-8"><title>Sign-in unavailable · Dossier</title></head>
                    <body><main><h1>Sign-in is unavailable</h1>
                    <p>The identity provider cannot be reached, so no one can sign in right now.</p>
                    <p>Sessions already open and tokens already issued keep working until they expire.
                    Try again in a minute.</p></main></body></html>
                    """);
        } else {
            response.putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(Problem.of(503, detail).withInstance(ctx.normalizedPath())));
        }
    }
}
