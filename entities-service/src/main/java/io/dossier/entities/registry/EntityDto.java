package io.dossier.entities.registry;

import java.util.List;
import java.util.UUID;

/** An entity as the API shows it. */
public record EntityDto(UUID id, EntityType type, String primaryName, String description, List<NameDto> names,
        long version) {

    public record NameDto(String value, String lang, NameKind kind) {
    }

    public static EntityDto of(RegistryEntity e) {
        return new EntityDto(e.id, e.type, e.primaryName, e.description,
                e.names.stream().map(n -> new NameDto(n.value, n.lang, n.kind)).toList(), e.version);
    }
}
