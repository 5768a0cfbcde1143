package io.dossier.entities.lookup;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dossier.entities.registry.EntityType;

/** Names to find in the registry in one call: a list screened against it, a table's column reconciled. */
public record MatchBatchRequest(
        @Schema(description = "Up to 1,000 names; the answer keeps their order") @NotNull @Size(min = 1, max = MatchBatchRequest.MAX_NAMES) List<@Valid @NotNull Name> names,
        @Schema(description = "Most candidates answered for each name, default 5") @Min(1) @Max(100) Integer limit) {

    public static final int MAX_NAMES = 1000;

    /**
     * @param ref the caller's own key for the name (a row id), answered with it
     */
    public record Name(@Schema(example = "كتائب حزب الله") @NotBlank @Size(max = 500) String name,
            @Schema(description = "Only entities of this type") EntityType type,
            @Schema(description = "The caller's own key for this name, answered with it", example = "row-17") @Size(max = 200) String ref) {
    }
}
