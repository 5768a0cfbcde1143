package io.dossier.names.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.text.TextFolding;
import io.dossier.names.NameKind;
import io.dossier.testinfra.LocalStack;

/**
 * Build time, memory and single-thread linking speed of {@link MentionLinker} with 100,000 real names (OFAC SDN
 * names and aliases, UN list aliases, ANETAC English and Arabic names) over real news (BBC, re3d) replayed to more
 * than 20 MB. Not a test (the name does not end in Test): run it with {@code bench/linking}.
 */
@Tag("shared-corpus")
class LinkingThroughputBenchmark {

    private static final int NAMES = 100_000;
    private static final long TEXT_BYTES = 20_000_000L;
    private static final Pattern UN_NAME = Pattern
            .compile("<(ALIAS_NAME|NAME_ORIGINAL_SCRIPT)>([^<]+)</");

    @Test
    void linksTwentyMegabytesWithAHundredThousandNames() throws IOException {
        Path corpus = LocalStack.shared().resolve("corpus");
        List<LinkName> names = names(corpus);
        assertThat(names).hasSize(NAMES);

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long t0 = System.nanoTime();
        MentionLinker linker = MentionLinker.build(names);
        long buildNanos = System.nanoTime() - t0;
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("linking throughput: built %,d names in %d ms, about %d MB of heap%n", linker.names(),
                buildNanos / 1_000_000, Math.max(0, heapAfter - heapBefore) / 1_000_000);

        List<String> documents = documents(corpus);
        long corpusBytes = documents.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).sum();
        int passes = (int) (TEXT_BYTES / corpusBytes) + 1;
        for (int pass = 0; pass < 2; pass++) {
            for (String document : documents) {
                linker.link(document); // warm-up, so the JIT has compiled the loop before the clock starts
            }
        }

        // One article at a time, as the service would link them.
        long mentions = 0;
        long t1 = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            for (String document : documents) {
                mentions += linker.link(document).size();
            }
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        double megabytes = corpusBytes * passes / 1e6;
        System.out.printf("linking throughput: %d documents x %d passes, %.1f MB in %.2f s on one thread: %.1f MB/s,"
                + " %,d mentions%n", documents.size(), passes, megabytes, seconds, megabytes / seconds, mentions);

        // Linking and spotting the names it leaves (what `spot` asks of the service): the queue's share of the time.
        for (String document : documents) {
            spotted(linker, document); // warm-up
        }
        long spottedNames = 0;
        long t3 = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            for (String document : documents) {
                spottedNames += spotted(linker, document);
            }
        }
        double spotSeconds = (System.nanoTime() - t3) / 1e9;
        System.out.printf("linking throughput: with the names the registry lacks spotted as well, %.1f MB in %.2f s: "
                + "%.1f MB/s (%,d names), spotting %.0f%% of the time%n", megabytes, spotSeconds,
                megabytes / spotSeconds, spottedNames, 100 * (spotSeconds - seconds) / spotSeconds);

        // The same text as one string, for the cost of a single huge input.
        StringBuilder joined = new StringBuilder();
        while (joined.length() < TEXT_BYTES) {
            for (String document : documents) {
                joined.append(document).append("\n\n");
            }
        }
        String big = joined.toString();
        double bigMegabytes = big.getBytes(StandardCharsets.UTF_8).length / 1e6;
        long t2 = System.nanoTime();
        int bigMentions = linker.link(big).size();
        double bigSeconds = (System.nanoTime() - t2) / 1e9;
        System.out.printf("linking throughput: one text of %.1f MB in %.2f s: %.1f MB/s, %,d mentions%n", bigMegabytes,
                bigSeconds, bigMegabytes / bigSeconds, bigMentions);

        // A sanity floor far below the target (20 MB/s): it catches an accidental quadratic, not a slow machine.
        assertThat(megabytes / seconds).isGreaterThan(1.0);
        assertThat(mentions).isPositive();
    }

    /** 100,000 names that fold differently: sanctions names and aliases first, then transliterated names. */
    private static List<LinkName> names(Path corpus) throws IOException {
        List<String> values = new ArrayList<>();
        Path sanctions = corpus.resolve("sanctions");
        for (String line : Files.readAllLines(sanctions.resolve("ofac_sdn.csv"), StandardCharsets.UTF_8)) {
            values.add(csvField(line, 1));
        }
        for (String line : Files.readAllLines(sanctions.resolve("ofac_alt.csv"), StandardCharsets.UTF_8)) {
            values.add(csvField(line, 3));
        }
        Matcher un = UN_NAME.matcher(Files.readString(sanctions.resolve("UN_consolidated.xml")));
        while (un.find()) {
            values.add(un.group(2));
        }
        Path transliteration = corpus.resolve("transliteration");
        values.addAll(Files.readAllLines(transliteration.resolve("train.en"), StandardCharsets.UTF_8));
        values.addAll(Files.readAllLines(transliteration.resolve("train.ar"), StandardCharsets.UTF_8));

        List<LinkName> names = new ArrayList<>(NAMES);
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            String folded = value == null ? "" : TextFolding.fold(value);
            if (folded.replace(" ", "").length() >= 3 && seen.add(folded)) {
                names.add(new LinkName(UUID.nameUUIDFromBytes(folded.getBytes(StandardCharsets.UTF_8)), value,
                        NameKind.ALIAS));
                if (names.size() == NAMES) {
                    break;
                }
            }
        }
        return names;
    }

    /** Field i of a line of OFAC's CSV: comma separated, text fields in double quotes, "-0-" for none. */
    private static String csvField(String line, int index) {
        int field = 0;
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                if (field == index) {
                    break;
                }
                field++;
                value.setLength(0);
            } else if (field == index) {
                value.append(c);
            }
        }
        String text = value.toString().strip();
        return field == index && !text.equals("-0-") ? text : null;
    }

    private static List<String> documents(Path corpus) throws IOException {
        List<String> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus.resolve("bbc_news_2225"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                documents.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> folders = Files.list(corpus.resolve("re3d-dev"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                for (String line : Files.readAllLines(folder.resolve("documents.json"), StandardCharsets.UTF_8)) {
                    String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
                    if (!text.isBlank()) {
                        JsonNode document = json.readTree(text);
                        documents.add(document.get("text").asText());
                    }
                }
            }
        }
        return documents;
    }

    /** Links a text and spots the names no mention covers; returns how many were spotted. */
    private static int spotted(MentionLinker linker, String text) {
        List<Mention> links = linker.link(text);
        return io.dossier.names.discovery.NameSpotter.spot(text, links).size();
    }
}
