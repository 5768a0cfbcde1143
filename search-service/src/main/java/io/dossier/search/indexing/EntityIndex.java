package io.dossier.search.indexing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.search.SearchConfig;
import io.quarkus.logging.Log;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;

/**
 * The entities index, for typeahead, filled from the registry's change feed. Names are folded in Java like the
 * documents' text; prefixes are indexed ({@code index_prefixes}, a core feature, so it works on the minimal local
 * Elasticsearch) so that a query typed so far is answered from the index, not by expanding terms. A new mapping
 * version is a new index, filled again from the start of the feed (it is small: the registry, not the documents).
 */
@ApplicationScoped
public class EntityIndex {

    static final int MAPPING_VERSION = 1;

    private final ElasticsearchClient client;
    private final String name;
    private volatile boolean exists;

    public EntityIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.name = config.indexPrefix() + "-entities-v" + MAPPING_VERSION;
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
                    .mappings(m -> m.dynamic(DynamicMapping.False)
                            .properties("id", p -> p.keyword(k -> k))
                            .properties("type", p -> p.keyword(k -> k))
                            .properties("primaryName", p -> p.keyword(k -> k.index(false)))
                            .properties("description", p -> p.keyword(k -> k.index(false)))
                            .properties("names", p -> p.keyword(k -> k.index(false)))
                            .properties("namesFolded", p -> p.text(t -> t.analyzer("standard")
                                    .indexPrefixes(ip -> ip.minChars(1).maxChars(10))
                                    .positionIncrementGap(100)))
                            .properties("namesExact", p -> p.keyword(k -> k.ignoreAbove(500)))
                            .properties("tags", p -> p.keyword(k -> k))));
        }
        exists = true;
    }

    /** Writes entities and removes deleted or merged ones; returns when it is searchable. Idempotent. */
    public void write(List<IndexedEntity> upserts, List<String> deletions) throws IOException {
        ensureExists();
        List<BulkOperation> operations = new ArrayList<>();
        for (IndexedEntity entity : upserts) {
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(name).id(entity.id()).document(entity))));
        }
        for (String id : deletions) {
            operations.add(BulkOperation.of(b -> b.delete(d -> d.index(name).id(id))));
        }
        if (operations.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(b -> b.operations(operations).refresh(Refresh.True));
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null || (item.status() == 404 && item.operationType() == OperationType.Delete)) {
                    continue;
                }
                if (item.status() == 429 || item.status() >= 500) {
                    throw new IOException("Elasticsearch could not take entity " + item.id() + " now ("
                            + item.status() + "); the batch will be retried");
                }
                Log.errorf("entity %s refused by Elasticsearch and skipped: %s", item.id(), item.error().reason());
            }
        }
    }
}
