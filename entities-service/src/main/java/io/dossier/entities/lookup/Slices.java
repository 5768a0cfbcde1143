package io.dossier.entities.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * CPU work over a list spread over the cores: the list is cut into one slice a core, taken in turn by the calling
 * thread and by helpers on an executor. The caller takes slices until none is left, then waits only for those a
 * helper has started: a helper still queued (the pool busy) finds nothing left to do, so no caller waits on a queue.
 */
public final class Slices {

    private Slices() {
    }

    /**
     * The results of {@code work} over the slices of {@code items}, in the order of the items.
     *
     * @param least the fewest items a slice is worth
     */
    public static <T, R> List<R> map(List<T> items, int least, Executor executor, Function<List<T>, List<R>> work) {
        int count = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size() / least));
        int per = Math.max(1, (items.size() + count - 1) / count);
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < items.size(); from += per) {
            slices.add(items.subList(from, Math.min(items.size(), from + per)));
        }
        List<CompletableFuture<List<R>>> done = slices.stream().map(slice -> new CompletableFuture<List<R>>())
                .toList();
        AtomicInteger next = new AtomicInteger();
        Runnable take = () -> {
            for (int i = next.getAndIncrement(); i < slices.size(); i = next.getAndIncrement()) {
                try {
                    done.get(i).complete(work.apply(slices.get(i)));
                } catch (RuntimeException e) {
                    done.get(i).completeExceptionally(e);
                }
            }
        };
        for (int helper = 1; helper < slices.size(); helper++) {
            executor.execute(take);
        }
        take.run();
        List<R> results = new ArrayList<>(items.size());
        for (CompletableFuture<List<R>> slice : done) {
            try {
                results.addAll(slice.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return results;
    }
}
