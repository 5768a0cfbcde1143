package io.dossier.sources.feed;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.sources.source.Source;
import io.dossier.sources.source.SourceDto;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The ordered, durable change feed of sources. Writers call {@link #lock()} then {@link #record} inside the
 * transaction that changes the source, so the entry commits with the change or not at all.
 */
@ApplicationScoped
public class ChangeFeed implements PanacheRepositoryBase<SourceChange, Long> {

    /** Key of the transaction-scoped advisory lock that orders feed writers (any constant unique to this use). */
    private static final long FEED_LOCK = 0x5011CEL;

    private final FeedConfig config;

    public ChangeFeed(FeedConfig config) {
        this.config = config;
    }

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

    /** The newest sequence number on the feed (0 when it is empty). */
    public long head() {
        Long head = getEntityManager().createQuery("select max(c.seq) from SourceChange c", Long.class)
                .getSingleResult();
        return head == null ? 0 : head;
    }

    /**
     * Entries after {@code after}, oldest first, each with the source's current state (null once deleted), so a
     * consumer that replays from 0 rebuilds everything. At most {@code limit} entries, and fewer when their texts
     * pass {@link FeedConfig#maxPageBytes()}.
     */
    public List<ChangeDto> read(long after, int limit, String collection) {
        String query = "select c, s from SourceChange c left join Source s on s.id = c.sourceId where c.seq > :after"
                + (collection == null ? "" : " and c.collection = :collection") + " order by c.seq";
        var select = getEntityManager().createQuery(query, Object[].class).setParameter("after", after);
        if (collection != null) {
            select.setParameter("collection", collection);
        }
        List<ChangeDto> page = new ArrayList<>();
        long bytes = 0;
        for (Object[] row : select.setMaxResults(limit).getResultList()) {
            SourceChange change = (SourceChange) row[0];
            Source source = (Source) row[1];
            bytes += source == null ? 0 : source.size;
            if (!page.isEmpty() && bytes > config.maxPageBytes()) {
                break;
            }
            page.add(new ChangeDto(change.seq, change.operation, change.sourceId, change.collection,
                    change.occurredAt, source == null ? null : SourceDto.of(source)));
        }
        return page;
    }
}
