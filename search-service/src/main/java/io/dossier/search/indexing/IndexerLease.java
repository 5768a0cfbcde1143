package io.dossier.search.indexing;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dossier.search.SearchConfig;
import io.quarkus.logging.Log;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;

/**
 * The indexer's lease: with several instances of the search service, exactly one follows the feeds and writes the
 * indexes; the others stand by and serve searches. The lease is a document beside the checkpoints, written with
 * optimistic concurrency (sequence number and primary term), so two instances can never both take it.
 * <p>
 * No clock is shared: the holder renews it every third of {@code lease-ttl} and stops writing when it has not renewed
 * for a whole {@code lease-ttl} on its own monotonic clock; a standby takes it over when it has seen the document
 * unchanged for {@code lease-ttl} plus a margin on its own clock. A holder that stops cleanly deletes it, so a standby
 * takes over at its next attempt.
 * <p>
 * The indexer renews it before each step, and a heartbeat ({@link #renewIfHeld()}) renews it between: a batch that
 * takes longer than the TTL (a slow linking, a cold start on a busy machine) keeps the lease rather than losing it
 * halfway and failing at its write. Only the indexer takes it; the heartbeat never does.
 */
@ApplicationScoped
public class IndexerLease {

    private static final String ID = "lease@indexer";

    private final ElasticsearchClient client;
    private final String index;
    private final long ttlNanos;
    private final String instance;

    private boolean held;
    private long renewedAt;
    /** The lease document as last seen while another instance held it, and when it was first seen so. */
    private long seenSeqNo = -1;
    private long seenSince;

    @Inject
    public IndexerLease(ElasticsearchClient client, SearchConfig config) {
        this(client, config.indexPrefix() + "-checkpoints", config.feed().leaseTtl());
    }

    IndexerLease(ElasticsearchClient client, String index, Duration ttl) {
        this.client = client;
        this.index = index;
        this.ttlNanos = ttl.toNanos();
        this.instance = hostname() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "search";
        }
    }

    /** This instance's name in the lease. */
    public String instance() {
        return instance;
    }

    /** Whether this instance holds the lease now (status). */
    public synchronized boolean valid() {
        return held && System.nanoTime() - renewedAt < ttlNanos;
    }

    /**
     * Whether this instance may start a write now: it holds the lease with at least a third of its TTL left, so a write
     * started now ends before a standby could take over (renewals are due every third of the TTL: before each batch,
     * and from the heartbeat every eighth of the TTL, so that one missed beat still leaves a batch time to write).
     */
    public synchronized boolean mayWrite() {
        return held && System.nanoTime() - renewedAt < ttlNanos - ttlNanos / 3;
    }

    /**
     * Takes, keeps or renews the lease as due; returns whether this instance holds it. Returns true as soon as it is
     * taken; {@code acquired} tells a caller that it just changed hands to this instance.
     */
    public synchronized Outcome hold() throws IOException {
        return hold(System.nanoTime());
    }

    /** {@link #hold()} as of {@code now}: a holder whose lease has not run out by then keeps it, never acquires it. */
    @SuppressWarnings("rawtypes")
    private Outcome hold(long now) throws IOException {
        if (held && now - renewedAt < ttlNanos / 3) {
            return Outcome.KEPT;
        }
        GetResponse<Map> current;
        try {
            current = client.get(g -> g.index(index).id(ID), Map.class);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
            current = null; // no checkpoints index yet
        }
        // a lease that ran out is not "kept" when written again: another instance may have worked meanwhile
        boolean wasHeld = held && now - renewedAt < ttlNanos;
        if (current == null || !current.found()) {
            held = write(null, null);
        } else {
            Object holder = current.source() == null ? null : current.source().get("holder");
            long seqNo = current.seqNo() == null ? -1 : current.seqNo();
            if (instance.equals(holder)) {
                held = write(current.seqNo(), current.primaryTerm());
            } else {
                if (seqNo != seenSeqNo) {
                    seenSeqNo = seqNo;
                    seenSince = now;
                }
                // unchanged for a whole lease (plus a margin) on this clock: the holder has stopped renewing
                held = now - seenSince > ttlNanos + ttlNanos / 5 && write(current.seqNo(), current.primaryTerm());
            }
        }
        if (held) {
            renewedAt = now;
            seenSeqNo = -1;
        }
        if (held && !wasHeld) {
            Log.infof("indexer lease taken by %s: this instance follows the feeds", instance);
            return Outcome.ACQUIRED;
        }
        if (!held && wasHeld) {
            Log.warnf("indexer lease lost by %s: standing by", instance);
        }
        return held ? Outcome.KEPT : Outcome.STANDBY;
    }

    /**
     * The heartbeat: renews the lease if this instance holds it and a renewal is due; never takes it. A lease that has
     * already run out on this clock is left to the indexer's next {@link #hold()}, which takes it again as a new
     * holder would (another instance may have worked meanwhile) and so reads everything again.
     *
     * @return whether this instance still holds it
     */
    public synchronized boolean renewIfHeld() throws IOException {
        long now = System.nanoTime();
        if (!held || now - renewedAt >= ttlNanos) {
            return false;
        }
        // the same instant as the check above: the lease counts as held, so this keeps or loses it, never takes it
        return hold(now) == Outcome.KEPT;
    }

    public enum Outcome {
        ACQUIRED, KEPT, STANDBY
    }

    private boolean write(Long seqNo, Long primaryTerm) throws IOException {
        try {
            client.index(i -> {
                i.index(index).id(ID).document(Map.of("holder", instance));
                return seqNo == null ? i.opType(OpType.Create) : i.ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm);
            });
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false; // another instance wrote it first
            }
            throw e;
        }
    }

    /** Gives the lease up (on shutdown), so that a standby takes over at once. */
    @SuppressWarnings("rawtypes")
    public synchronized void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            GetResponse<Map> current = client.get(g -> g.index(index).id(ID), Map.class);
            if (current.found() && current.source() != null && instance.equals(current.source().get("holder"))) {
                client.delete(d -> d.index(index).id(ID).ifSeqNo(current.seqNo())
                        .ifPrimaryTerm(current.primaryTerm()));
            }
        } catch (IOException | RuntimeException e) {
            Log.warnf("indexer lease not released (%s); a standby takes it over when it expires", e.getMessage());
        }
    }
}
