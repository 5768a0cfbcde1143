package io.dossier.entities.lookup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text to find the registry's entities in; with {@code spot}, also the names in it the registry does not hold. */
public record MentionRequest(
        @Schema(example = "Kata'ib Hizbullah and Asaib Ahl al-Haq denied the claim.") @NotNull @Size(max = 5_000_000) String text,
        @Schema(description = "Also list the names of people, organisations and places in the text that no registered name covers (`names`); default false") Boolean spot) {

    public MentionRequest(String text) {
        this(text, null);
    }
}
