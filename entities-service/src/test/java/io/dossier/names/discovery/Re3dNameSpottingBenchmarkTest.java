package io.dossier.names.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.dossier.names.JsonLines;
import io.dossier.testinfra.LocalStack;

/**
 * How well {@link NameSpotter} finds the names of people, organisations and places in re3d-dev (../shared/corpus):
 * documents on the Syria/Iraq conflict with gold mentions. The gold marks every mention, names and descriptions
 * alike ("the country", "an inclusive Government"); a name spotter is asked for names, so recall is counted over
 * the gold mentions that hold a capital letter, and a spotted name is right when it overlaps a gold mention of its
 * type (relaxed) or has its very span once a leading "the" is set aside (exact). Nothing is registered: every name
 * is new to the spotter, as in an empty registry.
 */
@Tag("shared-corpus")
class Re3dNameSpottingBenchmarkTest {

    private static final Map<String, SpottedName.Type> TYPES = Map.of("Person", SpottedName.Type.PERSON,
            "Organisation", SpottedName.Type.ORGANIZATION, "Location", SpottedName.Type.LOCATION);

    record Gold(String documentId, int begin, int end, SpottedName.Type type, String value) {
    }

    @Test
    void spotsTheNamesOfRe3d() throws IOException {
        Map<String, String> documents = new LinkedHashMap<>();
        List<Gold> gold = new ArrayList<>();
        Set<String> otherTypes = Set.of("Nationality", "Weapon", "MilitaryPlatform", "Vehicle", "DocumentReference");
        List<Gold> other = new ArrayList<>();
        try (Stream<Path> folders = Files.list(LocalStack.shared().resolve("corpus/re3d-dev"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                for (JsonNode d : JsonLines.read(folder.resolve("documents.json"))) {
                    documents.put(d.get("_id").asText(), d.get("text").asText());
                }
                for (JsonNode e : JsonLines.read(folder.resolve("entities.json"))) {
                    String type = e.get("type").asText();
                    Gold g = new Gold(e.get("documentId").asText(), e.get("begin").asInt(), e.get("end").asInt(),
                            TYPES.get(type), e.get("value").asText());
                    if (TYPES.containsKey(type)) {
                        gold.add(g);
                    } else if (otherTypes.contains(type)) {
                        other.add(g);
                    }
                }
            }
        }
        assertThat(documents).hasSizeGreaterThan(40);

        Map<String, List<SpottedName>> spotted = new HashMap<>();
        long started = System.nanoTime();
        long characters = 0;
        for (Map.Entry<String, String> d : documents.entrySet()) {
            spotted.put(d.getKey(), NameSpotter.spot(d.getValue(), new int[0]));
            characters += d.getValue().length();
        }
        double ms = (System.nanoTime() - started) / 1e6;

        // a name holds a capital; re3d also marks pronouns ("We", "I", "He"), coreference rather than names
        Set<String> pronouns = Set.of("i", "we", "he", "she", "it", "they", "us", "our", "his", "her", "their");
        List<Gold> names = gold.stream().filter(g -> !g.value().equals(g.value().toLowerCase())
                && !pronouns.contains(g.value().toLowerCase())).toList();
        Map<SpottedName.Type, int[]> byType = new EnumMap<>(SpottedName.Type.class); // spotted, right, gold, found
        int spottedAll = 0;
        int relaxed = 0;
        int relaxedTyped = 0;
        int exact = 0;
        Map<String, Integer> wrong = new TreeMap<>();
        for (Map.Entry<String, List<SpottedName>> d : spotted.entrySet()) {
            for (SpottedName s : d.getValue()) {
                spottedAll++;
                int[] t = byType.computeIfAbsent(s.type(), k -> new int[4]);
                t[0]++;
                List<Gold> over = gold.stream().filter(g -> g.documentId().equals(d.getKey())
                        && g.begin() < s.end() && s.start() < g.end()).toList();
                boolean any = !over.isEmpty() || other.stream().anyMatch(g -> g.documentId().equals(d.getKey())
                        && g.begin() < s.end() && s.start() < g.end());
                boolean typed = over.stream().anyMatch(g -> g.type() == s.type());
                relaxed += any ? 1 : 0;
                relaxedTyped += typed ? 1 : 0;
                t[1] += typed ? 1 : 0;
                if (over.stream().anyMatch(g -> g.type() == s.type() && g.end() == s.end()
                        && trimmedStart(documents.get(d.getKey()), g.begin()) == s.start())) {
                    exact++;
                }
                if (!typed) {
                    wrong.merge(s.type() + " " + s.name(), 1, Integer::sum);
                }
            }
        }
        int found = 0;
        Map<String, Integer> missed = new TreeMap<>();
        for (Gold g : names) {
            int[] t = byType.computeIfAbsent(g.type(), k -> new int[4]);
            t[2]++;
            boolean hit = spotted.getOrDefault(g.documentId(), List.of()).stream()
                    .anyMatch(s -> s.type() == g.type() && g.begin() < s.end() && s.start() < g.end());
            if (hit) {
                found++;
                t[3]++;
            } else {
                missed.merge(g.type() + " " + g.value().replace('\n', ' '), 1, Integer::sum);
            }
        }
        double precision = (double) relaxedTyped / spottedAll;
        double recall = (double) found / names.size();
        System.out.printf("name spotting on re3d-dev: %d documents, %d characters in %.0f ms; %d names spotted, %d "
                + "gold name mentions (of %d mentions of people, organisations and places)%n", documents.size(),
                characters, ms, spottedAll, names.size(), gold.size());
        System.out.printf("  relaxed, type right: precision=%.3f recall=%.3f; over any gold mention (type aside): "
                + "precision=%.3f; exact span and type: %.3f of those spotted%n", precision, recall,
                (double) relaxed / spottedAll, (double) exact / spottedAll);
        byType.forEach((type, t) -> System.out.printf("  %-12s spotted %4d precision=%.3f | gold %4d recall=%.3f%n",
                type, t[0], t[0] == 0 ? 0 : (double) t[1] / t[0], t[2], t[2] == 0 ? 0 : (double) t[3] / t[2]));
        // throughput, warm: every document spotted again and again for about two seconds
        long chars = 0;
        long began = System.nanoTime();
        int rounds = 0;
        while (System.nanoTime() - began < 2_000_000_000L || rounds < 5) {
            for (String text : documents.values()) {
                chars += NameSpotter.spot(text, new int[0]).size() >= 0 ? text.length() : 0;
            }
            rounds++;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(
                "  throughput, warm, one thread: %.1f MB/s of text (%d rounds of the %d documents in %.1f s)%n",
                chars / seconds / 1e6, rounds, documents.size(), seconds);
        print("  most frequent wrong:", wrong);
        print("  most frequent missed:", missed);

        // floors just under the measurement (P=0.895 R=0.627): a rule change that costs either shows here. Recall is
        // bounded by the gold's conventions: a country acting is an Organisation there ("Australia has sent"), a
        // common noun in capitals ("the Department") a name, and descriptions ("ISIL targets") places
        assertThat(precision).isGreaterThan(0.87);
        assertThat(recall).isGreaterThan(0.61);
    }

    @Test
    void spotsTheNamesOfTheSeeds() throws IOException {
        try (Stream<Path> files = Files.list(LocalStack.shared().resolve("seeds"))) {
            for (Path file : files.sorted().toList()) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (SpottedName s : NameSpotter.spot(Files.readString(file), new int[0])) {
                    counts.merge(s.key(), 1, Integer::sum);
                }
                System.out.printf("seed %s: %d names: %s%n", file.getFileName(), counts.size(), counts);
            }
        }
    }

    private static int trimmedStart(String text, int begin) {
        for (String article : List.of("the ", "The ")) {
            if (text.startsWith(article, begin)) {
                return begin + article.length();
            }
        }
        return begin;
    }

    private static void print(String title, Map<String, Integer> counts) {
        StringBuilder line = new StringBuilder(title);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> line.append(" \"").append(e.getKey()).append("\"×").append(e.getValue()));
        System.out.println(line);
    }

}
