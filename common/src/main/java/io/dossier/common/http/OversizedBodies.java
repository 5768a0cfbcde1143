package io.dossier.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.dossier.common.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before any endpoint runs, and
 * by default with an empty 413. Here, when the Content-Length already says so, it becomes a problem like every other
 * answer, at once, before a byte of the body is read. (A chunked body that passes the limit is still cut by the HTTP
 * layer with a bare 413 and the connection closed.)
 */
@ApplicationScoped
public class OversizedBodies {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (declaredLength(ctx) > max) {
                refuse(ctx, max);
            } else {
                ctx.next();
            }
        });
    }

    /** The Content-Length the client sent, or -1 (none, chunked, or not a number: the HTTP layer judges those). */
    public static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Answers 413 problem+json and closes the connection (the rest of the body is not wanted). */
    public static void refuse(RoutingContext ctx, long max) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection",
                "close").end(
                        Json.encode(Problem.of(413, "The request body is larger than the limit of " + max
                                + " bytes").withInstance(ctx.normalizedPath())));
    }
}
