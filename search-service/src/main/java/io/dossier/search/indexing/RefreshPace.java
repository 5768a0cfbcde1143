package io.dossier.search.indexing;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * How many feed entries the indexer wrote over the last window (its refresh interval): the measure of a stream. Under
 * a steady ingest the feed is read in many small batches (the indexer keeps up), so a batch's own size does not tell
 * a stream from a trickle; the entries of the whole window do.
 */
final class RefreshPace {

    private record Written(long at, int entries) {
    }

    private final long windowNanos;
    private final ArrayDeque<Written> written = new ArrayDeque<>();
    private long sum;

    RefreshPace(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** Counts {@code entries} written at {@code now} (nanoseconds) and answers the window's total with them. */
    synchronized long add(int entries, long now) {
        while (!written.isEmpty() && now - written.peekFirst().at() >= windowNanos) {
            sum -= written.removeFirst().entries();
        }
        written.addLast(new Written(now, entries));
        sum += entries;
        return sum;
    }
}
