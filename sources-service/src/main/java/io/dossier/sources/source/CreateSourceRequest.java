package io.dossier.sources.source;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source given as JSON: its text plus what is known about it. */
public record CreateSourceRequest(
        @NotBlank @Size(max = 1000) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String title,
        @NotBlank @Size(max = 5_000_000) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String text,
        @Size(max = 2048) @Pattern(regexp = "https?://[^\\s\\x00]+", message = "must be an http(s) URL") String url,
        @Schema(example = "2025-03-14T09:00:00Z") @StorableDate OffsetDateTime publishedAt,
        @Size(max = 300) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String publisher,
        @Schema(description = "Collection it belongs to; default `open`", example = "open") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lower-case letters, digits and dashes") String collection) {
}
