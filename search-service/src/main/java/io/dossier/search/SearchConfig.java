package io.dossier.search;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dossier.search")
public interface SearchConfig {

    /** Prefix of every index this service owns, e.g. {@code dossier} → {@code dossier-documents}. */
    @WithDefault("dossier")
    String indexPrefix();

    Feed feed();

    Mail mail();

    /** Alerts by e-mail ({@code watch/WatchMailer}). */
    interface Mail {
        /** Send watches' e-mail (off in tests that do not look at mail). */
        @WithDefault("true")
        boolean enabled();

        /** How often the mailer looks for matches to send. */
        @WithDefault("10s")
        Duration every();

        /** Where links in e-mail point: the gateway as browsers reach it. */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /** Most documents one e-mail lists (the rest: "and N more", in the app). */
        @WithDefault("50")
        int maxDocuments();
    }

    interface Feed {
        /** Follow the sources feed (off in tests that index directly). */
        @WithDefault("true")
        boolean enabled();

        /** How often an idle indexer asks the feed for news. */
        @WithDefault("200ms")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /**
         * How often the indexer makes large batches searchable, at most. A small batch (see
         * {@link #refreshBelow()}) or one after a quiet spell is searchable as soon as it is written; under a heavy
         * stream, batches become searchable together at this pace, which saves Elasticsearch a small segment (and
         * its merges) per batch.
         */
        @WithDefault("1s")
        Duration refreshInterval();

        /** A batch of fewer entries than this is made searchable at once, whatever the refresh interval. */
        @WithDefault("100")
        int refreshBelow();

        /**
         * With several instances, one holds the indexer lease and writes; a standby takes over this long after the
         * holder stopped renewing it.
         */
        @WithDefault("10s")
        Duration leaseTtl();
    }
}
