package io.dossier.search.entities;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The entities mentioned in the same documents as one entity, among the documents the caller may read. */
public record CoMentions(String entityId,
        @Schema(description = "Documents linked to the entity") long documents,
        @Schema(description = "Most frequent first") List<CoMentioned> coMentioned) {

    public record CoMentioned(String id, String type, String name,
            @Schema(description = "Documents linked to both") long documents) {
    }
}
