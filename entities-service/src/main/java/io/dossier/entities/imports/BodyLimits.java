package io.dossier.entities.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dossier.common.http.OversizedBodies;
import io.vertx.ext.web.Router;

/**
 * This service takes bodies up to the FtM import limit (gigabytes: an OpenSanctions dataset), but only that import
 * needs them: a body whose Content-Length says it is over {@link #LISTS} (a sanctions list) or {@link #OTHERS}
 * (everything else: an entity, a text to link) is refused at once with a 413 problem, before its bytes are read.
 */
@ApplicationScoped
public class BodyLimits {

    /** The sanctions lists (OFAC's CSV files, the UN's XML) are a few megabytes today. */
    static final long LISTS = 200L << 20;
    static final long OTHERS = 10L << 20;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.normalizedPath();
            long max = path.equals("/api/v1/entities/ftm/imports")
                    ? Long.MAX_VALUE
                    : path.startsWith("/api/v1/entities/imports/") ? LISTS : OTHERS;
            if (OversizedBodies.declaredLength(ctx) > max) {
                OversizedBodies.refuse(ctx, max);
            } else {
                ctx.next();
            }
        });
    }
}
