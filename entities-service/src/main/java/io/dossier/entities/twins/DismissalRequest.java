package io.dossier.entities.twins;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Two entities that are not the same actor, in either order. */
public record DismissalRequest(@NotNull UUID first, @NotNull UUID second) {
}
