package io.dossier.names.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.dossier.entities.imports.SanctionsLists;
import io.dossier.entities.registry.EntityRequest;
import io.dossier.names.NameKind;
import io.dossier.testinfra.LocalStack;

/**
 * In-process speed of {@link NameIndex#match} with the OFAC SDN and UN consolidated lists loaded (../shared/corpus):
 * latency percentiles on one thread and throughput on every core. The queries are every 7th name of the lists,
 * each also lower-cased with its last letter dropped (a spelling variant), and the militia spellings of the issue,
 * Latin and Arabic. Not a test (the name does not end in Test): run it with {@code bench/matching}.
 */
@Tag("shared-corpus")
class MatchingThroughputBenchmark {

    private static final int ROUNDS = 3;

    @Test
    void matchesWithTheSanctionsListsLoaded() throws Exception {
        List<EntityRequest> lists = SanctionsLists.read(LocalStack.shared()
                .resolve("corpus/sanctions"));
        NameIndex index = new NameIndex();
        // the same names, every n-gram of a query walked: what the telling n-grams alone may miss
        NameIndex exhaustive = new NameIndex(true);
        List<String> queries = new ArrayList<>(List.of("Kata'ib Hizbullah", "Hezbollah Brigades", "كتائب حزب الله",
                "Esmail Ghaani", "KHAZALI, Qais", "Asaib Ahl al Haq", "Kasem Suleimani", "KH"));
        int names = 0;
        long t0 = System.nanoTime();
        for (EntityRequest e : lists) {
            UUID id = UUID.nameUUIDFromBytes(e.primaryName().getBytes(StandardCharsets.UTF_8));
            List<IndexedName> indexed = new ArrayList<>();
            indexed.add(new IndexedName(id, e.type().name(), e.primaryName(), NameKind.PRIMARY));
            for (EntityRequest.NameRequest n : e.names() == null ? List.<EntityRequest.NameRequest>of() : e.names()) {
                indexed.add(new IndexedName(id, e.type().name(), n.value(),
                        n.kind() == null ? NameKind.ALIAS : NameKind.valueOf(n.kind().name())));
            }
            index.put(id, e.type().name(), indexed);
            exhaustive.put(id, e.type().name(), indexed);
            names += indexed.size();
            for (int i = 0; i < indexed.size(); i++) {
                if ((names + i) % 7 == 0) {
                    String name = indexed.get(i).value();
                    queries.add(name);
                    queries.add(name.toLowerCase().substring(0, name.length() - 1));
                }
            }
        }
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("matching throughput: %,d entities, %,d names indexed in %d ms; %,d queries%n",
                index.size(), names, buildMs, queries.size());
        assertThat(index.size()).isGreaterThan(9000);

        int otherBest = 0;
        int otherLists = 0;
        int shorter = 0;
        for (String q : queries) {
            List<UUID> all = exhaustive.match(q, null, 10).stream().map(Candidate::entityId).toList();
            List<UUID> telling = index.match(q, null, 10).stream().map(Candidate::entityId).toList();
            otherBest += !all.isEmpty() && (telling.isEmpty() || !all.get(0).equals(telling.get(0))) ? 1 : 0;
            otherLists += all.equals(telling) ? 0 : 1;
            shorter += telling.size() < all.size() ? 1 : 0;
        }
        long walkingAll = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            for (String q : queries) {
                exhaustive.match(q, null, 10);
            }
        }
        System.out.printf("  against every n-gram walked (%.0f queries/s on one thread): another best candidate for %d"
                + " queries, another list for %d (shorter for %d)%n",
                queries.size() * ROUNDS / ((System.nanoTime() - walkingAll) / 1e9), otherBest, otherLists, shorter);

        // warm-up, then one thread for the latency distribution
        for (String q : queries) {
            index.match(q, null, 10);
        }
        long[] nanos = new long[queries.size() * ROUNDS];
        int k = 0;
        long found = 0;
        long started = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            for (String q : queries) {
                long s = System.nanoTime();
                found += index.match(q, null, 10).size();
                nanos[k++] = System.nanoTime() - s;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("  one thread: %.0f queries/s, p50 %.3f ms, p99 %.3f ms, max %.3f ms, %.1f candidates per"
                + " query%n", nanos.length / seconds, nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6, (double) found / nanos.length);

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            int total = queries.size() * ROUNDS;
            long s = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < total;) {
                        index.match(queries.get(i % queries.size()), null, 10);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double elapsed = (System.nanoTime() - s) / 1e9;
            System.out.printf("  %d threads: %.0f queries/s%n", threads, total / elapsed);
        } finally {
            pool.shutdownNow();
        }
        assertThat(found).isPositive();
    }
}
