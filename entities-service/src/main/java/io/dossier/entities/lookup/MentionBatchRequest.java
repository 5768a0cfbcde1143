package io.dossier.entities.lookup;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Texts to find the registry's entities in, linked in one call (an indexer's page of documents). */
public record MentionBatchRequest(
        @NotNull @Size(min = 1, max = MentionBatchRequest.MAX_TEXTS) List<@NotNull @Size(max = 5_000_000) String> texts,
        @Schema(description = "Also list each text's names that no registered name covers (`names`), as `POST /api/v1/mentions` does; default false") Boolean spot) {

    public MentionBatchRequest(List<String> texts) {
        this(texts, null);
    }

    public static final int MAX_TEXTS = 100;
}
