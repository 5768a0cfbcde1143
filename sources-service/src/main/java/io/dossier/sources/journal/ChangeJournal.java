package io.dossier.sources.journal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The append side of the sources' change feed. Writers call {@link #lock()} then {@link #record} inside the
 * transaction that changes the source, so the entry commits with the change or not at all. The feed that serves the
 * entries with the sources' state ({@code feed}) sits above sources and notes; this journal sits below everything that
 * changes them, so neither needs the other's package.
 */
@ApplicationScoped
public class ChangeJournal implements PanacheRepositoryBase<SourceChange, Long> {

    /** Key of the transaction-scoped advisory lock that orders feed writers (any constant unique to this use). */
    private static final long FEED_LOCK = 0x5011CEL;

    /** Blocks until no other transaction is writing to the feed; released at commit or rollback. */
    public void lock() {
        getEntityManager().createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)")
                .setParameter("key", FEED_LOCK)
                .getSingleResult();
    }

    public void record(UUID sourceId, String collection, ChangeOperation operation) {
        record(sourceId, collection, null, operation);
    }

    /** A change that may have moved the source: {@code previousCollection} is the one it left (null: none). */
    public void record(UUID sourceId, String collection, String previousCollection, ChangeOperation operation) {
        SourceChange change = new SourceChange();
        change.sourceId = sourceId;
        change.collection = collection;
        change.previousCollection = previousCollection == null || previousCollection.equals(collection)
                ? null
                : previousCollection;
        change.operation = operation;
        change.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        persist(change);
    }

    /** The newest sequence number a reader limited to {@code collections} may see (null: all of them). */
    public long head(Set<String> collections) {
        if (collections == null) {
            return head();
        }
        if (collections.isEmpty()) {
            return 0;
        }
        Long head = getEntityManager().createQuery("select max(c.seq) from SourceChange c where c.collection in "
                + ":collections or c.previousCollection in :collections", Long.class)
                .setParameter("collections", collections).getSingleResult();
        return head == null ? 0 : head;
    }

    /** The newest sequence number on the feed (0 when it is empty). */
    public long head() {
        Long head = getEntityManager().createQuery("select max(c.seq) from SourceChange c", Long.class)
                .getSingleResult();
        return head == null ? 0 : head;
    }
}
