package io.dossier.entities.feed;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.RegistryEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/**
 * The ordered, durable change feed of the registry. Writers call {@link #lock()} then {@link #record} in the
 * transaction that makes the change, so an entry commits with it or not at all, in sequence order.
 */
@ApplicationScoped
public class EntityFeed implements PanacheRepositoryBase<EntityChange, Long> {

    /** Key of the transaction-scoped advisory lock that orders feed writers. */
    private static final long FEED_LOCK = 0xE7717EL;

    public void lock() {
        getEntityManager().createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)")
                .setParameter("key", FEED_LOCK).getSingleResult();
    }

    public void record(UUID entityId, ChangeOperation operation) {
        EntityChange change = new EntityChange();
        change.entityId = entityId;
        change.operation = operation;
        change.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        persist(change);
    }

    public long head() {
        Long head = getEntityManager().createQuery("select max(c.seq) from EntityChange c", Long.class)
                .getSingleResult();
        return head == null ? 0 : head;
    }

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
