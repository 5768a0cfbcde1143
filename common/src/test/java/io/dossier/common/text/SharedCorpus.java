package io.dossier.common.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The real third-party texts in ../shared/corpus (beside the repository) that the shared-corpus tests of this module
 * read: the English news corpora and the names of the OFAC and UN sanctions lists. common cannot use test-infra (which
 * depends on it), so it finds ../shared the same way: from the {@code dossier.root} property the parent pom sets.
 */
final class SharedCorpus {

    private static final Pattern REUTERS = Pattern.compile("<(TITLE|BODY)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern UN_INDIVIDUAL_NAME = Pattern.compile(
            "<(FIRST_NAME|SECOND_NAME|THIRD_NAME|FOURTH_NAME|ALIAS_NAME)>([^<]+)</");
    private static final Pattern UN_PLACE = Pattern.compile("<(CITY|STATE_PROVINCE)>([^<]+)</");

    private SharedCorpus() {
    }

    static Path corpus() {
        String root = System.getProperty("dossier.root");
        Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/local"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root");
        }
        Path corpus = dir.toAbsolutePath().getParent().resolve("shared/corpus");
        if (!Files.isDirectory(corpus)) {
            throw new IllegalStateException("the shared-corpus suite needs ../shared/corpus beside the repository: "
                    + corpus);
        }
        return corpus;
    }

    /** The English news: BBC articles, Reuters-21578 titles and bodies, FA-KES articles; one string each. */
    static List<String> englishNews() {
        Path corpus = corpus();
        List<String> texts = new ArrayList<>(26_000);
        try (Stream<Path> files = Files.walk(corpus.resolve("bbc_news_2225"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            try (Stream<Path> sgml = Files.list(corpus.resolve("reuters21578"))) {
                for (Path file : sgml.filter(p -> p.toString().endsWith(".sgm")).sorted().toList()) {
                    Matcher m = REUTERS.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                    while (m.find()) {
                        texts.add(m.group(2).replace("&lt;", "<").replace("&amp;", "&"));
                    }
                }
            }
            List<List<String>> rows = csv(Files.readString(corpus.resolve("fakes_syria/fakes.csv"),
                    StandardCharsets.ISO_8859_1));
            for (List<String> row : rows.subList(1, rows.size())) {
                texts.add(row.get(1) + "\n" + row.get(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /**
     * Names of people and places as a registry holds them: OFAC SDN individuals (names and aliases), UN individuals
     * (name parts and aliases), and the UN list's cities and provinces.
     */
    static List<String> registryNames() {
        Path sanctions = corpus().resolve("sanctions");
        List<String> names = new ArrayList<>();
        try {
            java.util.Set<String> individuals = new java.util.HashSet<>();
            for (List<String> row : csv(Files.readString(sanctions.resolve("ofac_sdn.csv"),
                    StandardCharsets.ISO_8859_1))) {
                if (row.size() > 2 && row.get(2).strip().equals("individual")) {
                    individuals.add(row.get(0).strip());
                    names.add(row.get(1));
                }
            }
            for (List<String> row : csv(Files.readString(sanctions.resolve("ofac_alt.csv"),
                    StandardCharsets.ISO_8859_1))) {
                if (row.size() > 3 && individuals.contains(row.get(0).strip())) {
                    names.add(row.get(3));
                }
            }
            String un = Files.readString(sanctions.resolve("UN_consolidated.xml"), StandardCharsets.UTF_8);
            int individualsStart = un.indexOf("<INDIVIDUALS>");
            int individualsEnd = un.indexOf("</INDIVIDUALS>");
            Matcher m = UN_INDIVIDUAL_NAME.matcher(un).region(Math.max(0, individualsStart),
                    individualsEnd > 0 ? individualsEnd : un.length());
            while (m.find()) {
                names.add(m.group(2));
            }
            Matcher places = UN_PLACE.matcher(un);
            while (places.find()) {
                names.add(places.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The rows of an RFC 4180 text: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> csv(String text) {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
