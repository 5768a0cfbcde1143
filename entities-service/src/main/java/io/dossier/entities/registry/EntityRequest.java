package io.dossier.entities.registry;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dossier.names.NameKind;

/** An entity as a client writes it: to create one, or to replace one's content (PUT). */
public record EntityRequest(
        @Schema(example = "ORGANIZATION") @NotNull EntityType type,
        @Schema(example = "Kata'ib Hizballah") @NotBlank @Size(max = 500) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String primaryName,
        @Schema(example = "Iraqi Shia armed group founded in 2007.") @Size(max = 20_000) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String description,
        @Schema(description = "Every other name; the primary name is added as PRIMARY if absent") @Size(max = 2000) List<@Valid @NotNull NameRequest> names,
        @Schema(example = "{\"foundingDate\": [\"2007\"], \"country\": [\"iq\"]}") @Size(max = 100) Map<@Pattern(regexp = "[a-zA-Z][a-zA-Z0-9]{0,63}", message = "must be a camelCase property name") String, @Size(max = 100) List<@NotNull @Size(max = 2000) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String>> attributes,
        @Size(max = 100) List<@Valid @NotNull ExternalId> externalIds,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/-]{0,62}[\\p{L}\\p{N}]|[\\p{L}\\p{N}]", message = "must be 1-64 letters, digits, spaces or _ . : / -") String> tags) {

    static final String NO_CONTROL = "[^\\x00-\\x1f]*+";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters";

    public record NameRequest(
            @NotBlank @Size(max = 500) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String value,
            @Schema(description = "BCP 47 language or script of the name, e.g. ar, en, fa, ar-Latn", example = "ar") @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as ar, en or ar-Latn") String lang,
            @Schema(description = "Default ALIAS") NameKind kind) {
    }
}
