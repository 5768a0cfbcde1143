package io.dossier.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fast {@link TextAnalysis#tokens} runs on one thread over the English news corpora (BBC, Reuters, FA-KES in
 * ../shared/corpus), as indexing runs it on every text and search on every hit's text for highlights. Prints MB/s
 * (UTF-8 bytes of text in) and tokens/s; the floor only catches a gross regression (measured: docs/decisions.md #14).
 */
@Tag("shared-corpus")
class TextAnalysisThroughputTest {

    @Test
    void analysesTheEnglishNewsCorporaFast() {
        List<String> texts = SharedCorpus.englishNews();
        long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        double best = 0;
        for (int pass = 0; pass < 6; pass++) { // the first passes warm the JIT up
            long tokens = 0;
            long t0 = System.nanoTime();
            for (String text : texts) {
                tokens += TextAnalysis.tokens(text, "en").size();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double megabytesPerSecond = bytes / 1e6 / seconds;
            best = Math.max(best, megabytesPerSecond);
            System.out.printf("text analysis throughput: pass %d, %,d texts, %.1f MB, %,d tokens in %.2f s: %.1f MB/s, "
                    + "%,.0f tokens/s%n", pass, texts.size(), bytes / 1e6, tokens, seconds, megabytesPerSecond,
                    tokens / seconds);
        }
        long t0 = System.nanoTime();
        long chars = 0;
        for (String text : texts) {
            chars += TextFolding.foldWithOffsets(text).text().length();
        }
        System.out.printf("for comparison, folding alone (TextFolding.foldWithOffsets): %.1f MB/s (%,d characters)%n",
                bytes / 1e6 / ((System.nanoTime() - t0) / 1e9), chars);
        assertThat(best).as("MB/s").isGreaterThan(2);
    }
}
