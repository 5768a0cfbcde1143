package io.dossier.entities.lookup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dossier.entities.registry.EntityType;

/** A name to find in the registry, whatever its spelling or script. */
public record MatchRequest(@Schema(example = "Kata'ib Hizbullah") @NotBlank @Size(max = 500) String name,
        @Schema(description = "Only entities of this type") EntityType type,
        @Schema(description = "Most candidates answered, default 10") @Min(1) @Max(100) Integer limit) {
}
