package io.dossier.entities.lookup;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Texts to find the registry's entities in, linked in one call (an indexer's page of documents). */
public record MentionBatchRequest(
        @NotNull @Size(min = 1, max = MentionBatchRequest.MAX_TEXTS) List<@NotNull @Size(max = 5_000_000) String> texts) {

    public static final int MAX_TEXTS = 100;
}
