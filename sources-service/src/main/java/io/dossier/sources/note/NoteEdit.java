package io.dossier.sources.note;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A note's new text (its passage stays: a note on another passage is a new note). */
public record NoteEdit(
        @NotNull @Size(max = NoteService.MAX_TEXT) @Pattern(regexp = "(?sU).*\\S.*", message = "must not be blank") @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String text) {
}
