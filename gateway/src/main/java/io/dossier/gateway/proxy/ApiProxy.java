package io.dossier.gateway.proxy;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.dossier.common.problem.Problem;
import io.dossier.gateway.GatewayConfig;
import io.dossier.gateway.security.RateLimiter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Forwards {@code /api/v1/**} to the service that owns the path, with the caller's own access token (from the
 * browser session or the bearer header), so every service checks the caller's roles itself.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // its configuration is checked at startup, not at the first call
public class ApiProxy {

    static final String API_PREFIX = "/api/v1/";
    private static final Set<String> REQUEST_HEADERS = Set.of("accept", "accept-language", "content-type", "if-match",
            "if-none-match", "content-disposition", "idempotency-key");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "content-length", "proxy-authenticate", "proxy-authorization");

    private final WebClient client;
    private final GatewayConfig config;
    private final RateLimiter limiter;
    private final io.dossier.gateway.security.Csrf csrf;
    /** The gateway's public address without a trailing slash, its scheme and its host[:port]. */
    private final String publicUrl;
    private final String publicScheme;
    private final String publicAuthority;

    private final TextMapPropagator propagator;

    public ApiProxy(Vertx vertx, GatewayConfig config, RateLimiter limiter, io.dossier.gateway.security.Csrf csrf,
            OpenTelemetry telemetry) {
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.config = config;
        this.limiter = limiter;
        this.csrf = csrf;
        if (config.publicUrl().getScheme() == null || config.publicUrl().getRawAuthority() == null) {
            throw new IllegalStateException("dossier.gateway.public-url (DOSSIER_PUBLIC_URL) must be an absolute "
                    + "address such as https://dossier.example.org, not " + config.publicUrl());
        }
        String url = config.publicUrl().toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.publicScheme = config.publicUrl().getScheme();
        this.publicAuthority = config.publicUrl().getRawAuthority();
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000).setKeepAlive(true)
                .setMaxPoolSize(64).setFollowRedirects(false).setTryUseCompression(false));
    }

    public Uni<Response> forward(HttpServerRequest in, SecurityIdentity identity, byte[] body) {
        RateLimiter.Quota quota = limiter.take(identity.getPrincipal().getName());
        if (quota != null && !quota.allowed()) {
            return Uni.createFrom().item(limiter.refusal(quota));
        }
        return forwardWithin(in, identity, body).map(answer -> quota == null
                ? answer
                : quota.headers(Response.fromResponse(answer)).build());
    }

    private Uni<Response> forwardWithin(HttpServerRequest in, SecurityIdentity identity, byte[] body) {
        boolean session = in.getHeader("Authorization") == null;
        boolean safe = in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD;
        if (session && !safe && !csrf.valid(identity, in, in.getHeader(io.dossier.gateway.security.Csrf.HEADER))) {
            // a browser session may change things only from our own pages, which send their CSRF token
            return Uni.createFrom().item(Problem.of(403, "A change through the browser session needs the page's "
                    + "X-CSRF-Token header").withInstance(in.path()).toResponse());
        }
        String path = in.path(); // the path alone, also when the request line held an absolute URI
        if (path == null || !path.startsWith(API_PREFIX) || path.contains("/../") || path.contains("/./")
                || path.endsWith("/..") || path.contains("%2e") || path.contains("%2E")) {
            return Uni.createFrom().item(Problem.of(400, "Not a valid API path").withInstance(path).toResponse());
        }
        String segment = path.substring(API_PREFIX.length()).split("/", 2)[0];
        String base = config.routes().get(segment);
        if (base == null) {
            return Uni.createFrom().item(Problem.of(404, "No API at " + API_PREFIX + segment)
                    .withInstance(path).toResponse());
        }
        String target = base + path + (in.query() == null ? "" : "?" + in.query());
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        HttpRequest<Buffer> out;
        try {
            out = client.requestAbs(HttpMethod.valueOf(in.method().name()), target)
                    .timeout(config.timeout().toMillis());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Problem.of(400, "Not a valid API request").withInstance(path).toResponse());
        }
        in.headers().forEach(h -> {
            if (REQUEST_HEADERS.contains(h.getKey().toLowerCase())) {
                out.putHeader(h.getKey(), h.getValue());
            }
        });
        if (token != null) {
            out.putHeader("Authorization", "Bearer " + token.getToken());
        }
        // the public address, never the request's Host: a forged Host header must not reach what services answer
        out.putHeader("X-Forwarded-Host", publicAuthority);
        out.putHeader("X-Forwarded-Proto", publicScheme);
        // the request's trace goes on to the service (traceparent, tracestate)
        propagator.inject(Context.current(), out, (request, key, value) -> request.putHeader(key, value));
        Uni<HttpResponse<Buffer>> sent = body == null || body.length == 0
                ? out.send()
                : out.sendBuffer(Buffer.buffer(body));
        return sent.map(answer -> relay(answer, base))
                .onFailure().recoverWithItem(failure -> unavailable(failure, segment, path));
    }

    private Response relay(HttpResponse<Buffer> answer, String base) {
        Response.ResponseBuilder response = Response.status(answer.statusCode());
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
            response.header(h.getKey(), value);
        });
        Buffer body = answer.body();
        if (body != null && body.length() > 0) {
            response.entity(body.getBytes());
        }
        return response.build();
    }

    private static Response unavailable(Throwable failure, String segment, String path) {
        Problem problem;
        if (failure instanceof TimeoutException) {
            problem = Problem.of(504, "The " + segment + " service did not answer in time");
        } else if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            problem = Problem.of(503, "The " + segment + " service is unavailable; try again shortly");
        } else {
            Log.warnf("forwarding to the %s service failed: %s", segment, failure.toString());
            problem = Problem.of(502, "The " + segment + " service could not be reached");
        }
        return problem.withInstance(path).toResponse();
    }
}
