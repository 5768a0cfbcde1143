package io.dossier.entities.imports;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.dossier.entities.registry.EntityRequest;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.registry.ExternalId;
import io.dossier.entities.relations.Citation;
import io.dossier.entities.relations.RelationType;

/**
 * One line of Dossier's own registry export: an entity as written through the API, its external ids (the first one
 * is its key), and its relations to other entities named by their keys.
 */
public record DossierRecord(@NotNull EntityType type, @NotNull String primaryName, String description,
        List<EntityRequest.NameRequest> names, Map<String, List<String>> attributes,
        @NotEmpty List<@Valid @NotNull ExternalId> externalIds, List<String> tags,
        @Size(max = 1000) List<@Valid @NotNull Tie> relations) {

    /** A relation from this entity (subject) to the entity holding {@code object}. */
    public record Tie(@NotNull RelationType type, @NotNull @Valid ExternalId object, String startDate,
            String endDate, @Size(max = 100) List<@Valid @NotNull Citation> citations) {
    }

    EntityRequest entity() {
        return new EntityRequest(type, primaryName, description, names, attributes, externalIds, tags);
    }
}
