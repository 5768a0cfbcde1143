package io.dossier.entities.journal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The append side of the registry's change feed. Writers call {@link #lock()} then {@link #record} in the transaction
 * that makes the change, so an entry commits with it or not at all, in sequence order. The feed that serves the
 * entries with the entities' state ({@code feed}) sits above the registry; this journal sits below everything that
 * changes the registry, so neither needs the other's package.
 */
@ApplicationScoped
public class ChangeJournal implements PanacheRepositoryBase<EntityChange, Long> {

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

    /** The newest sequence number, 0 while the journal is empty. */
    public long head() {
        Long head = getEntityManager().createQuery("select max(c.seq) from EntityChange c", Long.class)
                .getSingleResult();
        return head == null ? 0 : head;
    }
}
