package io.dossier.entities.registry;

import java.time.OffsetDateTime;

/** One state of an entity in its history: the operation that made it, who, when, and the entity as it became. */
public record RevisionDto(long version, String operation, String changedBy, OffsetDateTime changedAt,
        EntityDto entity) {
}
