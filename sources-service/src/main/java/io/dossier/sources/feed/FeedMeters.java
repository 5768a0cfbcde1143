package io.dossier.sources.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dossier.sources.journal.ChangeJournal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The change feed's head (its newest sequence number), read when scraped: beside each consumer's position (the
 * search service's {@code dossier.indexer.position}) it says how far behind a consumer is.
 */
@ApplicationScoped
class FeedMeters {

    void register(@Observes StartupEvent start, MeterRegistry registry, ChangeJournal journal) {
        Gauge.builder("dossier.feed.head", () -> QuarkusTransaction.requiringNew().call(journal::head))
                .description("The newest sequence number of the sources change feed").tag("feed", "sources")
                .register(registry);
    }
}
