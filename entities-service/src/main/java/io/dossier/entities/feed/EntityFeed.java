package io.dossier.entities.feed;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.entities.journal.ChangeJournal;
import io.dossier.entities.journal.EntityChange;
import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.RegistryEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/**
 * The ordered, durable change feed of the registry as its consumers read it: the journal's entries
 * ({@link ChangeJournal}) with each entity's current state.
 */
@ApplicationScoped
public class EntityFeed implements PanacheRepositoryBase<EntityChange, Long> {

    /** Entries after {@code after}, oldest first, each with the entity's current state (null once deleted). */
    public List<EntityChangeDto> read(long after, int limit) {
        List<EntityChange> changes = find("seq > ?1", Sort.ascending("seq"), after).page(0, limit).list();
        List<UUID> ids = changes.stream().map(c -> c.entityId).distinct().toList();
        Map<UUID, RegistryEntity> current = ids.isEmpty()
                ? Map.of()
                : getEntityManager().createQuery("select e from RegistryEntity e where e.id in :ids",
                        RegistryEntity.class).setParameter("ids", ids).getResultStream()
                        .collect(Collectors.toMap(e -> e.id, Function.identity()));
        return changes.stream().map(c -> {
            RegistryEntity entity = current.get(c.entityId);
            return new EntityChangeDto(c.seq, c.operation, c.entityId, c.occurredAt,
                    entity == null ? null : EntityDto.of(entity));
        }).toList();
    }
}
