package io.dossier.sources.feed;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.dossier.sources.journal.SourceChange;
import io.dossier.sources.note.NoteDto;
import io.dossier.sources.note.NoteRepository;
import io.dossier.sources.source.Source;
import io.dossier.sources.source.SourceDto;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The ordered, durable change feed of sources as its consumers read it: the journal's entries ({@link ChangeJournal})
 * with each source's current state and notes.
 */
@ApplicationScoped
public class ChangeFeed implements PanacheRepositoryBase<SourceChange, Long> {

    private final FeedConfig config;
    private final NoteRepository notes;

    public ChangeFeed(FeedConfig config, NoteRepository notes) {
        this.config = config;
        this.notes = notes;
    }

    /**
     * Entries after {@code after}, oldest first, each with the source's current state (null once deleted), so a
     * consumer that replays from 0 rebuilds everything. At most {@code limit} entries, and fewer when their texts
     * (and their notes) pass {@link FeedConfig#maxPageBytes()}: the page is cut on sizes alone, so no more text than
     * that is loaded.
     */
    public List<ChangeDto> read(long after, int limit, Set<String> collections) {
        if (collections != null && collections.isEmpty()) {
            return List.of();
        }
        // a reader limited to some collections sees the changes made in them, and the moves out of them
        String filter = " where c.seq > :after" + (collections == null
                ? ""
                : " and (c.collection in :collections or c.previousCollection in :collections)");
        // a source's size, and its notes' (the entry carries them too)
        var sizes = getEntityManager().createQuery("select c.seq, coalesce(s.size, 0) + coalesce((select "
                + "sum(length(n.body) + length(n.quote)) from Note n where n.sourceId = s.id), 0) from SourceChange c"
                + " left join Source s on s.id = c.sourceId" + filter + " order by c.seq", Object[].class);
        long last = after;
        long bytes = 0;
        for (Object[] row : bind(sizes, after, collections).setMaxResults(limit).getResultList()) {
            bytes += ((Number) row[1]).longValue();
            if (last > after && bytes > config.maxPageBytes()) {
                break;
            }
            last = (Long) row[0];
        }
        if (last == after) {
            return List.of();
        }
        var entries = getEntityManager().createQuery("select c, s from SourceChange c"
                + " left join Source s on s.id = c.sourceId" + filter + " and c.seq <= :last order by c.seq",
                Object[].class).setParameter("last", last);
        List<Object[]> rows = bind(entries, after, collections).getResultList();
        Map<UUID, List<NoteDto>> notesOf = notes.ofSources(rows.stream().filter(row -> row[1] != null)
                .map(row -> ((Source) row[1]).id).collect(Collectors.toSet()));
        return rows.stream().map(row -> {
            SourceChange change = (SourceChange) row[0];
            Source source = (Source) row[1];
            boolean current = source != null && (collections == null || collections.contains(source.collection));
            // a move out of the reader's collections reads as a removal: no state, under the collection it left; a
            // source that has moved out since reads the same way on every entry
            String collection = collections == null || collections.contains(change.collection)
                    ? change.collection
                    : change.previousCollection;
            return new ChangeDto(change.seq, change.operation, change.sourceId, collection, change.occurredAt,
                    current ? SourceDto.of(source) : null,
                    current ? notesOf.getOrDefault(source.id, List.of()) : null);
        }).toList();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, long after, Set<String> collections) {
        query.setParameter("after", after);
        if (collections != null) {
            query.setParameter("collections", collections);
        }
        return query;
    }
}
