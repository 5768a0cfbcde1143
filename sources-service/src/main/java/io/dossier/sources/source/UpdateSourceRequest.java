package io.dossier.sources.source;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A metadata edit: the fields given replace the stored ones; absent (null) fields stay as they are. */
@Schema(description = "Fields to change; absent fields keep their value. The text itself is not editable: ingest it again.")
public record UpdateSourceRequest(
        @Size(max = 1000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String title,
        @Size(max = 2048) @Pattern(regexp = "https?://[^\\s\\x00]+", message = "must be an http(s) URL") String url,
        @StorableDate OffsetDateTime publishedAt,
        @Size(max = 300) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String publisher,
        @Pattern(regexp = SourceRules.COLLECTION, message = SourceRules.COLLECTION_MESSAGE) String collection,
        @Size(max = 50) List<@NotBlank @Size(max = 300) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String> authors,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = SourceRules.TAG, message = SourceRules.TAG_MESSAGE) String> tags,
        @Pattern(regexp = SourceRules.LANGUAGE, message = SourceRules.LANGUAGE_MESSAGE) String language) {
}
