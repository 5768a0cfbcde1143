package io.dossier.sources.feed;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.dossier.sources.source.SourceDto;

/** A feed entry; {@code source} is the source's current state, absent once it was deleted. */
public record ChangeDto(long seq, ChangeOperation operation, UUID sourceId, String collection,
        OffsetDateTime occurredAt, SourceDto source) {
}
