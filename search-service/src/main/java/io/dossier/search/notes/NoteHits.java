package io.dossier.search.notes;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Analysts' notes found, each with the document it is on; only on documents the caller may read. */
public record NoteHits(List<NoteHit> notes,
        @Schema(description = "How many readable documents hold such notes (at most the first 200 are looked at)") long documents) {

    /** A note and its document. */
    public record NoteHit(
            @Schema(description = "The note's id (as the sources service has it)") String id,
            @Schema(description = "The document (source) it is on") String sourceId, String title, String collection,
            String language, String publishedAt,
            @Schema(description = "Where its passage is in the document's text (UTF-16 code units)") int start,
            int end, String quote, String text, String author, String createdAt, String updatedBy,
            String updatedAt,
            @Schema(description = "The registry entities linked inside the passage") List<String> entityIds) {
    }
}
