package io.dossier.entities.twins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.dossier.common.problem.ProblemException;
import io.dossier.entities.lookup.DirectoryTwinFinder;
import io.dossier.entities.lookup.NameDirectory;
import io.dossier.entities.lookup.Slices;
import io.dossier.entities.registry.PossibleDuplicate;
import io.quarkus.logging.Log;

/**
 * Every pair of likely twins in the registry: each entity's names matched against all others' by the name directory
 * ({@link DirectoryTwinFinder}), each pair once with its best score. Computed in the background, over the cores, when
 * asked for after the registry changed (on the OFAC and UN lists, 9,323 entities, it takes half a minute on two
 * cores): meanwhile the last list is answered, marked as not current. Any change of the registry (relations included)
 * makes the list stale.
 */
@ApplicationScoped
public class TwinList {

    /** A list of twins and the registry feed sequence it reflects. */
    public record Computed(long position, List<TwinPage.Twins> twins) {
    }

    private final NameDirectory directory;
    private final DirectoryTwinFinder finder;
    private final ManagedExecutor executor;
    private volatile Computed computed;
    private CompletableFuture<Computed> running;
    /** The registry position and time of the last computation that failed. */
    private long failedAt = -1;
    private long failedTime;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    public TwinList(NameDirectory directory, DirectoryTwinFinder finder, ManagedExecutor executor) {
        this.directory = directory;
        this.finder = finder;
        this.executor = executor;
    }

    /**
     * The last list computed, after starting a new computation if the registry has changed since; the first time,
     * waits for it up to {@code wait}.
     *
     * @throws ProblemException 503 when there is no list yet
     */
    public Computed current(Duration wait) {
        CompletableFuture<Computed> next = refresh();
        Computed last = computed;
        if (last != null) {
            return last;
        }
        try {
            return next.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProblemException(503,
                    "The list of likely twins is being computed for the first time; retry in a minute");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Interrupted while the list of likely twins was computed; retry");
        } catch (ExecutionException e) {
            // logged where it failed
            throw new ProblemException(503, "The list of likely twins could not be computed; retry in a minute");
        }
    }

    private synchronized CompletableFuture<Computed> refresh() {
        if (running != null && !running.isDone()) {
            return running;
        }
        long position = directory.position();
        Computed last = computed;
        if (last != null && last.position() == position) {
            return CompletableFuture.completedFuture(last);
        }
        if (failedAt == position && System.currentTimeMillis() - failedTime < RETRY_AFTER.toMillis()) {
            return running; // failed a moment ago on this very registry: not again at once
        }
        running = CompletableFuture.supplyAsync(() -> {
            long started = System.currentTimeMillis();
            Computed fresh = new Computed(position, compute());
            computed = fresh;
            Log.infof("twins in the registry at %d: %d pairs in %d ms", position, fresh.twins().size(),
                    System.currentTimeMillis() - started);
            return fresh;
        }, executor).whenComplete((done, failure) -> {
            if (failure != null) {
                Log.errorf(failure, "computing the twins in the registry at %d failed", position);
                synchronized (this) {
                    failedAt = position;
                    failedTime = System.currentTimeMillis();
                }
            }
        });
        return running;
    }

    private List<TwinPage.Twins> compute() {
        // each entity with its twins, over the cores
        List<Map.Entry<NameDirectory.Known, List<PossibleDuplicate>>> found = Slices.map(
                List.copyOf(directory.entities()), 200, executor,
                slice -> slice.stream().map(e -> Map.entry(e, finder.twinsOf(e))).toList());
        Map<TwinDismissal.Pair, TwinPage.Twins> best = new HashMap<>();
        for (var entry : found) {
            NameDirectory.Known entity = entry.getKey();
            for (PossibleDuplicate d : entry.getValue()) {
                NameDirectory.Known other = directory.entity(d.entityId());
                if (other == null) {
                    continue;
                }
                TwinDismissal.Pair key = TwinDismissal.Pair.of(entity.id(), other.id());
                TwinPage.Side mine = new TwinPage.Side(entity.id(), entity.type(), entity.primaryName(), d.name());
                TwinPage.Side theirs = new TwinPage.Side(other.id(), other.type(), other.primaryName(),
                        d.matchedName());
                boolean mineFirst = key.firstId().equals(entity.id());
                TwinPage.Twins twins = new TwinPage.Twins(mineFirst ? mine : theirs, mineFirst ? theirs : mine,
                        d.score(), d.rule());
                TwinPage.Twins previous = best.get(key);
                if (previous == null || twins.score() > previous.score()) {
                    best.put(key, twins);
                }
            }
        }
        List<TwinPage.Twins> twins = new ArrayList<>(best.values());
        twins.sort(Comparator.comparingDouble(TwinPage.Twins::score).reversed()
                .thenComparing(t -> String.valueOf(t.first().primaryName()))
                .thenComparing(t -> t.first().entityId().toString()).thenComparing(t -> t.second().entityId()));
        return List.copyOf(twins);
    }
}
