package io.dossier.search.entities;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.common.text.TextFolding;
import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.EntityIndex;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.indexing.IndexedEntity;
import io.dossier.search.query.CollectionAccess;
import io.dossier.search.query.SearchService;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/** Entity typeahead over the entities index, and co-mentioned entities over the documents index. */
@ApplicationScoped
public class EntitySearchService {

    private final ElasticsearchClient client;
    private final EntityIndex entities;
    private final DocumentIndex documents;

    public EntitySearchService(ElasticsearchClient client, EntityIndex entities, DocumentIndex documents) {
        this.client = client;
        this.entities = entities;
        this.documents = documents;
    }

    /**
     * Entities with a name that what was typed begins (each word a prefix of a word of the name, in order or not), or
     * is within a typo or two of: "kataib hez", "كتائب حز", "Qaany". An exact name ranks first, then a name that
     * begins with the query, then prefix matches, then fuzzy ones.
     */
    public EntitySuggestions suggest(String typed, List<String> types, int size) {
        String q = TextFolding.fold(typed).strip();
        if (q.isEmpty()) {
            return new EntitySuggestions(List.of());
        }
        List<FieldValue> typeValues = types.stream().map(FieldValue::of).toList();
        try {
            SearchResponse<IndexedEntity> response = client.search(s -> s.index(entities.name())
                    .ignoreUnavailable(true).size(size).trackTotalHits(t -> t.enabled(false))
                    .query(x -> x.bool(b -> {
                        b.should(Query.of(y -> y.term(t -> t.field("namesExact").value(q).boost(8f))))
                                .should(Query.of(y -> y.matchPhrasePrefix(m -> m.field("namesFolded").query(q)
                                        .maxExpansions(20).boost(3f))))
                                .should(Query.of(y -> y.matchBoolPrefix(m -> m.field("namesFolded").query(q)
                                        .operator(Operator.And))))
                                .should(Query.of(y -> y.match(m -> m.field("namesFolded").query(q)
                                        .fuzziness("AUTO").prefixLength(1).maxExpansions(20)
                                        .operator(Operator.And).boost(0.5f))))
                                .minimumShouldMatch("1");
                        if (!typeValues.isEmpty()) {
                            b.filter(f -> f.terms(t -> t.field("type").terms(v -> v.value(typeValues))));
                        }
                        return b;
                    })), IndexedEntity.class);
            List<EntitySuggestions.Suggestion> out = new ArrayList<>();
            for (Hit<IndexedEntity> hit : response.hits().hits()) {
                IndexedEntity e = hit.source();
                out.add(new EntitySuggestions.Suggestion(e.id(), e.type(), e.primaryName(), matchedName(e, q),
                        hit.score() == null ? 0 : hit.score()));
            }
            return new EntitySuggestions(out);
        } catch (ElasticsearchException | IOException e) {
            throw SearchService.unavailable("entity typeahead", e);
        }
    }

    /** The entity's name closest to what was typed: equal, then beginning with it, then word prefixes. */
    static String matchedName(IndexedEntity e, String folded) {
        String[] words = folded.split("\\s+");
        String best = e.primaryName();
        int bestRank = -1;
        for (int i = 0; i < e.names().size(); i++) {
            String name = e.namesFolded().get(i);
            int rank = name.equals(folded) ? 3 : name.startsWith(folded) ? 2 : allPrefixes(words, name) ? 1 : 0;
            if (rank > bestRank || (rank == bestRank && rank > 0 && e.names().get(i).length() < best.length())) {
                best = e.names().get(i);
                bestRank = rank;
            }
        }
        return best;
    }

    private static boolean allPrefixes(String[] words, String name) {
        String[] nameWords = name.split("[^\\p{L}\\p{N}]+");
        for (String w : words) {
            boolean found = false;
            for (String n : nameWords) {
                if (n.startsWith(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** The entities most often linked in the same documents as {@code entityId}, in what the caller may read. */
    public CoMentions coMentioned(String entityId, Set<String> readable, int size) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("entityIds").value(entityId))));
        CollectionAccess.filter(readable).ifPresent(filters::add);
        try {
            SearchResponse<Void> response = client.search(s -> s.index(documents.name()).ignoreUnavailable(true)
                    .size(0).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .aggregations("entities", a -> a.terms(t -> t.field("entityFacets").size(size + 1))),
                    Void.class);
            List<CoMentions.CoMentioned> out = new ArrayList<>();
            for (StringTermsBucket b : response.aggregations().get("entities").sterms().buckets().array()) {
                var facet = IndexedDocument.EntityFacet.parse(b.key().stringValue());
                if (!facet.id().equals(entityId) && out.size() < size) {
                    out.add(new CoMentions.CoMentioned(facet.id(), facet.type(), facet.name(), b.docCount()));
                }
            }
            long total = response.hits().total() == null ? 0 : response.hits().total().value();
            return new CoMentions(entityId, total, out);
        } catch (ElasticsearchException | IOException e) {
            throw SearchService.unavailable("co-mentioned entities", e);
        }
    }
}
