package io.dossier.entities.imports;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dossier.common.http.OversizedBodies;
import io.dossier.common.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * This service takes bodies up to the FtM import limit (gigabytes: an OpenSanctions dataset), but only that import
 * needs them: a body whose Content-Length says it is over {@link #LISTS} (a sanctions list) or {@link #OTHERS}
 * (everything else: an entity, a text to link) is refused at once with a 413 problem, before its bytes are read; a
 * body sent there without its length (chunked), other than a form, is refused with a 411, since only its length can
 * be checked first.
 */
@ApplicationScoped
public class BodyLimits {

    /** The sanctions lists (OFAC's CSV files, the UN's XML) are a few megabytes today. */
    static final long LISTS = 200L << 20;
    static final long OTHERS = 10L << 20;

    /**
     * A form (the OFAC lists) goes through the HTTP layer's form parser, which writes its files to disk; clients
     * often send forms chunked, so a form without its length is let through.
     */
    private static boolean multipart(io.vertx.ext.web.RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.normalizedPath();
            long max = path.equals("/api/v1/entities/ftm/imports")
                    ? Long.MAX_VALUE
                    : path.startsWith("/api/v1/entities/imports/") ? LISTS : OTHERS;
            String encoding = ctx.request().getHeader("Transfer-Encoding");
            if (OversizedBodies.declaredLength(ctx) > max) {
                OversizedBodies.refuse(ctx, max);
            } else if (max != Long.MAX_VALUE && OversizedBodies.declaredLength(ctx) < 0 && !multipart(ctx)
                    && ((encoding != null
                            && encoding.toLowerCase(Locale.ROOT).contains("chunked"))
                            || (ctx.request()
                                    .version() == io.vertx.core.http.HttpVersion.HTTP_2 && !ctx.request().isEnded()))) {
                // a body without its length would pass the HTTP layer's limit, the FtM import's
                ctx.response().setStatusCode(411).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader(
                        "Connection", "close").end(
                                Json.encode(Problem.of(411, "Send the body with its "
                                        + "Content-Length (at most " + max + " bytes)").withInstance(path)));
            } else {
                ctx.next();
            }
        });
    }
}
