package io.dossier.search.query;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indexed document as search holds it: its text, metadata, and where the text mentions registry entities. */
public record DocumentView(String id, String collection, String title, List<String> authors, String text, String url,
        String publisher, String publishedAt, String language, List<String> tags, String createdAt,
        List<SearchResults.EntityRef> entities,
        @Schema(description = "Linked mentions, in text order; offsets are UTF-16 indexes into title or text, end exclusive") List<Mention> mentions) {

    public record Mention(String entityId, String field, int start, int end) {
    }
}
