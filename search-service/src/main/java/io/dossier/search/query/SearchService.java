package io.dossier.search.query;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.common.problem.ProblemException;
import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.IndexedDocument;
import io.quarkus.logging.Log;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;

@ApplicationScoped
public class SearchService {

    private final ElasticsearchClient client;
    private final DocumentIndex index;

    public SearchService(ElasticsearchClient client, DocumentIndex index) {
        this.client = client;
        this.index = index;
    }

    public SearchResults search(String q, int from, int size) {
        try {
            SearchResponse<IndexedDocument> response = client.search(s -> s.index(index.name())
                    .ignoreUnavailable(true)
                    .from(from).size(size).trackTotalHits(t -> t.enabled(true))
                    .query(query -> query.simpleQueryString(sq -> sq.query(q).fields("title^2", "text")
                            .defaultOperator(Operator.And)))
                    .source(src -> src.filter(f -> f.excludes("text")))
                    .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>")
                            .fields("title", f -> f.numberOfFragments(0))
                            .fields("text", f -> f.fragmentSize(180).numberOfFragments(3))),
                    IndexedDocument.class);
            List<SearchResults.Hit> hits = response.hits().hits().stream().map(hit -> {
                IndexedDocument d = hit.source();
                Map<String, List<String>> highlights = hit.highlight();
                return new SearchResults.Hit(hit.id(), d.title(), d.url(), d.publisher(), d.publishedAt(),
                        d.collection(), hit.score() == null ? 0 : hit.score(), highlights);
            }).toList();
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new SearchResults(total, hits);
        } catch (ElasticsearchException e) {
            Log.warnf("search failed in Elasticsearch (%d): %s", e.status(), e.getMessage());
            if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
                throw new ProblemException(400, "The query could not be run; check its syntax");
            }
            throw new ProblemException(503, "Search is unavailable right now; try again shortly");
        } catch (IOException e) {
            Log.warnf("Elasticsearch unreachable: %s", e.getMessage());
            throw new ProblemException(503, "Search is unavailable right now; try again shortly");
        }
    }
}
