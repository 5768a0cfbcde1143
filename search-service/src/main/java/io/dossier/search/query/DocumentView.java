package io.dossier.search.query;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indexed document as search holds it: its text, metadata, and where the text mentions registry entities. */
public record DocumentView(String id, String collection, String title, List<String> authors, String text, String url,
        String publisher, String publishedAt, String language, List<String> tags, String createdAt,
        List<SearchResults.EntityRef> entities,
        @Schema(description = "Linked mentions, in text order; offsets are UTF-16 indexes into title or text, end exclusive") List<Mention> mentions,
        @Schema(description = "With q: the words of title and text that the query looks for, in any of their forms (as search's highlights mark them), in order; offsets as for mentions. Empty without q") List<Match> matches,
        @Schema(description = "Spellings the registry lacks that are possibly an entity's (the matcher's score and rule): not links, not counted in facets; an editor confirms one by adding the spelling as a name of the entity. Offsets as for mentions") List<PossibleMention> possibleMentions) {

    /** A possible mention of an entity, as {@link io.dossier.search.indexing.IndexedDocument.PossibleMention}. */
    public record PossibleMention(String entityId, String primaryName, String field, int start, int end,
            String surface, double score, String rule) {
    }

    public record Mention(String entityId, String field, int start, int end) {
    }

    /** A word the query looks for, in {@code field} (title or text). */
    public record Match(String field, int start, int end) {
    }
}
