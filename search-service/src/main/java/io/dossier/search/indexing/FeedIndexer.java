package io.dossier.search.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.search.SearchConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows the sources change feed into the documents index. The checkpoint moves only after a batch is written and
 * searchable, so a crash replays at most one batch, which is harmless (writes are idempotent).
 */
@ApplicationScoped
public class FeedIndexer {

    static final String SOURCES_FEED = "sources";

    private final SourcesFeedApi feed;
    private final EntitiesApi entities;
    private final DocumentIndex index;
    private final Checkpoints checkpoints;
    private final SearchConfig config;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "sources-feed-indexer"));
    private volatile String lastError;
    /** Where the feed has been indexed to; -1 until read from the stored checkpoint (and again after a failure). */
    private volatile long position = -1;
    private volatile int failures;
    private volatile long retryAt = Long.MIN_VALUE;

    public FeedIndexer(@RestClient SourcesFeedApi feed, @RestClient EntitiesApi entities, DocumentIndex index,
            Checkpoints checkpoints, SearchConfig config) {
        this.feed = feed;
        this.entities = entities;
        this.index = index;
        this.checkpoints = checkpoints;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.feed().enabled()) {
            Log.info("sources feed indexing is switched off (dossier.search.feed.enabled=false)");
            return;
        }
        // One thread, fixed delay: batches never overlap, and an idle indexer asks again after the poll interval.
        // (The Quarkus scheduler ticks once a second, too coarse for sub-second freshness.)
        long delay = config.feed().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, delay, delay, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }

    void poll() {
        if (System.nanoTime() < retryAt) {
            return;
        }
        try {
            while (indexNextBatch() > 0 && !Thread.currentThread().isInterrupted()) {
                // drain: keep going while the feed has more
            }
            if (lastError != null) {
                Log.infof("sources feed indexing resumed");
                lastError = null;
                failures = 0;
            }
        } catch (Throwable e) { // anything escaping would end the scheduled task for good
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!error.equals(lastError)) {
                Log.warnf("sources feed indexing paused, will retry: %s", error);
                lastError = error;
            }
            position = -1; // trust only the stored checkpoint after a failure
            // back off while a dependency is down: 0.4 s, 0.8 s, ... up to 10 s between attempts
            failures = Math.min(failures + 1, 10);
            retryAt = System.nanoTime() + Math.min(10_000L, 200L << failures) * 1_000_000L;
        }
    }

    /** Indexes the next batch of the feed; returns how many entries it had. */
    public int indexNextBatch() throws java.io.IOException {
        if (position < 0) {
            index.ensureExists();
            // this indexer is the checkpoint's only writer: read it once
            position = checkpoints.get(checkpointKey());
        }
        long after = position;
        SourcesFeedApi.Page page = feed.changes(after, config.feed().batchSize());
        if (page.changes().isEmpty()) {
            return 0;
        }
        List<IndexedDocument> upserts = new ArrayList<>();
        List<String> deletions = new ArrayList<>();
        for (SourcesFeedApi.Entry change : page.changes()) {
            SourcesFeedApi.Source s = change.source();
            if (s == null || "FAILED".equals(s.status())) {
                // deleted, or nothing to search in (a failed extraction): not in the index
                deletions.add(change.sourceId());
            } else {
                upserts.add(IndexedDocument.of(s.id(), s.collection(), s.title(), s.authors(), s.text(), s.url(),
                        s.publisher(), s.publishedAt(), s.language(), s.tags(), s.createdAt(), link(s)));
            }
        }
        index.write(upserts, deletions);
        checkpoints.put(checkpointKey(), page.next());
        position = page.next();
        return page.changes().size();
    }

    /**
     * The entities the source's title and text mention, through the entities service, in one call (the title, a blank
     * line, the text). When it cannot answer (down, or still loading its registry) the batch fails and is retried: a
     * document is never indexed without its links.
     */
    private List<EntitiesApi.Mention> link(SourcesFeedApi.Source s) {
        String combined = IndexedDocument.linkedText(s.title(), s.text());
        if (combined.isBlank()) {
            return List.of();
        }
        EntitiesApi.Mentions found = entities.mentions(new EntitiesApi.Text(combined));
        return found == null || found.mentions() == null ? List.of() : found.mentions();
    }

    /** The checkpoint belongs to the concrete index: a new index is filled from the start of the feed. */
    private String checkpointKey() {
        return SOURCES_FEED + "@" + index.concreteName();
    }
}
