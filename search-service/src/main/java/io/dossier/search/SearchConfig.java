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

    Webhooks webhooks();

    /** Alerts to integrators' URLs ({@code webhook/WebhookSender}). */
    interface Webhooks {
        /** Deliver webhooks at all. */
        @WithDefault("true")
        boolean enabled();

        /** How often the sender looks for notifications to deliver. */
        @WithDefault("2s")
        Duration every();

        /** A receiver that has not answered in this time is cut off; the delivery is retried later. */
        @WithDefault("10s")
        Duration timeout();

        /** The wait after a first failure; it doubles with each further failure in a row. */
        @WithDefault("10s")
        Duration backoff();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** After this many failed deliveries in a row the webhook is disabled, with the reason. */
        @WithDefault("10")
        int maxFailures();

        /** Most notifications in one delivery. */
        @WithDefault("50")
        int batchSize();

        /** Most webhooks delivered to at once, in one round. */
        @WithDefault("16")
        int concurrency();

        /** Most webhooks one user may have. */
        @WithDefault("20")
        int maxPerUser();

        /** How long the log of deliveries keeps an attempt. */
        @WithDefault("30d")
        Duration logRetention();

        /**
         * Whether a webhook may point at a loopback or private-network address. Off in production, where those are
         * the platform's own network; the local stack, whose receivers run on the same machine, turns it on. The
         * platform's own services and cloud metadata addresses are refused either way.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }

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
         * How often the indexer makes a stream of batches searchable, at most. A trickle (see
         * {@link #refreshBelow()}) or a batch after a quiet spell is searchable as soon as it is written; under a
         * stream, batches become searchable together at this pace, which saves Elasticsearch a small segment (and
         * its merges) per batch.
         */
        @WithDefault("1s")
        Duration refreshInterval();

        /**
         * Fewer entries than this written over the last refresh interval (the batch included) are a trickle, made
         * searchable at once whatever the refresh interval.
         */
        @WithDefault("100")
        int refreshBelow();

        /**
         * With several instances, one holds the indexer lease and writes; a standby takes over this long after the
         * holder stopped renewing it.
         */
        @WithDefault("10s")
        Duration leaseTtl();

        /**
         * Ask the linking for the names the registry does not hold as well (the candidates queue and the possible
         * mentions, docs/decisions.md #37); off, documents are indexed with their links only.
         */
        @WithDefault("true")
        boolean spotNames();
    }
}
