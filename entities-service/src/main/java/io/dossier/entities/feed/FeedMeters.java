package io.dossier.entities.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dossier.entities.journal.ChangeJournal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The registry's change feed head (its newest sequence number), read when scraped: beside the search service's
 * position on it ({@code dossier.indexer.position}) it says how far re-linking is behind.
 */
@ApplicationScoped
class FeedMeters {

    void register(@Observes StartupEvent start, MeterRegistry registry, ChangeJournal journal) {
        Gauge.builder("dossier.feed.head", () -> QuarkusTransaction.requiringNew().call(journal::head))
                .description("The newest sequence number of the registry's change feed").tag("feed", "entities")
                .register(registry);
    }
}
