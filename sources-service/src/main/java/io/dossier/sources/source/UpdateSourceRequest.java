package io.dossier.sources.source;

import java.time.OffsetDateTime;

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
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lower-case letters, digits and dashes") String collection) {
}
