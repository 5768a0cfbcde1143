package io.dossier.sources.note;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new note: the passage by its offsets, or by its words (then {@code start}, if given, says which occurrence). */
@Schema(description = "The passage by `start` and `end`, or by `quote` (its words, spaces and line breaks as they may "
        + "be: the occurrence nearest `start` is taken, else the first). With offsets and a quote both, the quote must "
        + "be the words at those offsets.")
public record NoteRequest(
        @Min(0) @Max(Integer.MAX_VALUE - 1) Integer start,
        @Min(1) Integer end,
        @Size(min = 1, max = NoteService.MAX_PASSAGE) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String quote,
        @NotNull @Size(max = NoteService.MAX_TEXT) @Pattern(regexp = "(?sU).*\\S.*", message = "must not be blank") @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String text) {
}
