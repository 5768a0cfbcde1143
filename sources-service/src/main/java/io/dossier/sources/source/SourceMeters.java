package io.dossier.sources.source;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The sources service's own metrics: sources stored (by media type and outcome), duplicates, and the time taken to
 * extract a file's text (by media type). Media types are the formats Dossier takes, a short list, so they make tags.
 */
@ApplicationScoped
public class SourceMeters {

    private final MeterRegistry registry;
    private final Counter duplicates;

    SourceMeters(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("dossier.sources.duplicates")
                .description("Sources sent again (the same content), answered with the stored one").register(registry);
    }

    /** A source stored: accepted (its text extracted, or being read by OCR) or failed (kept with the reason). */
    void stored(Source source) {
        String outcome = source.status == SourceStatus.FAILED ? "failed" : "accepted";
        Counter.builder("dossier.sources." + outcome).description(outcome.equals("failed")
                ? "Sources stored as FAILED: the file could not be read"
                : "Sources stored with their text, or queued for OCR")
                .tag("type", type(source.contentType)).register(registry).increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    /** Times the extraction of a file of the given media type (known once it is detected, hence a supplier). */
    public <T> T extraction(Supplier<T> extract, java.util.function.Function<T, String> typeOf) {
        Timer.Sample sample = Timer.start(registry);
        T result = extract.get();
        sample.stop(Timer.builder("dossier.extraction").description("Time to detect a file's format and read its text")
                .tag("type", type(typeOf.apply(result))).register(registry));
        return result;
    }

    private static String type(String contentType) {
        return contentType == null ? "unknown" : contentType;
    }
}
