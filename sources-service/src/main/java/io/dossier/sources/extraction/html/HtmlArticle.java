package io.dossier.sources.extraction.html;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@link HtmlArticleExtractor} finds in one HTML page. Every field but {@code authors} and {@code text} may be
 * null; {@code text} is empty when no article body was found.
 *
 * @param language the page's declared language as a two-letter ISO 639-1 code
 * @param text the main article body as plain text, paragraphs separated by a blank line
 */
public record HtmlArticle(String title, List<String> authors, OffsetDateTime publishedAt, String canonicalUrl,
        String publisher, String language, String text) {

    public HtmlArticle {
        authors = authors == null ? List.of() : List.copyOf(authors);
        text = text == null ? "" : text;
    }
}
