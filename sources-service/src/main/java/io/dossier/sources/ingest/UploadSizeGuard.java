package io.dossier.sources.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dossier.common.http.OversizedBodies;
import io.vertx.ext.web.Router;

/**
 * This service takes bodies up to the bulk import limit (gigabytes), but an upload to {@code POST /api/v1/sources}
 * holds one file: one whose Content-Length already says it is over the file limit (plus room for the form around it)
 * is refused at once, before its bytes are read and spooled to disk.
 */
@ApplicationScoped
public class UploadSizeGuard {

    /** Form fields and multipart framing around the file. */
    static final long FORM_ALLOWANCE = 1 << 20;

    void install(@Observes Router router, IngestConfig config) {
        long max = config.maxFileBytes() + FORM_ALLOWANCE;
        router.post("/api/v1/sources").order(Integer.MIN_VALUE).handler(ctx -> {
            if (OversizedBodies.declaredLength(ctx) > max) {
                OversizedBodies.refuse(ctx, max);
            } else {
                ctx.next();
            }
        });
    }
}
