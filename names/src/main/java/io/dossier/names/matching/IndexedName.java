package io.dossier.names.matching;

import java.util.UUID;

import io.dossier.names.NameKind;

/** One name of an entity, as given to {@link NameIndex#put}. */
public record IndexedName(UUID entityId, String entityType, String value, NameKind kind) {
}
