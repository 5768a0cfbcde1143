package io.dossier.entities.feed;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.dossier.entities.journal.ChangeOperation;
import io.dossier.entities.registry.EntityDto;

/**
 * A feed entry; {@code entity} is the entity's current state, absent once deleted. A merged entity's state names the
 * survivor in {@code mergedInto}.
 */
public record EntityChangeDto(long seq, ChangeOperation operation, UUID entityId, OffsetDateTime occurredAt,
        EntityDto entity) {
}
