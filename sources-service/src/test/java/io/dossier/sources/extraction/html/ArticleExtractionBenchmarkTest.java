package io.dossier.sources.extraction.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.testinfra.LocalStack;

/**
 * Scores {@link HtmlArticleExtractor} on the article-extraction development set in {@code ../shared} (88 real pages
 * with hand-made article bodies, Scrapinghub's benchmark, MIT): mean token precision, recall and F1 over documents.
 * Run with {@code bench/extraction}.
 */
@Tag("shared-corpus")
class ArticleExtractionBenchmarkTest {

    /** Just under the measured 0.980: a drop below it means a rule change made extraction worse. */
    static final double F1_FLOOR = 0.97;
    /** Measured: titles on 88 of 88 pages, dates on 75 of 88 (0.85). */
    static final double TITLE_SHARE_FLOOR = 0.98;
    static final double DATE_SHARE_FLOOR = 0.80;

    record Scored(String id, String url, TokenOverlap overlap) {
    }

    static Path corpus() {
        return LocalStack.shared().resolve("corpus/article-extraction-dev");
    }

    @Test
    void meanF1OnTheDevelopmentSet() throws IOException {
        Path corpus = corpus();
        JsonNode truth = new ObjectMapper().readTree(corpus.resolve("ground-truth.json").toFile());
        HtmlArticleExtractor extractor = new HtmlArticleExtractor();
        List<Scored> scored = new ArrayList<>();
        int titles = 0;
        int dates = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> page = it.next();
            String url = page.getValue().path("url").asText();
            HtmlArticle article;
            try (InputStream in = Files.newInputStream(corpus.resolve("html/" + page.getKey() + ".html"))) {
                article = extractor.extract(Jsoup.parse(in, null, url));
            }
            scored.add(new Scored(page.getKey(), url,
                    TokenOverlap.of(article.text(), page.getValue().path("articleBody").asText())));
            titles += article.title() != null ? 1 : 0;
            dates += article.publishedAt() != null ? 1 : 0;
        }
        int n = scored.size();
        double precision = scored.stream().mapToDouble(s -> s.overlap().precision()).average().orElse(0);
        double recall = scored.stream().mapToDouble(s -> s.overlap().recall()).average().orElse(0);
        double f1 = scored.stream().mapToDouble(s -> s.overlap().f1()).average().orElse(0);
        scored.sort(Comparator.comparingDouble(s -> s.overlap().f1()));
        double median = n % 2 == 1
                ? scored.get(n / 2).overlap().f1()
                : (scored.get(n / 2 - 1).overlap().f1() + scored.get(n / 2).overlap().f1()) / 2;

        StringBuilder report = new StringBuilder();
        report.append(String.format("article extraction over %d pages: precision=%.4f recall=%.4f F1=%.4f"
                + " (median F1 %.4f); title on %d, publishedAt on %d%n", n, precision, recall, f1, median, titles,
                dates));
        report.append("worst pages:\n");
        for (Scored s : scored.subList(0, Math.min(5, n))) {
            report.append(String.format("  F1=%.3f P=%.3f R=%.3f  %s  %s%n", s.overlap().f1(),
                    s.overlap().precision(), s.overlap().recall(), s.id().substring(0, 8), s.url()));
        }
        System.out.print(report);

        assertThat(n).isEqualTo(88);
        assertThat(f1).as("mean F1").isGreaterThanOrEqualTo(F1_FLOOR);
        assertThat((double) titles / n).as("share of pages with a title").isGreaterThanOrEqualTo(TITLE_SHARE_FLOOR);
        assertThat((double) dates / n).as("share of pages with a date").isGreaterThanOrEqualTo(DATE_SHARE_FLOOR);
    }
}
