package io.dossier.search.notes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.query.CollectionAccess;
import io.dossier.search.query.SearchService;
import io.quarkus.security.identity.SecurityIdentity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * The notes whose passages mention an entity, from the documents index (each document carries its notes, linked to
 * the entities inside their passages whenever the document is linked): newest first, only on documents the caller
 * may read. The first {@link #MAX_DOCUMENTS} documents are looked at, those whose notes changed last first.
 */
@ApplicationScoped
public class NoteListing {

    /** The most documents looked at for one listing. */
    static final int MAX_DOCUMENTS = 200;

    private final ElasticsearchClient client;
    private final DocumentIndex index;

    NoteListing(ElasticsearchClient client, DocumentIndex index) {
        this.client = client;
        this.index = index;
    }

    NoteHits aboutEntity(String entityId, int size, SecurityIdentity identity) {
        List<Query> filters = new ArrayList<>();
        CollectionAccess.filter(CollectionAccess.readable(identity)).ifPresent(filters::add);
        filters.add(Query.of(q -> q.term(t -> t.field("noteEntityIds").value(FieldValue.of(entityId)))));
        try {
            SearchResponse<IndexedDocument> found = client.search(s -> s.index(index.name())
                    .ignoreUnavailable(true).size(MAX_DOCUMENTS).trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes("title", "collection", "language", "publishedAt",
                            "notes")))
                    // the documents whose notes changed last first: their notes are the newest
                    .sort(o -> o.field(f -> f.field("notesUpdatedAt").order(SortOrder.Desc)
                            // an index of an older mapping (live while its replacement is built) lacks the field
                            .unmappedType(co.elastic.clients.elasticsearch._types.mapping.FieldType.Date)))
                    .query(q -> q.bool(b -> b.filter(filters))), IndexedDocument.class);
            List<NoteHits.NoteHit> notes = new ArrayList<>();
            for (Hit<IndexedDocument> hit : found.hits().hits()) {
                IndexedDocument d = hit.source();
                if (d == null || d.notes() == null) {
                    continue;
                }
                for (IndexedDocument.IndexedNote n : d.notes()) {
                    if (n.entityIds() != null && n.entityIds().contains(entityId)) {
                        notes.add(new NoteHits.NoteHit(n.id(), hit.id(), d.title(), d.collection(), d.language(),
                                d.publishedAt(), n.start(), n.end(), n.quote(), n.text(), n.author(), n.createdAt(),
                                n.updatedBy(), n.updatedAt(), n.entityIds()));
                    }
                }
            }
            notes.sort(Comparator.comparing((NoteHits.NoteHit n) -> {
                Instant at = IndexedDocument.IndexedNote.instant(n.updatedAt());
                return at == null ? Instant.EPOCH : at;
            }).reversed().thenComparing(NoteHits.NoteHit::id));
            long documents = found.hits().total() == null
                    ? found.hits().hits().size()
                    : found.hits().total().value();
            return new NoteHits(notes.size() > size ? List.copyOf(notes.subList(0, size)) : notes, documents);
        } catch (ElasticsearchException | IOException e) {
            throw SearchService.unavailable("note listing", e);
        }
    }
}
