package io.dossier.entities.registry;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A merge into an entity: the entity merged (as it was named), who merged it and when, and whether it was undone. */
public record MergeDto(UUID id, UUID survivorId, UUID mergedId, String mergedName, EntityType mergedType,
        String mergedBy, OffsetDateTime mergedAt, String undoneBy, OffsetDateTime undoneAt) {
}
