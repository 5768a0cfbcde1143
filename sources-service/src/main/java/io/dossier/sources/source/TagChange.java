package io.dossier.sources.source;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Tags to add to a source and tags to take off it. Adding and removing commute, so two analysts tagging the same
 * source at once both keep their tags: no If-Match is asked.
 */
public record TagChange(
        @Schema(example = "[\"checkpoint\", \"jurf-al-sakhar\"]") @Size(max = 50) List<@NotBlank @Pattern(regexp = SourceRules.TAG, message = SourceRules.TAG_MESSAGE) String> add,
        @Schema(example = "[\"unverified\"]") @Size(max = 50) List<@NotBlank @Pattern(regexp = SourceRules.TAG, message = SourceRules.TAG_MESSAGE) String> remove) {

    public List<String> adding() {
        return add == null ? List.of() : add;
    }

    public List<String> removing() {
        return remove == null ? List.of() : remove;
    }

    @AssertTrue(message = "give tags to add or to remove")
    @Schema(hidden = true)
    public boolean isSomething() {
        return !adding().isEmpty() || !removing().isEmpty();
    }
}
