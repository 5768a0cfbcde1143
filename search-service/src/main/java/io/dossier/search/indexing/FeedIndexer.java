package io.dossier.search.indexing;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.search.SearchConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The indexer: one thread that follows the sources change feed into the documents index, the registry's feed into
 * the entities index (re-linking the documents a registry change affects, see {@link Relinker}), and fills a new
 * documents index during a rebuild. The sources feed comes first on every round, so new sources stay fresh while a
 * re-link or a rebuild runs; those advance a bounded slice per round.
 * <p>
 * Each checkpoint moves only after its batch is written (durably; searchable at once in a trickle, else within the
 * refresh interval, or at the next attempt when a later batch failed), so a crash replays at most one batch, which
 * is harmless (writes are idempotent).
 */
@ApplicationScoped
public class FeedIndexer {

    static final String SOURCES_FEED = "sources";

    private final SourcesFeedApi feed;
    private final DocumentLinker linker;
    private final DocumentIndex index;
    private final Relinker relinker;
    private final Checkpoints checkpoints;
    private final IndexerLease lease;
    private final SearchConfig config;
    private final Instance<IndexedDocumentsListener> listeners;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "feed-indexer"));
    /** Renews the lease between the indexer's steps, so a long step does not lose it (see {@link IndexerLease}). */
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "indexer-lease"));
    /**
     * An indexer thread that has not come back to the lease for this long is taken to be stuck: the heartbeat stops
     * renewing, and the lease runs out to a standby. Longer than any step can take while it works (each call it makes
     * has its own timeout).
     */
    static final long STUCK_NANOS = Duration.ofMinutes(2).toNanos();
    /** When the indexer thread last came to the lease (System.nanoTime). */
    private volatile long lastLeaseCall = System.nanoTime();
    private volatile String lastError;
    /** The entries written to the live index over the last refresh interval; and to an index being rebuilt. */
    private final RefreshPace pace;
    private final RefreshPace rebuildPace;
    /** Where the sources feed has been indexed to, per concrete index; read from the checkpoints when absent. */
    private final Map<String, Long> positions = new HashMap<>();
    private volatile long liveSeq = -1;
    private volatile long buildingSeq = -1;
    private volatile long sourcesHead = -1;
    private int failures;
    private long retryAt = Long.MIN_VALUE;
    /** When to ask for the lease again while another instance holds it. */
    private long nextLeaseCheck = Long.MIN_VALUE;
    /** When to look again for a rebuild started through another instance. */
    private long nextBuildCheck = Long.MIN_VALUE;
    /**
     * Everything written must be made searchable before going on: the lease just came to this instance (what its last
     * holder wrote may not be searchable yet), or a step failed (what it wrote may be unrefreshed; and a poll that
     * finds no news would otherwise call the indexer resumed without having reached Elasticsearch).
     */
    private boolean refreshOwed;

    /** The indexer's metrics: batches, their time and size, and how long a change takes to be written. */
    private final Timer batchTime;
    private final DistributionSummary batchSize;
    private final Timer delay;
    /**
     * The sources feed's head as the last page read said, and when the oldest entry read but not yet written had
     * happened (null when none waits).
     */
    private volatile long feedHead;
    private volatile Instant oldestUnwritten;
    private final Tracer tracer;

    public FeedIndexer(@RestClient SourcesFeedApi feed, DocumentLinker linker, DocumentIndex index, Relinker relinker,
            Checkpoints checkpoints, IndexerLease lease, SearchConfig config,
            Instance<IndexedDocumentsListener> listeners, MeterRegistry registry, Tracer tracer) {
        this.listeners = listeners;
        this.tracer = tracer;
        this.batchTime = Timer.builder("dossier.indexer.batch")
                .description("Time to link and write one batch of the sources feed").register(registry);
        this.batchSize = DistributionSummary.builder("dossier.indexer.batch.size")
                .description("Entries of the sources feed in one batch").register(registry);
        this.delay = Timer.builder("dossier.indexer.delay").description("From a change of a source to its document "
                + "written to the index (searchable then, or within the refresh interval under a stream)")
                .register(registry);
        Gauge.builder("dossier.indexer.position", () -> liveSeq).tag("feed", "sources")
                .description("The sources feed's entry the live index is written through").register(registry);
        Gauge.builder("dossier.indexer.lag", () -> liveSeq < 0 || !lease.valid() ? 0 : Math.max(0, feedHead - liveSeq))
                .tag("feed", "sources").description("Entries of the sources feed not yet in the live index")
                .register(registry);
        Gauge.builder("dossier.indexer.lag.seconds", this::lagSeconds).tag("feed", "sources")
                .description("While behind: how long ago the oldest change not yet written happened (0 when caught "
                        + "up, or on an instance without the indexer lease)")
                .register(registry);
        Gauge.builder("dossier.indexer.position", relinker::position).tag("feed", "entities")
                .description("The registry feed's entry the documents are linked through").register(registry);
        Gauge.builder("dossier.relinker.pending", relinker::pendingSeen)
                .description("Documents waiting to be linked again after registry changes").register(registry);
        FunctionCounter.builder("dossier.relinker.relinked", relinker, Relinker::relinked)
                .description("Documents linked again after registry changes").register(registry);
        this.feed = feed;
        this.linker = linker;
        this.index = index;
        this.relinker = relinker;
        this.checkpoints = checkpoints;
        this.lease = lease;
        this.config = config;
        this.pace = new RefreshPace(config.feed().refreshInterval());
        this.rebuildPace = new RefreshPace(config.feed().refreshInterval());
    }

    /** What the indexer is doing, for the admin API. {@code active}: this instance holds the lease. */
    public record Status(boolean running, String instance, boolean active, String lastError, long sourcesHead,
            long liveSeq, long buildingSeq, long registrySeq, int relinkPending, long relinked) {
    }

    public Status status() {
        return new Status(config.feed().enabled(), lease.instance(), lease.valid(), lastError, sourcesHead, liveSeq,
                buildingSeq, relinker.position(), relinker.pendingSeen(), relinker.relinked());
    }

    void start(@Observes StartupEvent event) {
        if (!config.feed().enabled()) {
            Log.info("feed indexing is switched off (dossier.search.feed.enabled=false)");
            return;
        }
        // One thread, fixed delay: rounds never overlap, and an idle indexer asks again after the poll interval.
        // (The Quarkus scheduler ticks once a second, too coarse for sub-second freshness.)
        long delay = config.feed().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, delay, delay, TimeUnit.MILLISECONDS);
        long beat = Math.max(1, config.feed().leaseTtl().toMillis() / 8); // see IndexerLease#mayWrite
        heartbeat.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Keeps the lease while the indexer thread works on a long step (and is not stuck in it). */
    void beat() {
        if (System.nanoTime() - lastLeaseCall > STUCK_NANOS) {
            return;
        }
        try {
            lease.renewIfHeld();
        } catch (Throwable e) { // the indexer's own renewal reports what is wrong; the heartbeat must go on
            Log.debugf("indexer lease not renewed by the heartbeat: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        heartbeat.shutdownNow();
        poller.shutdownNow();
        // hand the lease over only once no write of ours can still land; otherwise it runs out by itself
        if (poller.awaitTermination(10, TimeUnit.SECONDS)) {
            lease.release();
        }
    }

    void poll() {
        long now = System.nanoTime();
        if (now < retryAt || now < nextLeaseCheck) {
            return;
        }
        try {
            boolean busy;
            do {
                if (!holdLease()) {
                    return;
                }
                if (System.nanoTime() > nextBuildCheck) {
                    index.discoverBuild(); // a rebuild asked of another instance
                    nextBuildCheck = System.nanoTime() + 5_000_000_000L;
                }
                if (!drainSources()) {
                    return;
                }
                busy = holdLease() && relinker.step();
                busy |= holdLease() && buildStep();
            } while (busy && !Thread.currentThread().isInterrupted());
            if (lastError != null) {
                Log.infof("feed indexing resumed");
                lastError = null;
                failures = 0;
            }
        } catch (Throwable e) { // anything escaping would end the scheduled task for good
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!error.equals(lastError)) {
                Log.warnf("feed indexing paused, will retry: %s", error);
                lastError = error;
            }
            positions.clear(); // trust only the stored checkpoints after a failure
            refreshOwed = true;
            relinker.reset();
            // back off while a dependency is down: 0.4 s, 0.8 s, ... up to 10 s between attempts
            failures = Math.min(failures + 1, 10);
            retryAt = System.nanoTime() + Math.min(10_000L, 200L << failures) * 1_000_000L;
        }
    }

    /**
     * Takes or renews the lease as due (before every batch, so it never runs out during a long catch-up); false when
     * another instance holds it. When it has just come to this instance, everything known is read again: another
     * instance may have moved the checkpoints and the alias meanwhile.
     */
    private boolean holdLease() throws IOException {
        lastLeaseCall = System.nanoTime();
        IndexerLease.Outcome outcome = lease.hold();
        if (outcome == IndexerLease.Outcome.STANDBY) {
            nextLeaseCheck = System.nanoTime() + config.feed().leaseTtl().toNanos() / 5;
            return false;
        }
        if (outcome == IndexerLease.Outcome.ACQUIRED) {
            positions.clear();
            index.forgetRefreshes();
            relinker.reset();
            refreshOwed = true; // set first: should reading the indexes again fail, the refresh is still owed
            index.resync();
            relinker.prime(); // links from now on reflect at least the registry already followed
        }
        if (refreshOwed) {
            // what an earlier holder, or a step that failed, wrote and did not refresh: Elasticsearch refreshes
            // nothing on its own (decision 16); before any step of ours searches the index (the re-linker's scan),
            // and again after each failure until it is done
            index.refreshAll();
            refreshOwed = false;
        }
        return true;
    }

    /** Indexes the sources feed to its end; false when the lease went to another instance meanwhile. */
    private boolean drainSources() throws IOException, DocumentLinker.LinkerBehindException {
        index.ensureExists();
        // what the last batches of a stream wrote unrefreshed, also while the next batch keeps failing (the linker
        // or Elasticsearch away): nothing else would make it searchable meanwhile
        refreshDue();
        while (!Thread.currentThread().isInterrupted()) {
            if (!holdLease()) {
                return false;
            }
            if (indexNextBatch(index.liveName()) == 0) {
                refreshDue(); // what waited for its refresh while batches streamed in
                return true;
            }
        }
        return false;
    }

    /** One batch into the index being built, or, once it has caught up with the feed, the switch to it. */
    private boolean buildStep() throws IOException, DocumentLinker.LinkerBehindException {
        String building = index.buildingName();
        if (building == null) {
            buildingSeq = -1;
            return false;
        }
        if (indexNextBatch(building) > 0) {
            return true;
        }
        if (!lease.mayWrite()) {
            return false; // the alias moves only under a lease with time left
        }
        index.refreshWritten(); // everything in it searchable before it goes live
        String old = index.liveName();
        index.finishBuild();
        positions.remove(old);
        relinker.forget(old);
        checkpoints.delete(checkpointKey(old));
        liveSeq = buildingSeq;
        buildingSeq = -1;
        return true;
    }

    /** Indexes the next batch of the feed into one concrete index; returns how many entries it had. */
    public int indexNextBatch(String concrete) throws IOException, DocumentLinker.LinkerBehindException {
        index.ensureExists();
        Long position = positions.get(concrete);
        if (position == null) {
            position = checkpoints.get(checkpointKey(concrete)); // this indexer is its only writer: read it once
            positions.put(concrete, position);
            track(concrete, position); // known before a batch succeeds: a stuck indexer shows its lag
        }
        Timer.Sample started = Timer.start();
        SourcesFeedApi.Page page = feed.changes(position, config.feed().batchSize());
        sourcesHead = Math.max(sourcesHead, page.next());
        feedHead = Math.max(feedHead, page.head());
        if (concrete.equals(index.liveName()) && !page.changes().isEmpty() && oldestUnwritten == null) {
            oldestUnwritten = IndexedDocument.IndexedNote.instant(page.changes().get(0).occurredAt());
        }
        if (page.changes().isEmpty()) {
            track(concrete, position);
            return 0;
        }
        // one trace for the batch (when sampled): its linking by the entities service, its bulk write to
        // Elasticsearch, the watches' evaluation and the notifications stored; the feed's read before it is its own
        Span span = tracer.spanBuilder("index feed batch").setAttribute("dossier.index", concrete)
                .setAttribute("dossier.feed.after", position).setAttribute("dossier.feed.through", page.next())
                .setAttribute("dossier.batch.entries", page.changes().size()).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return indexBatch(concrete, page, started);
        } catch (IOException | DocumentLinker.LinkerBehindException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private int indexBatch(String concrete, SourcesFeedApi.Page page, Timer.Sample started)
            throws IOException, DocumentLinker.LinkerBehindException {
        List<SourcesFeedApi.Source> indexed = new ArrayList<>();
        List<List<SourcesFeedApi.Note>> notes = new ArrayList<>();
        List<String> deletions = new ArrayList<>();
        for (SourcesFeedApi.Entry change : page.changes()) {
            SourcesFeedApi.Source s = change.source();
            if (s == null || "FAILED".equals(s.status())) {
                // deleted, or nothing to search in (a failed extraction): not in the index
                deletions.add(change.sourceId());
            } else {
                indexed.add(s);
                notes.add(change.notes());
            }
        }
        // the whole page linked in a few calls, then each document built with its links
        List<DocumentLinker.Links> links = linker.linkAll(indexed.stream()
                .map(s -> new String[]{s.title(), s.text()}).toList());
        List<IndexedDocument> upserts = new ArrayList<>(indexed.size());
        for (int i = 0; i < indexed.size(); i++) {
            SourcesFeedApi.Source s = indexed.get(i);
            upserts.add(IndexedDocument.of(s.id(), s.collection(), s.title(), s.authors(), s.text(), s.url(),
                    s.publisher(), s.publishedAt(), s.language(), s.tags(), s.createdAt(), links.get(i).mentions(),
                    links.get(i).registrySeq()).withNotes(SourcesFeedApi.Note.indexed(notes.get(i)))
                    .withNames(links.get(i).names()));
        }
        if (!lease.mayWrite()) {
            throw new IllegalStateException("the indexer lease has too little time left to write the batch");
        }
        // A trickle is made searchable at once (a new source is found within the poll interval plus this write);
        // a stream (a refresh interval's batches together reaching refreshBelow entries, however they were cut
        // into batches) at most once a refresh interval: fewer, larger segments, far fewer merges
        // (an index being rebuilt is paced by itself: its catching up is no stream on the live one)
        RefreshPace paced = concrete.equals(index.liveName()) ? pace : rebuildPace;
        boolean refresh = paced.add(page.changes().size(), System.nanoTime()) < config.feed().refreshBelow()
                || !index.refreshedWithin(concrete, config.feed().refreshInterval());
        index.write(concrete, upserts, deletions, refresh);
        if (concrete.equals(index.liveName())) {
            listeners.forEach(l -> l.indexed(upserts, deletions)); // watches: before the checkpoint moves, so a crash
                                                                   // replays
        }
        checkpoints.put(checkpointKey(concrete), page.next());
        positions.put(concrete, page.next());
        track(concrete, page.next());
        if (concrete.equals(index.liveName())) {
            measure(started, page);
        }
        return page.changes().size();
    }

    private void measure(Timer.Sample started, SourcesFeedApi.Page page) {
        started.stop(batchTime);
        batchSize.record(page.changes().size());
        Instant now = Instant.now();
        for (SourcesFeedApi.Entry change : page.changes()) {
            Instant at = IndexedDocument.IndexedNote.instant(change.occurredAt());
            if (at != null) {
                delay.record(Duration.between(at, now).isNegative() ? Duration.ZERO : Duration.between(at, now));
            }
        }
        oldestUnwritten = null; // the next page read says what waits next
    }

    private double lagSeconds() {
        Instant oldest = oldestUnwritten;
        return oldest == null || !lease.valid()
                ? 0
                : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    /** Makes searchable what was written without a refresh, once the refresh interval has passed. */
    private void refreshDue() throws IOException {
        if (!index.refreshedWithin(index.liveName(), config.feed().refreshInterval())) {
            index.refreshWritten();
        }
    }

    private void track(String concrete, long seq) {
        if (concrete.equals(index.liveName())) {
            liveSeq = seq;
        } else {
            buildingSeq = seq;
        }
    }

    /** The checkpoint belongs to the concrete index: a new index is filled from the start of the feed. */
    private static String checkpointKey(String concrete) {
        return SOURCES_FEED + "@" + concrete;
    }
}
