package io.dossier.entities.lookup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A text to find the registry's entities in. */
public record MentionRequest(@NotNull @Size(max = 5_000_000) String text) {
}
