package io.dossier.sources.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Inputs built to make text processing go quadratic (long runs that a backtracking pattern rescans). Each must be
 * read in about linear time; the limit is generous, a guard against hangs, not a speed target.
 */
class HostileInputTest {

    static final DocumentExtractor EXTRACTOR = new DocumentExtractor(new FormatDetector(), new LanguageDetector());
    static final Duration HANG = Duration.ofSeconds(30);

    @Test
    void longRunsInPlainText() {
        String css = "a{" + ":".repeat(1_000_000);
        String spaces = "word" + " ".repeat(1_000_000) + "end";
        for (String text : new String[]{css, spaces, "\n".repeat(1_000_000) + "x"}) {
            Extraction read = assertTimeoutPreemptively(HANG,
                    () -> EXTRACTOR.extract(text.getBytes(StandardCharsets.UTF_8), "hostile.txt"));
            assertThat(read.format()).isEqualTo(DocumentFormat.TEXT);
        }
    }

    @Test
    void longBlankRunInADeclaredArticleBody() {
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"a"
                + " ".repeat(500_000) + "b\"}</script></head><body><p>Short.</p></body></html>";
        Extraction read = assertTimeoutPreemptively(HANG,
                () -> EXTRACTOR.extract(page.getBytes(StandardCharsets.UTF_8), "hostile.html"));
        assertThat(read.format()).isEqualTo(DocumentFormat.HTML);
    }

    @Test
    void declaredDocumentLanguagesBecomeCodesOrNothing() {
        assertThat(DocumentExtractor.languageCode("en-US")).isEqualTo("en");
        assertThat(DocumentExtractor.languageCode("AR")).isEqualTo("ar");
        assertThat(DocumentExtractor.languageCode("English (United States of America)")).isNull();
        assertThat(DocumentExtractor.languageCode(null)).isNull();
    }
}
