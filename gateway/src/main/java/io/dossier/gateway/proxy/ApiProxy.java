package io.dossier.gateway.proxy;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.problem.Problem;
import io.dossier.gateway.GatewayConfig;
import io.dossier.gateway.security.Csrf;
import io.dossier.gateway.security.RateLimiter;
import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards {@code /api/v1/**} to the service that owns the path, with the caller's own access token (from the
 * browser session or the bearer header), so every service checks the caller's roles itself.
 * <p>
 * Bodies are streamed both ways, never held: an upload of 50 MiB goes on to the sources service as it arrives and an
 * export comes back as the service writes it, so the gateway's memory does not grow with what passes through. That
 * is why this is a route of the HTTP server rather than a REST resource, which would read each body whole first. It
 * runs after authentication and the {@code /api/*} permission (the security filters come first), so the caller is
 * known here.
 */
@ApplicationScoped
public class ApiProxy {

    static final String API_PREFIX = "/api/v1/";
    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> REQUEST_HEADERS = Set.of("accept", "accept-language", "content-type", "if-match",
            "if-none-match", "content-disposition", "idempotency-key", "content-length");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "proxy-authorization");

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-fA-F-]{16,}|\\d+");

    private final HttpClient client;
    /** The gateway's limit for a request body (quarkus.http.limits.max-body-size). */
    private final long maxBody;
    private final GatewayConfig config;
    private final RateLimiter limiter;
    private final Csrf csrf;
    private final ObjectMapper json;
    /** The gateway's public address without a trailing slash, its scheme and its host[:port]. */
    private final String publicUrl;
    private final String publicScheme;
    private final String publicAuthority;

    public ApiProxy(Vertx vertx, GatewayConfig config, RateLimiter limiter, Csrf csrf, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.maxBody = maxBody.asLongValue();
        this.config = config;
        this.limiter = limiter;
        this.csrf = csrf;
        this.json = json;
        if (config.publicUrl().getScheme() == null || config.publicUrl().getRawAuthority() == null) {
            throw new IllegalStateException("dossier.gateway.public-url (DOSSIER_PUBLIC_URL) must be an absolute "
                    + "address such as https://dossier.example.org, not " + config.publicUrl());
        }
        String url = config.publicUrl().toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.publicScheme = config.publicUrl().getScheme();
        this.publicAuthority = config.publicUrl().getRawAuthority();
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setKeepAlive(true)
                .setTryUseCompression(false), new PoolOptions().setHttp1MaxSize(64));
    }

    /** Mounted after the security filters and before the REST resources (which have nothing under /api/v1). */
    void register(@Observes Router router) {
        router.route(API_PREFIX + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::forward);
    }

    void forward(RoutingContext context) {
        HttpServerRequest in = context.request();
        if (!(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            // the /api/* permission refuses anonymous calls before this; never forward one that slipped through
            answer(context, Problem.of(401, "Sign in, or send a valid bearer token"));
            return;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        RateLimiter.Quota quota = limiter.take(identity.getPrincipal().getName());
        if (quota != null) {
            quota.headers(context.response()::putHeader);
            if (!quota.allowed()) {
                answer(context, limiter.refusal(quota));
                return;
            }
        }
        boolean session = in.getHeader(HttpHeaders.AUTHORIZATION) == null;
        boolean safe = in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD;
        if (session && !safe && !csrfValid(identity, in)) {
            // a browser session may change things only from our own pages, which send their CSRF token
            answer(context, Problem.of(403, "A change through the browser session needs the page's X-CSRF-Token "
                    + "header"));
            return;
        }
        if (!METHODS.contains(in.method())) {
            context.response().putHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE");
            answer(context, Problem.of(405, "The API takes GET, HEAD, POST, PUT, PATCH and DELETE"));
            return;
        }
        String path = in.path(); // the path alone, also when the request line held an absolute URI
        if (path == null || !path.startsWith(API_PREFIX) || path.contains("/../") || path.contains("/./")
                || path.endsWith("/..") || path.contains("%2e") || path.contains("%2E")) {
            answer(context, Problem.of(400, "Not a valid API path"));
            return;
        }
        String segment = path.substring(API_PREFIX.length()).split("/", 2)[0];
        String base = config.routes().get(segment);
        if (base == null) {
            answer(context, Problem.of(404, "No API at " + API_PREFIX + segment));
            return;
        }
        // the request's metrics are tagged with the path's shape, not with each document's id (a refusal, 4xx, is
        // tagged by its status alone: quarkus.micrometer.binder.http-server.suppress4xx-errors)
        io.vertx.core.Vertx.currentContext().putLocal("UrlPathTemplate", template(path));
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(in.method())
                    .setAbsoluteURI(base + path + (in.query() == null ? "" : "?" + in.query()));
        } catch (RuntimeException e) {
            answer(context, Problem.of(400, "Not a valid API request"));
            return;
        }
        in.headers().forEach(h -> {
            if (REQUEST_HEADERS.contains(h.getKey().toLowerCase())) {
                options.addHeader(h.getKey(), h.getValue());
            }
        });
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
        // the public address, never the request's Host: a forged Host header must not reach what services answer
        options.putHeader("X-Forwarded-Host", publicAuthority);
        options.putHeader("X-Forwarded-Proto", publicScheme);
        // the request's trace goes on to the service (traceparent, tracestate) from the client span that Quarkus's
        // Vert.x tracing opens for this call, so the service's spans are children of the call, not of the request
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        // HTTP/1.1: a body comes with a length or chunked, and a request with neither has none (a DELETE);
        // HTTP/2: data frames may follow the headers with neither
        boolean body = !safe && (length != null
                ? !length.strip().equals("0")
                : in.headers().contains("Transfer-Encoding")
                        || in.version() == io.vertx.core.http.HttpVersion.HTTP_2 && !in.isEnded());
        in.pause(); // nothing of the body is read until the service's connection can take it
        client.request(options).compose(out -> {
            if (!body) {
                out.idleTimeout(config.timeout().toMillis());
                return out.send();
            }
            if (length == null) {
                out.setChunked(true);
            }
            upload(context, in, out);
            return out.response();
        }).onSuccess(answer -> relay(context, answer, base))
                .onFailure(failure -> unavailable(context, failure, segment));
    }

    /** The path with its ids (uuids, numbers) as {@code {id}}: /api/v1/sources/{id}/original. */
    static String template(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (String part : path.substring(1).split("/", -1)) {
            out.append('/').append(ID.matcher(part).matches() ? "{id}" : part);
        }
        return out.toString();
    }

    /**
     * The caller's body to the service as it arrives, at the pace of the slower side. A caller who breaks off resets
     * the service's request, so a shorter body is never taken for the whole one (a JSON Lines import cut in two); a
     * chunked body over the gateway's limit (which Content-Length alone does not reveal) is cut off with a 413. The
     * timeout for the service's answer runs from the body's end: a slow upload is not a slow service.
     */
    private void upload(RoutingContext context, HttpServerRequest in, HttpClientRequest out) {
        long[] sent = {0};
        in.exceptionHandler(failure -> out.reset(0, failure));
        in.handler(chunk -> {
            sent[0] += chunk.length();
            if (sent[0] > maxBody) {
                in.handler(null);
                out.reset(0, new IllegalStateException("body over the limit"));
                answer(context, Problem.of(413, "The request body is larger than the limit of " + (maxBody >> 20)
                        + " MiB"));
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(drained -> in.resume());
            }
        });
        in.endHandler(ended -> {
            if (sent[0] <= maxBody) {
                out.end();
                out.idleTimeout(config.timeout().toMillis());
            }
        });
        in.resume();
    }

    /** Whether the request carries the CSRF token of the caller's sign-in (no sign-in to bind it to: it does not). */
    private boolean csrfValid(SecurityIdentity identity, HttpServerRequest in) {
        try {
            return csrf.valid(identity, in, in.getHeader(Csrf.HEADER));
        } catch (io.dossier.common.problem.ProblemException refused) {
            return false;
        }
    }

    /** The service's answer as it comes: status and headers first, then the body piped through. */
    private void relay(RoutingContext context, HttpClientResponse answer, String base) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        answer.headers().forEach(h -> {
            String name = h.getKey().toLowerCase();
            if (HOP_BY_HOP.contains(name)) {
                return;
            }
            String value = h.getValue();
            if (name.equals("location") && value.startsWith(base)) {
                // the service's own address means nothing to the caller: point at the gateway's public address
                value = publicUrl + value.substring(base.length());
            }
            response.headers().add(h.getKey(), value); // a header sent several times keeps each value
        });
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        // copied as it comes, at the pace of the slower side (back-pressure); a caller who goes away resets the
        // service's answer (its connection is not left half read), a service that breaks off resets the caller's
        answer.exceptionHandler(failure -> {
            Log.debugf("the service's answer broke off: %s", failure);
            if (!response.ended() && !response.closed()) {
                response.reset();
            }
        });
        response.closeHandler(closed -> {
            if (!response.ended()) {
                answer.request().reset();
            }
        });
        answer.handler(chunk -> {
            if (response.closed()) {
                return; // the close handler has reset the answer; what was already under way is dropped
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                answer.pause();
                response.drainHandler(drained -> answer.resume());
            }
        });
        answer.endHandler(ended -> {
            if (!response.closed()) {
                response.end();
            }
        });
    }

    private void unavailable(RoutingContext context, Throwable failure, String segment) {
        if (context.response().closed() || context.response().ended()) {
            return; // the caller went away first (an upload broken off): no one to answer
        }
        Problem problem;
        if (failure instanceof TimeoutException) {
            problem = Problem.of(504, "The " + segment + " service did not answer in time");
        } else if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            problem = Problem.of(503, "The " + segment + " service is unavailable; try again shortly");
        } else {
            Log.warnf("forwarding to the %s service failed: %s", segment, failure.toString());
            problem = Problem.of(502, "The " + segment + " service could not be reached");
        }
        if (context.response().headWritten()) {
            context.response().reset(); // part of an answer went out: the caller must not take it for the whole
        } else {
            answer(context, problem);
        }
    }

    private void answer(RoutingContext context, jakarta.ws.rs.core.Response refusal) {
        refusal.getStringHeaders().forEach((name, values) -> context.response().putHeader(name, values));
        answer(context, (Problem) refusal.getEntity());
    }

    private void answer(RoutingContext context, Problem problem) {
        HttpServerRequest in = context.request();
        if (!in.isEnded()) {
            in.resume(); // a body the service will not see is read and dropped, so the connection can be reused
        }
        try {
            context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.withInstance(in.path())));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
