package io.dossier.entities.matching;

import java.util.UUID;

import io.dossier.entities.names.NameKind;

/** One name of an entity, as given to {@link NameIndex#put}. */
public record IndexedName(UUID entityId, String entityType, String value, NameKind kind) {
}
