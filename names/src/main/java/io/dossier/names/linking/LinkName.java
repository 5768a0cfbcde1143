package io.dossier.names.linking;

import java.util.Objects;
import java.util.UUID;

import io.dossier.names.NameKind;

/** One name of one entity, as the linker looks for it in texts. */
public record LinkName(UUID entityId, String value, NameKind kind) {

    public LinkName {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }
}
