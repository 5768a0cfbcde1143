package io.dossier.search.watch;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Expands again the saved searches a registry change marked ({@link WatchService#markStale}), as the same search
 * would be expanded now, off the indexer's thread: one watch at a time, the entities service asked outside any
 * transaction, the new expansion written only if the watch was not edited meanwhile (else it stays marked and is
 * done again with its edit). When the registry does not answer, the rest wait for the next round.
 */
@ApplicationScoped
public class WatchReexpander {

    private final WatchService watches;

    WatchReexpander(WatchService watches) {
        this.watches = watches;
    }

    @Scheduled(every = "2s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            reexpandMarked();
        } catch (RuntimeException e) {
            Log.warnf("saved searches not expanded again this round: %s", e.getMessage());
        }
    }

    /** Expands the marked watches (up to 100 a round); returns how many expansions changed. */
    public int reexpandMarked() {
        @SuppressWarnings("unchecked")
        List<UUID> marked = QuarkusTransaction.requiringNew().call(() -> watches.staleIds(100));
        int changed = 0;
        for (UUID id : marked) {
            Watch w = watches.staleWatch(id);
            if (w == null) {
                continue;
            }
            var fresh = watches.expandNow(w);
            if (fresh.isEmpty()) {
                return changed; // the registry did not answer: the others wait for the next round
            }
            changed += watches.reexpanded(w, fresh.get()) ? 1 : 0;
        }
        if (changed > 0) {
            Log.infof("%d saved searches expanded again after a registry change", changed);
        }
        return changed;
    }
}
