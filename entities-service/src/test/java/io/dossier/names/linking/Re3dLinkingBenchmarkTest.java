package io.dossier.names.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.dossier.common.text.TextFolding;
import io.dossier.names.JsonLines;
import io.dossier.names.NameKind;
import io.dossier.testinfra.LocalStack;

/**
 * Span precision and recall of {@link MentionLinker} on re3d-dev (../shared/corpus): every distinct gold Person,
 * Organisation and Location value is registered as a strong name of one entity per (type, folded value), every
 * document is linked, and the linked spans are compared with the gold mentions. This measures the linker's rules
 * (boundaries, longest match, folding), not entity recognition: with a gazetteer of the gold names, what it misses
 * is what its rules cannot reach.
 * <p>
 * re3d nests mentions ("the people of [Iraq]") and gives some spans two types; a linker that returns
 * non-overlapping spans cannot find the inner ones, so recall is also reported over the outermost gold spans.
 */
@Tag("shared-corpus")
class Re3dLinkingBenchmarkTest {

    private static final Set<String> TYPES = Set.of("Person", "Organisation", "Location");
    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "we", "us", "our", "ours", "ourselves", "you",
            "your", "he", "him", "his", "she", "her", "it", "its", "itself", "they", "them", "their", "theirs",
            "themselves", "who", "whom");

    record Gold(String documentId, int begin, int end, String type, String value) {
    }

    record Span(String documentId, int begin, int end) {

        boolean overlaps(Span other) {
            return documentId.equals(other.documentId) && begin < other.end && other.begin < end;
        }

        boolean inside(Span other) {
            return !equals(other) && documentId.equals(other.documentId) && other.begin <= begin && end <= other.end;
        }
    }

    @Test
    void linksTheGoldNamesOfRe3d() throws IOException {
        Path corpus = LocalStack.shared().resolve("corpus/re3d-dev");
        Map<String, String> documents = new LinkedHashMap<>();
        List<Gold> gold = new ArrayList<>();
        try (Stream<Path> folders = Files.list(corpus)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                for (JsonNode d : JsonLines.read(folder.resolve("documents.json"))) {
                    documents.put(d.get("_id").asText(), d.get("text").asText());
                }
                for (JsonNode e : JsonLines.read(folder.resolve("entities.json"))) {
                    if (TYPES.contains(e.get("type").asText())) {
                        gold.add(new Gold(e.get("documentId").asText(), e.get("begin").asInt(), e.get("end").asInt(),
                                e.get("type").asText(), e.get("value").asText()));
                    }
                }
            }
        }
        assertThat(documents).hasSizeGreaterThan(40);
        assertThat(gold).hasSizeGreaterThan(1500);

        // The offsets are UTF-16 indexes into text: the value is the substring, up to quotes and line breaks that
        // the annotation tool normalized (3 of 2,339 mentions of all types).
        long offsetMatches = gold.stream()
                .filter(g -> documents.get(g.documentId()).substring(g.begin(), g.end()).equals(g.value()))
                .count();
        assertThat(offsetMatches).isGreaterThan(gold.size() - 5L);

        Scores all = score("all gold mentions", documents, gold);
        // re3d also marks pronouns ("we", "our", "their") as Person/Organisation: coreference, not names, so a
        // second run leaves them out of both the registered names and the gold.
        Scores named = score("names only (pronouns left out)", documents,
                gold.stream().filter(g -> !PRONOUNS.contains(g.value().toLowerCase(Locale.ROOT))).toList());

        // Floors just under the measurement. What keeps the figures from 1.0 is mostly the gold itself: nested
        // spans, the same name marked alone in one place and with the next word in another (the linker always
        // takes the longer), names left unmarked in lists, spans that end inside a word; then two-letter names
        // the linker drops by rule (U.S., UN).
        // Measured: all P=0.797 R=0.681 (outermost 0.872); names only P=0.842 R=0.709 (outermost 0.927).
        assertThat(all.precision()).isGreaterThan(0.78);
        assertThat(all.recall()).isGreaterThan(0.66);
        assertThat(all.outermostRecall()).isGreaterThan(0.85);
        assertThat(named.precision()).isGreaterThan(0.82);
        assertThat(named.recall()).isGreaterThan(0.69);
        assertThat(named.outermostRecall()).isGreaterThan(0.91);
    }

    record Scores(double precision, double recall, double outermostRecall) {
    }

    private static Scores score(String title, Map<String, String> documents, List<Gold> gold) {
        Map<UUID, String> typeOf = new HashMap<>();
        List<LinkName> names = new ArrayList<>();
        for (Gold g : gold) {
            UUID entity = UUID.nameUUIDFromBytes((g.type() + "|" + TextFolding.fold(g.value()))
                    .getBytes(StandardCharsets.UTF_8));
            if (typeOf.put(entity, g.type()) == null) {
                names.add(new LinkName(entity, g.value(), NameKind.ALIAS));
            }
        }
        MentionLinker linker = MentionLinker.build(names);

        Set<Span> goldSpans = new HashSet<>();
        Set<String> goldTyped = new HashSet<>();
        for (Gold g : gold) {
            goldSpans.add(new Span(g.documentId(), g.begin(), g.end()));
            goldTyped.add(g.documentId() + "|" + g.begin() + "|" + g.end() + "|" + g.type());
        }
        Set<Span> linked = new HashSet<>();
        Set<String> linkedTyped = new HashSet<>();
        for (Map.Entry<String, String> d : documents.entrySet()) {
            for (Mention m : linker.link(d.getValue())) {
                linked.add(new Span(d.getKey(), m.start(), m.end()));
                linkedTyped.add(d.getKey() + "|" + m.start() + "|" + m.end() + "|" + typeOf.get(m.entityId()));
            }
        }

        Map<String, List<Span>> goldByDocument = byDocument(goldSpans);
        Map<String, List<Span>> linkedByDocument = byDocument(linked);
        Set<Span> outermost = new HashSet<>();
        for (Span g : goldSpans) {
            if (goldByDocument.get(g.documentId()).stream().noneMatch(g::inside)) {
                outermost.add(g);
            }
        }
        long exact = linked.stream().filter(goldSpans::contains).count();
        long typed = linkedTyped.stream().filter(goldTyped::contains).count();
        long relaxedLinked = linked.stream().filter(l -> goldByDocument.getOrDefault(l.documentId(), List.of())
                .stream().anyMatch(l::overlaps)).count();
        long relaxedGold = goldSpans.stream().filter(g -> linkedByDocument.getOrDefault(g.documentId(), List.of())
                .stream().anyMatch(g::overlaps)).count();
        long outermostFound = outermost.stream().filter(linked::contains).count();

        double precision = (double) exact / linked.size();
        double recall = (double) exact / goldSpans.size();
        double outermostRecall = (double) outermostFound / outermost.size();
        double relaxedPrecision = (double) relaxedLinked / linked.size();
        double relaxedRecall = (double) relaxedGold / goldSpans.size();
        System.out.printf("re3d linking, %s, over %d documents: %d names (%d gold mentions, %d distinct spans, %d"
                + " outermost), %d linked spans%n", title, documents.size(), linker.names(), gold.size(),
                goldSpans.size(),
                outermost.size(), linked.size());
        System.out.printf("  exact spans: precision=%.3f recall=%.3f (outermost gold spans: recall=%.3f)%n", precision,
                recall, outermostRecall);
        System.out.printf("  exact spans and type: precision=%.3f recall=%.3f%n",
                (double) typed / linkedTyped.size(), (double) typed / goldTyped.size());
        System.out.printf("  relaxed (overlap): precision=%.3f recall=%.3f%n", relaxedPrecision, relaxedRecall);
        printExamples("  most frequent false positives:", linked, goldSpans, documents);
        printExamples("  most frequent missed outermost spans:", outermost, linked, documents);

        return new Scores(precision, recall, outermostRecall);
    }

    private static void printExamples(String title, Set<Span> spans, Set<Span> reference,
            Map<String, String> documents) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Span s : spans) {
            if (!reference.contains(s)) {
                counts.merge(documents.get(s.documentId()).substring(s.begin(), s.end()), 1, Integer::sum);
            }
        }
        StringBuilder line = new StringBuilder(title);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                .forEach(e -> line.append(" \"").append(e.getKey().replace('\n', ' ')).append("\"×")
                        .append(e.getValue()));
        System.out.println(line);
    }

    private static Map<String, List<Span>> byDocument(Set<Span> spans) {
        Map<String, List<Span>> map = new HashMap<>();
        for (Span s : spans) {
            map.computeIfAbsent(s.documentId(), k -> new ArrayList<>()).add(s);
        }
        return map;
    }

}
