package io.dossier.search.candidates;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the candidates queue: names the registry does not hold, most documents first (or newest first). */
public record CandidatePage(List<Candidate> candidates,
        @Schema(description = "The `from` of the next page; absent on the last") Integer next) {

    /**
     * A name found in documents the caller may read, that no registered name covers and no editor decided on.
     *
     * @param key what the decisions take: "TYPE|name"
     */
    public record Candidate(String key, String name,
            @Schema(description = "PERSON, ORGANIZATION or LOCATION") String type,
            @Schema(description = "Documents that hold it (of those the caller may read)") long documents,
            @Schema(description = "Its mentions in them (up to 20 counted per document)") long mentions,
            @Schema(description = "When the first and the last of those documents arrived") Instant firstSeen,
            Instant lastSeen,
            @Schema(description = "The languages of those documents, most frequent first") List<String> languages,
            @Schema(description = "A few passages it stands in, from the shortest documents that hold it") List<Context> contexts,
            @Schema(description = "Registry entities it may be another name of, best first, with the matcher's score and rule") List<Variant> variants) {
    }

    /**
     * A passage of a document with the name in it.
     *
     * @param start where the name begins in {@code text} (UTF-16), or -1 when the passage does not show it as written
     */
    public record Context(String sourceId, String title, String collection, String text, int start, int end) {
    }

    /** An entity the name may belong to: how well it matches one of its names, and by which rule. */
    public record Variant(String entityId, String type, String primaryName, double score, String matchedName,
            String rule) {
    }
}
