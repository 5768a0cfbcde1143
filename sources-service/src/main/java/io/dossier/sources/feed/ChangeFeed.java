package io.dossier.sources.feed;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.sources.source.Source;
import io.dossier.sources.source.SourceDto;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The ordered, durable change feed of sources. Writers call {@link #lock()} then {@link #record} inside the
 * transaction that changes the source, so the entry commits with the change or not at all.
 */
@ApplicationScoped
public class ChangeFeed implements PanacheRepositoryBase<SourceChange, Long> {

    /** Key of the transaction-scoped advisory lock that orders feed writers. */
    private static final long FEED_LOCK = 0x5_0_0_1_CEL;

    /** Blocks until no other transaction is writing to the feed; released at commit or rollback. */
    public void lock() {
        getEntityManager().createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)")
                .setParameter("key", FEED_LOCK)
                .getSingleResult();
    }

    public void record(UUID sourceId, String collection, ChangeOperation operation) {
        SourceChange change = new SourceChange();
        change.sourceId = sourceId;
        change.collection = collection;
        change.operation = operation;
        change.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        persist(change);
    }

    /**
     * Entries after {@code after}, oldest first, each with the source's current state (null once deleted), so a
     * consumer that replays from 0 rebuilds everything.
     */
    @Transactional
    public List<ChangeDto> read(long after, int limit, String collection) {
        String query = "select c, s from SourceChange c left join Source s on s.id = c.sourceId where c.seq > :after"
                + (collection == null ? "" : " and c.collection = :collection") + " order by c.seq";
        var select = getEntityManager().createQuery(query, Object[].class).setParameter("after", after);
        if (collection != null) {
            select.setParameter("collection", collection);
        }
        return select.setMaxResults(limit).getResultStream().map(row -> {
            SourceChange change = (SourceChange) row[0];
            Source source = (Source) row[1];
            return new ChangeDto(change.seq, change.operation, change.sourceId, change.collection,
                    change.occurredAt, source == null ? null : SourceDto.of(source));
        }).toList();
    }
}
