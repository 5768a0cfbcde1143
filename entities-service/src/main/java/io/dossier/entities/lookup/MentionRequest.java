package io.dossier.entities.lookup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text to find the registry's entities in. */
public record MentionRequest(
        @Schema(example = "Kata'ib Hizbullah and Asaib Ahl al-Haq denied the claim.") @NotNull @Size(max = 5_000_000) String text) {
}
