package io.dossier.search.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dossier.audit.AuditAction;

/** What the gateway records of its own pages' work: roles changed on the administration page, a search exported. */
@Schema(description = "An event recorded by the caller itself: ROLES (type user, administrators) or EXPORT (type search)")
public record AuditRequest(@NotNull AuditAction action,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z]+", message = "must be lower-case letters") String targetType,
        @Size(max = 255) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String targetId,
        @Size(max = 2000) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String summary) {
}
