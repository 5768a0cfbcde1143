package io.dossier.sources.note;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A note as the API shows it. */
public record NoteDto(UUID id, UUID sourceId,
        @Schema(description = "Where the passage starts in the source's text, in UTF-16 code units (as JavaScript and Java count)") int start,
        @Schema(description = "Where it ends (exclusive)") int end,
        @Schema(description = "The passage's words") String quote,
        @Schema(description = "The note itself") String text,
        @Schema(description = "The user name of who wrote it") String author, OffsetDateTime createdAt,
        @Schema(description = "Who changed it last; absent until it was changed") String updatedBy,
        OffsetDateTime updatedAt, long version) {

    static NoteDto of(Note n) {
        return new NoteDto(n.id, n.sourceId, n.start, n.end, n.quote, n.body, n.author, n.createdAt, n.updatedBy,
                n.updatedAt, n.version);
    }

    /** The notes of one source, in the order of their passages in the text. */
    public record NoteList(List<NoteDto> notes) {
    }
}
