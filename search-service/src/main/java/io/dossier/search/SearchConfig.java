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
         * With several instances, one holds the indexer lease and writes; a standby takes over this long after the
         * holder stopped renewing it.
         */
        @WithDefault("10s")
        Duration leaseTtl();
    }
}
