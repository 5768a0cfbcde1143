package io.dossier.entities.registry;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entity's identifier in another registry, e.g. {@code ofac:9742}, {@code un:QDe.001}, {@code wikidata:Q1072960}. */
@Embeddable
public record ExternalId(
        @Schema(example = "ofac") @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be lower-case letters, digits and dashes") String scheme,
        @Schema(example = "9742") @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\x00-\\x1f]+", message = "must not contain control characters") String value) {
}
