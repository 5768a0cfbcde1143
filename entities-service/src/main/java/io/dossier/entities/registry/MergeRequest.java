package io.dossier.entities.registry;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Which entity to merge into the one addressed. */
public record MergeRequest(@NotNull UUID from) {
}
