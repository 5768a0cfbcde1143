package io.dossier.search.indexing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.search.SearchConfig;
import io.quarkus.logging.Log;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;

/**
 * The documents index: its name, its mapping, and bulk writes. Only the standard analyzer exists on the minimal
 * local Elasticsearch, so the mapping uses nothing else.
 */
@ApplicationScoped
public class DocumentIndex {

    private final ElasticsearchClient client;
    private final String name;
    private volatile boolean exists;

    public DocumentIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.name = config.indexPrefix() + "-documents";
    }

    public String name() {
        return name;
    }

    public void ensureExists() throws IOException {
        if (exists) {
            return;
        }
        if (!client.indices().exists(e -> e.index(name)).value()) {
            Log.infof("creating index %s", name);
            client.indices().create(c -> c.index(name)
                    .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                    .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)
                            .properties("id", p -> p.keyword(k -> k))
                            .properties("collection", p -> p.keyword(k -> k))
                            .properties("title", p -> p.text(t -> t.analyzer("standard")))
                            .properties("text", p -> p.text(t -> t.analyzer("standard")
                                    .termVector(
                                            co.elastic.clients.elasticsearch._types.mapping.TermVectorOption.WithPositionsOffsets)))
                            .properties("url", p -> p.keyword(k -> k.ignoreAbove(2048)))
                            .properties("publisher", p -> p.keyword(k -> k.ignoreAbove(300)))
                            .properties("publishedAt", p -> p.date(d -> d))
                            .properties("createdAt", p -> p.date(d -> d))));
        }
        exists = true;
    }

    /**
     * Writes a batch of upserts and deletions; returns when they are searchable. Idempotent (ids are the source ids),
     * so a batch replayed after a crash changes nothing.
     */
    public void write(List<IndexedDocument> upserts, List<String> deletions) throws IOException {
        ensureExists();
        List<BulkOperation> operations = new ArrayList<>();
        for (IndexedDocument document : upserts) {
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(name).id(document.id()).document(document))));
        }
        for (String id : deletions) {
            operations.add(BulkOperation.of(b -> b.delete(d -> d.index(name).id(id))));
        }
        if (operations.isEmpty()) {
            return;
        }
        // Refresh now rather than wait for the next scheduled refresh: a new source is searchable within the poll
        // interval plus this call. Batches grow under load, so refreshes stay few.
        BulkResponse response = client.bulk(b -> b.operations(operations).refresh(Refresh.True));
        if (response.errors()) {
            List<BulkResponseItem> retry = new ArrayList<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null || (item.status() == 404 && item.operationType() == OperationType.Delete)) {
                    continue; // done, or already gone
                }
                if (item.status() == 429 || item.status() >= 500) {
                    retry.add(item);
                } else {
                    // the document itself is refused (e.g. a value the mapping cannot take): retrying cannot help,
                    // and it must not hold up every later source
                    Log.errorf("document %s refused by Elasticsearch and skipped: %s", item.id(),
                            item.error().reason());
                }
            }
            if (!retry.isEmpty()) {
                throw new IOException("Elasticsearch could not take " + retry.size() + " documents now (first: "
                        + retry.get(0).status() + " " + retry.get(0).error().type() + "); the batch will be retried");
            }
        }
    }
}
