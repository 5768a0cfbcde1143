package io.dossier.sources.source;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source given as JSON: its text plus what is known about it. */
public record CreateSourceRequest(
        @Schema(example = "Brief: drone strikes near Erbil, March 2025") @NotBlank @Size(max = 1000) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String title,
        @Schema(example = "Kataib Hezbollah claimed the attack in a statement on Telegram.") @NotBlank @Size(max = 5_000_000) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String text,
        @Schema(example = "https://example.org/briefs/erbil-drones") @Size(max = 2048) @Pattern(regexp = "https?://[^\\s\\x00]+", message = "must be an http(s) URL") String url,
        @Schema(example = "2025-03-14T09:00:00Z") @StorableDate OffsetDateTime publishedAt,
        @Schema(example = "Example Institute") @Size(max = 300) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String publisher,
        @Schema(description = "Collection it belongs to; default `open`", example = "open") @Pattern(regexp = SourceRules.COLLECTION, message = SourceRules.COLLECTION_MESSAGE) String collection,
        @Size(max = 50) List<@NotBlank @Size(max = 300) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String> authors,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = SourceRules.TAG, message = SourceRules.TAG_MESSAGE) String> tags,
        @Schema(description = "ISO 639-1 code; detected from the text when absent", example = "ar") @Pattern(regexp = SourceRules.LANGUAGE, message = SourceRules.LANGUAGE_MESSAGE) String language) {
}
