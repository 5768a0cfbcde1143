package io.dossier.search.candidates;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A candidate to accept or reject, by its name and type as the queue lists them; to accept it as another name of an
 * entity already registered, that entity's id.
 */
public record DecisionRequest(
        @Schema(example = "Saraya Awliya al-Dam") @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\x00-\\x1f|]*+", message = "must not contain control characters or |") String name,
        @Schema(description = "PERSON, ORGANIZATION or LOCATION", example = "ORGANIZATION") @NotNull @Pattern(regexp = "PERSON|ORGANIZATION|LOCATION", message = "must be PERSON, ORGANIZATION or LOCATION") String type,
        @Schema(description = "Accept: add the name to this entity rather than create one") @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", message = "must be an entity id") String entityId) {

    String key() {
        return type + "|" + name;
    }
}
