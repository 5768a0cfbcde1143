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
import co.elastic.clients.elasticsearch._types.mapping.IndexOptions;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;

/**
 * The documents index: its name, its mapping, and bulk writes. Only the standard analyzer exists on the minimal
 * local Elasticsearch, so the mapping uses nothing else: folding (case, diacritics, apostrophes, Arabic letter forms)
 * is done in Java, into the {@code *Folded} fields, and queries are folded the same way.
 * <p>
 * Readers and writers use the alias {@link #name()}; it points at one concrete index per mapping version
 * ({@link #concreteName()}). A new mapping version gets a new index (with a checkpoint of its own, so the feed is
 * replayed into it from 0), and the alias moves to it.
 */
@ApplicationScoped
public class DocumentIndex {

    /** Raise when the mapping changes: the documents are then indexed again from the feed. */
    static final int MAPPING_VERSION = 2;

    private final ElasticsearchClient client;
    private final String alias;
    private final String concrete;
    private volatile boolean exists;

    public DocumentIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.alias = config.indexPrefix() + "-documents";
        this.concrete = alias + "-v" + MAPPING_VERSION;
    }

    /** The alias searched and written. */
    public String name() {
        return alias;
    }

    /** The index the alias points at, which names the feed checkpoint. */
    public String concreteName() {
        return concrete;
    }

    public void ensureExists() throws IOException {
        if (exists) {
            return;
        }
        var indices = client.indices();
        if (!indices.exists(e -> e.index(concrete)).value()) {
            Log.infof("creating index %s", concrete);
            indices.create(c -> c.index(concrete)
                    .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                    .mappings(m -> m.dynamic(DynamicMapping.False)
                            .properties("id", p -> p.keyword(k -> k))
                            .properties("collection", p -> p.keyword(k -> k))
                            .properties("title", p -> p.text(t -> t.analyzer("standard")))
                            .properties("titleFolded", p -> p.text(t -> t.analyzer("standard")))
                            .properties("authors", p -> p.keyword(k -> k.ignoreAbove(300)))
                            .properties("text", p -> p.text(t -> t.analyzer("standard")
                                    .indexOptions(IndexOptions.Offsets)))
                            .properties("textFolded", p -> p.text(t -> t.analyzer("standard")
                                    .indexOptions(IndexOptions.Offsets)))
                            .properties("url", p -> p.keyword(k -> k.ignoreAbove(2048)))
                            .properties("publisher", p -> p.keyword(k -> k.ignoreAbove(300)))
                            .properties("publishedAt", p -> p.date(d -> d))
                            .properties("language", p -> p.keyword(k -> k))
                            .properties("tags", p -> p.keyword(k -> k))
                            .properties("createdAt", p -> p.date(d -> d))
                            .properties("entityIds", p -> p.keyword(k -> k))
                            .properties("entityTypes", p -> p.keyword(k -> k))
                            .properties("entityFacets", p -> p.keyword(k -> k.ignoreAbove(1000)))
                            .properties("mentions", p -> p.object(o -> o.enabled(false)))));
        }
        boolean aliased = indices.existsAlias(a -> a.name(alias)).value();
        if (!aliased && indices.exists(e -> e.index(alias)).value()) {
            // the first layout: a plain index under the alias's name, with an older mapping
            Log.infof("deleting index %s (older mapping); %s replaces it", alias, concrete);
            indices.delete(d -> d.index(alias));
        }
        var current = aliased ? indices.getAlias(a -> a.name(alias)).result().keySet() : java.util.Set.<String>of();
        if (!current.equals(java.util.Set.of(concrete))) {
            Log.infof("alias %s now points at %s (was %s)", alias, concrete, current);
            indices.updateAliases(u -> {
                for (String old : current) {
                    u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
                }
                return u.actions(a -> a.add(ad -> ad.index(concrete).alias(alias)));
            });
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
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(concrete).id(document.id()).document(document))));
        }
        for (String id : deletions) {
            operations.add(BulkOperation.of(b -> b.delete(d -> d.index(concrete).id(id))));
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
