package io.dossier.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.dossier.testinfra.LocalStack;

/**
 * The English news of ../shared/corpus as articles with a title: BBC News (first line the title), Reuters-21578 (TITLE
 * and BODY of each article that has a body) and FA-KES (title and content). An article whose text another one already
 * has is left out, so each text is there once.
 */
final class NewsCorpus {

    record Article(String source, String title, String text) {
    }

    private static final Pattern REUTERS = Pattern.compile("<REUTERS.*?</REUTERS>", Pattern.DOTALL);
    private static final Pattern REUTERS_TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern REUTERS_BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);

    private NewsCorpus() {
    }

    static List<Article> articles() {
        Path corpus = LocalStack.shared().resolve("corpus");
        Map<String, Article> byText = new LinkedHashMap<>();
        try {
            try (Stream<Path> files = Files.walk(corpus.resolve("bbc_news_2225"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String all = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
                    int cut = all.indexOf('\n');
                    if (cut > 0) {
                        add(byText, new Article("BBC News", all.substring(0, cut).strip(),
                                all.substring(cut + 1).strip()));
                    }
                }
            }
            try (Stream<Path> files = Files.list(corpus.resolve("reuters21578"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".sgm")).sorted().toList()) {
                    Matcher article = REUTERS.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                    while (article.find()) {
                        Matcher title = REUTERS_TITLE.matcher(article.group());
                        Matcher body = REUTERS_BODY.matcher(article.group());
                        if (title.find() && body.find()) {
                            add(byText, new Article("Reuters", sgml(title.group(1)), sgml(body.group(1))));
                        }
                    }
                }
            }
            List<List<String>> rows = csv(Files.readString(corpus.resolve("fakes_syria/fakes.csv"),
                    StandardCharsets.ISO_8859_1));
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() > 3) {
                    add(byText, new Article(row.get(3).strip().isEmpty() ? "FA-KES" : row.get(3).strip(),
                            row.get(1).strip(), row.get(2).strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(byText.values());
    }

    private static void add(Map<String, Article> byText, Article article) {
        if (!article.title().isBlank() && !article.text().isBlank()) {
            byText.putIfAbsent(article.text(), article);
        }
    }

    /** Reuters' SGML: its three entities, and the control character that ends each body. */
    private static String sgml(String s) {
        return s.replace("&#3;", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
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
