package io.dossier.sources.feed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.dossier.sources.journal.ChangeOperation;
import io.dossier.sources.note.NoteDto;
import io.dossier.sources.source.SourceDto;

/**
 * A feed entry; {@code source} is the source's current state, absent once it was deleted, and {@code notes} its
 * analysts' notes now (a note added, changed or deleted puts the source on the feed again).
 */
public record ChangeDto(long seq, ChangeOperation operation, UUID sourceId, String collection,
        OffsetDateTime occurredAt, SourceDto source, List<NoteDto> notes) {
}
