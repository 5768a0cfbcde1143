package io.dossier.entities.registry;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.dossier.names.NameKind;

/**
 * An entity as the API shows it.
 *
 * @param possibleDuplicates only in the answer to a create: entities already there that this one may be the twin of
 */
public record EntityDto(UUID id, EntityType type, String primaryName, String description, List<NameDto> names,
        Map<String, List<String>> attributes, List<ExternalId> externalIds, List<String> tags, UUID mergedInto,
        String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PossibleDuplicate> possibleDuplicates) {

    public EntityDto(UUID id, EntityType type, String primaryName, String description, List<NameDto> names,
            Map<String, List<String>> attributes, List<ExternalId> externalIds, List<String> tags, UUID mergedInto,
            String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt, long version) {
        this(id, type, primaryName, description, names, attributes, externalIds, tags, mergedInto, createdBy,
                createdAt, updatedBy, updatedAt, version, null);
    }

    /** This entity with the twins found for it (none: as it is). */
    public EntityDto withPossibleDuplicates(List<PossibleDuplicate> twins) {
        return twins.isEmpty()
                ? this
                : new EntityDto(id, type, primaryName, description, names, attributes, externalIds, tags, mergedInto,
                        createdBy, createdAt, updatedBy, updatedAt, version, List.copyOf(twins));
    }

    public record NameDto(String value, String lang, NameKind kind) {
    }

    public static EntityDto of(RegistryEntity e) {
        return new EntityDto(e.id, e.type, e.primaryName, e.description,
                e.names.stream().map(n -> new NameDto(n.value, n.lang, n.kind)).toList(), Map.copyOf(e.attributes),
                e.externalIds.stream()
                        .sorted(Comparator.comparing(ExternalId::scheme).thenComparing(ExternalId::value)).toList(),
                List.copyOf(e.tags), e.mergedInto, e.createdBy, e.createdAt, e.updatedBy, e.updatedAt, e.version);
    }
}
