package io.dossier.entities.relations;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What backs a relation: a source, and the words in it. */
@Embeddable
public record Citation(@NotNull UUID sourceId,
        @Size(max = 5000) @Column(columnDefinition = "text") String quote) {
}
