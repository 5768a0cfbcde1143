package io.dossier.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.common.text.TextAnalysis;
import io.dossier.common.text.TextFolding;
import io.dossier.search.indexing.EntityIndex;
import io.dossier.search.indexing.IndexedEntity;
import io.quarkus.logging.Log;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * The registry entities a query is about, shown beside the documents: those with a name that the query's words are
 * (whole, or every word the start of a word of the name, or a typo away), and those tagged with one of its words in
 * any of its forms ("militias" shows the actors tagged militia). The registry is open to every reader, so this tells
 * nothing of any collection. Best effort: without an answer from the entities index, none are shown. Asked at the
 * start of a search and awaited after the documents, so it adds no round trip to the search's time.
 */
@ApplicationScoped
class EntityMatches {

    /** How long a search waits for the entities beside its results, after its documents arrived. */
    private static final long WAIT_MS = 500;

    private final ElasticsearchAsyncClient client;
    private final EntityIndex entities;

    EntityMatches(ElasticsearchAsyncClient client, EntityIndex entities) {
        this.client = client;
        this.entities = entities;
    }

    /** The entities the query is about, asked now; {@link #await} takes the answer. */
    CompletableFuture<List<SearchResults.EntityMatch>> find(ParsedQuery parsed, int size) {
        List<QueryNode.Word> words = parsed.words();
        if (words.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String whole = TextFolding.fold(String.join(" ", words.stream().map(QueryNode.Word::text).toList()));
        Set<String> tagForms = new LinkedHashSet<>();
        for (QueryNode.Word w : words) {
            tagForms.addAll(TextAnalysis.queryStems(w.text()));
        }
        List<FieldValue> tags = tagForms.stream().map(FieldValue::of).toList();
        try {
            return client.search(s -> s.index(entities.name())
                    .ignoreUnavailable(true).size(size).trackTotalHits(t -> t.enabled(false))
                    .query(x -> x.bool(b -> b
                            .should(Query.of(y -> y.term(t -> t.field("namesExact").value(whole).boost(8f))))
                            .should(Query.of(y -> y.matchBoolPrefix(m -> m.field("namesFolded").query(whole)
                                    .operator(Operator.And).boost(2f))))
                            .should(Query.of(y -> y.match(m -> m.field("namesFolded").query(whole)
                                    // a typo in a longer word, not another short word ("attack" is no "Attar")
                                    .fuzziness("AUTO:5,9").prefixLength(1).maxExpansions(20)
                                    .operator(Operator.And).boost(0.5f))))
                            // an actor tagged with the word ranks above names merely like it
                            .should(Query.of(y -> y.terms(t -> t.field("tags").terms(v -> v.value(tags))
                                    .boost(4f))))
                            .minimumShouldMatch("1"))),
                    IndexedEntity.class).thenApply(response -> matches(response, whole, tagForms));
        } catch (RuntimeException e) {
            // a request the client could not even build or send
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The answer of {@link #find}, or none if it failed or did not come in time. */
    static List<SearchResults.EntityMatch> await(CompletableFuture<List<SearchResults.EntityMatch>> matches) {
        try {
            return matches.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            matches.cancel(false);
            Log.infof("entities beside the results not shown: no answer from the entities index in %d ms", WAIT_MS);
            return List.of();
        } catch (ExecutionException e) {
            Log.debugf("entities beside the results not shown: %s", e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<SearchResults.EntityMatch> matches(SearchResponse<IndexedEntity> response, String whole,
            Set<String> tagForms) {
        List<SearchResults.EntityMatch> out = new ArrayList<>();
        for (Hit<IndexedEntity> hit : response.hits().hits()) {
            IndexedEntity e = hit.source();
            if (e != null) {
                out.add(new SearchResults.EntityMatch(e.id(), e.type(), e.primaryName(), why(e, whole, tagForms)));
            }
        }
        return out;
    }

    /** Why an entity matched, in words: the name that matched, or the tag. */
    static String why(IndexedEntity e, String whole, Set<String> tagForms) {
        for (int i = 0; i < e.names().size(); i++) {
            if (e.namesFolded().get(i).equals(whole)) {
                return "named " + e.names().get(i);
            }
        }
        for (String tag : e.tags()) {
            if (tagForms.contains(TextFolding.fold(tag))) {
                return "tagged " + tag;
            }
        }
        return "a name like " + closest(e, whole);
    }

    /** The entity's name that shares the most words' beginnings with the query. */
    private static String closest(IndexedEntity e, String whole) {
        String[] words = whole.split(" ");
        String best = e.primaryName();
        int bestShared = 0;
        for (int i = 0; i < e.names().size(); i++) {
            int shared = 0;
            for (String w : words) {
                for (String n : e.namesFolded().get(i).split(" ")) {
                    if (!w.isEmpty() && (n.startsWith(w) || w.startsWith(n))) {
                        shared++;
                        break;
                    }
                }
            }
            if (shared > bestShared) {
                bestShared = shared;
                best = e.names().get(i);
            }
        }
        return best;
    }
}
