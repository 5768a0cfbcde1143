package io.dossier.names.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.dossier.common.text.TextFolding;
import io.dossier.names.NameKind;
import io.dossier.testinfra.LocalStack;

/**
 * Cross-script matching on the ANETAC English–Arabic dev pairs (../shared/corpus/transliteration), both ways: every
 * Arabic name is registered as a Person and every English name is a query, then every English name is registered and
 * every Arabic name is a query (an analyst typing Arabic against the Latin names of the OFAC and UN lists). An answer
 * is right when the entity of its pair comes first (top-1) or among the first five (recall@5). The same spelling
 * registered twice is one entity, so a pair whose registered name repeats is not counted wrong for a tie between
 * copies.
 */
@Tag("shared-corpus")
class CrossScriptMatchingBenchmarkTest {

    @Test
    void findsNamesAcrossScriptsBothWays() throws IOException {
        Path corpus = LocalStack.shared().resolve("corpus/transliteration");
        List<String> english = Files.readAllLines(corpus.resolve("dev.en"), StandardCharsets.UTF_8);
        List<String> arabic = Files.readAllLines(corpus.resolve("dev.ar"), StandardCharsets.UTF_8);
        assertThat(english).hasSameSizeAs(arabic).hasSizeGreaterThan(1000);

        Result dev = run("dev Arabic names registered", english, arabic, List.of());
        Result reverse = run("dev English names registered", arabic, english, List.of());
        // Harder: the 75,906 Arabic names of the train split registered too, as distractors.
        Result crowded = run("dev and train Arabic names registered", english, arabic,
                Files.readAllLines(corpus.resolve("train.ar"), StandardCharsets.UTF_8));
        Result crowdedReverse = run("dev and train English names registered", arabic, english,
                Files.readAllLines(corpus.resolve("train.en"), StandardCharsets.UTF_8));

        // Floors just under the measurement (figures in the module README). Measured: dev top-1 0.993, recall@5
        // 0.993 (Arabic queries against the English names: 0.990, 0.993); with the train names too, top-1 0.965,
        // recall@5 0.986 (Arabic queries against 76,602 English names: 0.867, 0.986: most misses are spellings Arabic
        // script cannot tell apart, Forne and Forney, Lodin and Ludin, Arcos and Arkos).
        assertThat(dev.top1()).isGreaterThan(0.98);
        assertThat(dev.recall5()).isGreaterThan(0.98);
        assertThat(reverse.top1()).isGreaterThan(0.98);
        assertThat(reverse.recall5()).isGreaterThan(0.98);
        assertThat(crowded.top1()).isGreaterThan(0.95);
        assertThat(crowded.recall5()).isGreaterThan(0.97);
        assertThat(crowdedReverse.top1()).isGreaterThan(0.85);
        assertThat(crowdedReverse.recall5()).isGreaterThan(0.97);
    }

    record Result(double top1, double recall5) {
    }

    /** Registers {@code registeredNames} (and the distractors), queries each of {@code queries}: pairs by position. */
    private static Result run(String title, List<String> queries, List<String> registeredNames,
            List<String> distractors) {
        NameIndex index = new NameIndex();
        Map<String, UUID> entityOf = new LinkedHashMap<>();
        List<String> registered = new ArrayList<>(registeredNames);
        registered.addAll(distractors);
        for (String name : registered) {
            String key = TextFolding.fold(name);
            if (!key.isEmpty() && !entityOf.containsKey(key)) {
                UUID id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
                entityOf.put(key, id);
                index.put(id, "Person", List.of(new IndexedName(id, "Person", name.strip(), NameKind.PRIMARY)));
            }
        }

        int top1 = 0;
        int top5 = 0;
        int none = 0;
        List<String> misses = new ArrayList<>();
        Map<String, Integer> rules = new HashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            UUID expected = entityOf.get(TextFolding.fold(registeredNames.get(i)));
            List<Candidate> found = index.match(queries.get(i), null, 5);
            if (found.isEmpty()) {
                none++;
            }
            for (int rank = 0; rank < found.size(); rank++) {
                if (found.get(rank).entityId().equals(expected)) {
                    top5++;
                    if (rank == 0) {
                        top1++;
                    }
                    rules.merge(found.get(rank).rule(), 1, Integer::sum);
                    break;
                }
            }
            if ((found.isEmpty() || !found.get(0).entityId().equals(expected)) && misses.size() < 25) {
                misses.add(queries.get(i) + " → " + registeredNames.get(i) + " (got "
                        + (found.isEmpty() ? "nothing" : found.get(0).matchedName()) + ")");
            }
        }
        double elapsedMs = (System.nanoTime() - started) / 1e6;
        int n = queries.size();
        double top1Rate = (double) top1 / n;
        double recall5 = (double) top5 / n;
        System.out.printf("cross-script matching, transliteration dev, %s: %d queries against %d distinct"
                + " names: top-1=%.3f recall@5=%.3f, no candidate for %d; %.2f ms per query; rules of the hits"
                + " %s%n", title, n, entityOf.size(), top1Rate, recall5, none, elapsedMs / n, rules);
        System.out.println("  first misses: " + String.join("; ", misses));
        return new Result(top1Rate, recall5);
    }
}
