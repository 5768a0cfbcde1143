package io.dossier.search.query;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indexed document as search holds it: its text, metadata, and where the text mentions registry entities. */
public record DocumentView(String id, String collection, String title, List<String> authors, String text, String url,
        String publisher, String publishedAt, String language, List<String> tags, String createdAt,
        List<SearchResults.EntityRef> entities,
        @Schema(description = "Linked mentions, in text order; offsets are UTF-16 indexes into title or text, end exclusive") List<Mention> mentions,
        @Schema(description = "With q: the words of title and text that the query looks for, in any of their forms (as search's highlights mark them), in order; offsets as for mentions. Empty without q") List<Match> matches) {

    public record Mention(String entityId, String field, int start, int end) {
    }

    /** A word the query looks for, in {@code field} (title or text). */
    public record Match(String field, int start, int end) {
    }
}
