package io.dossier.sources.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStack;

/** The BBC news corpus of {@code ../shared} (2,225 English articles) as the detector reads it, as written and in capitals. */
@Tag("shared-corpus")
class LanguageDetectorCorpusTest {

    static final LanguageDetector DETECTOR = new LanguageDetector();

    @Test
    void englishNewsIsEnglishAsWrittenAndInCapitals() throws IOException {
        List<Path> articles;
        try (Stream<Path> files = Files.walk(LocalStack.shared().resolve("corpus/bbc_news_2225"))) {
            articles = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(articles).hasSizeGreaterThan(2000);
        Map<String, Integer> asWritten = new TreeMap<>();
        Map<String, Integer> inCapitals = new TreeMap<>();
        int byFunctionWords = 0;
        for (Path article : articles) {
            String text = new String(Files.readAllBytes(article), StandardCharsets.ISO_8859_1);
            asWritten.merge(DETECTOR.detect(text).orElse("none"), 1, Integer::sum);
            inCapitals.merge(DETECTOR.detect(text.toUpperCase(Locale.ROOT)).orElse("none"), 1, Integer::sum);
            if (LanguageDetector.readsAsEnglish(text)) {
                byFunctionWords++;
            }
        }
        assertThat(asWritten.getOrDefault("en", 0)).as("as written: %s", asWritten).isEqualTo(articles.size());
        assertThat(inCapitals.getOrDefault("en", 0)).as("in capitals: %s", inCapitals).isEqualTo(articles.size());
        // the cheap path answers nearly all of them, the n-gram model the rest
        assertThat(byFunctionWords).isGreaterThan(articles.size() * 99 / 100);
    }
}
