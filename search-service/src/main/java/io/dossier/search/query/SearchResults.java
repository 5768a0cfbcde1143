package io.dossier.search.query;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of search results. Highlights are HTML-escaped text of the original in which only {@code <mark>} tags are
 * markup. {@code next} is the cursor of the next page (absent on the last one).
 */
public record SearchResults(long total, List<Hit> hits, String next, Facets facets, List<Expansion> expansions,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Registry entities the query is about (up to 5), beside the documents") List<EntityMatch> entities,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "When nothing is found: other spellings of its words that are in the documents the caller may read, and hints") Suggestions suggestions,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "How the query was read: its canonical text (what was searched)") String interpretedAs,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "When the query was read otherwise than typed (text that is not valid syntax read as words), what changed, in plain words") String note) {

    /** {@code textPages}: for a text of pages (read by OCR), the page each text highlight is on; else absent. */
    public record Hit(String id, String title, String url, String publisher, String publishedAt, String language,
            String collection, double score,
            @Schema(description = "HTML-escaped snippets with the words found in <mark>: `title` (the whole title), `text` (up to three) and `notes` (of analysts' notes on the document that hold the words, up to two)") Map<String, List<String>> highlights,
            @Schema(description = "For a document of pages (read by OCR): the page each `highlights.text` snippet is on, in the same order") List<Integer> textPages,
            List<EntityRef> entities) {
    }

    public record EntityRef(String id, String type, String name) {
    }

    /** A registry entity the query is about: why, in words ("named KH", "tagged militia"). */
    public record EntityMatch(String id, String type, String name, String why) {
    }

    /**
     * What to try when nothing was found: the query with its words spelled as documents the caller may read spell
     * them, and plain hints (a prefix search, fewer words).
     */
    public record Suggestions(List<String> queries, List<String> hints) {
    }

    /** Counts over every hit the caller may read (not only this page). */
    public record Facets(List<EntityBucket> entities, List<Bucket> entityTypes, List<Bucket> publishers,
            List<Bucket> languages, List<Bucket> collections, List<Bucket> tags, List<DateBucket> dates) {
    }

    public record Bucket(String value, long count) {
    }

    public record EntityBucket(String id, String type, String name, long count) {
    }

    /** A histogram bar: documents published from {@code start} (ISO-8601) for {@code interval}. */
    public record DateBucket(String start, String interval, long count) {
    }

    /**
     * A registry entity the query names: its documents are found too, whatever name they give it.
     *
     * @param surface what in the query named it
     * @param rule how: "mention" (a name of the entity inside the query) or the matching rule for the whole query
     */
    public record Expansion(String surface, String entityId, String type, String name, String rule) {
    }
}
