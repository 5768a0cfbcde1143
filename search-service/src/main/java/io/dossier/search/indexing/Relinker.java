package io.dossier.search.indexing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * Follows the registry's change feed: keeps the entities index (typeahead) current, and re-links the documents a
 * change affects, so that a new alias, a merge or a deletion reaches the documents already indexed.
 * <p>
 * For a page of changes, it waits until the entities service links with a registry that includes them, then finds
 * the documents linked before them ({@code linkedThrough} lower) that are linked to a changed entity or contain one
 * of its names (a phrase of its folded name), and links those again, a slice at a time between the sources feed's
 * batches so that new sources stay fresh. The feed checkpoint moves once the page is done; after a crash the page is
 * done again, which is harmless.
 * <p>
 * Run only from the indexer thread ({@link FeedIndexer}); not thread-safe.
 */
@ApplicationScoped
public class Relinker {

    static final String ENTITIES_FEED = "entities";
    private static final int PAGE = 200;
    private static final int SLICE = 100;
    /** Clauses per candidate query, well under Elasticsearch's limit. */
    private static final int CLAUSES = 400;
    /**
     * Fuzzy clauses per query, each expanded to at most {@link #VARIANT_EXPANSIONS} terms: at most 1,000 terms a query,
     * under Elasticsearch's limit on clauses whatever the candidates hold.
     */
    private static final int VARIANT_CLAUSES = 100;
    private static final int VARIANT_EXPANSIONS = 10;

    private final EntitiesFeedApi feed;
    private final EntityIndex entityIndex;
    private final DocumentIndex documents;
    private final DocumentLinker linker;
    private final Checkpoints checkpoints;
    private final ElasticsearchClient client;
    private final IndexerLease lease;

    private volatile long position = -1;
    /** The page being worked on, or null. */
    private EntitiesFeedApi.Page page;
    private boolean scanned;
    /** Documents still to re-link, per concrete index. */
    private final Map<String, Set<String>> pending = new LinkedHashMap<>();
    private volatile long relinked;
    private volatile int pendingSeen;

    private final Instance<IndexedDocumentsListener> listeners;

    public Relinker(@RestClient EntitiesFeedApi feed, EntityIndex entityIndex, DocumentIndex documents,
            DocumentLinker linker, Checkpoints checkpoints, ElasticsearchClient client, IndexerLease lease,
            Instance<IndexedDocumentsListener> listeners) {
        this.listeners = listeners;
        this.feed = feed;
        this.entityIndex = entityIndex;
        this.documents = documents;
        this.linker = linker;
        this.checkpoints = checkpoints;
        this.client = client;
        this.lease = lease;
    }

    /**
     * Reads the stored checkpoint and raises the linker's floor to it: the registry changes before it were re-linked
     * by whichever instance followed them, so a document linked from now on must reflect them too.
     */
    void prime() throws IOException {
        entityIndex.ensureExists();
        position = checkpoints.get(checkpointKey());
        linker.raiseFloor(position);
    }

    /** Forgets the work in hand (after a failure): it starts again from the stored checkpoint. */
    void reset() {
        position = -1;
        page = null;
        scanned = false;
        pending.clear();
        pendingSeen = 0;
    }

    /** Documents re-linked since start (for the status). */
    long relinked() {
        return relinked;
    }

    /** Documents waiting to be re-linked (read on the poller's thread). */
    int pending() {
        int count = pending.values().stream().mapToInt(Set::size).sum();
        pendingSeen = count;
        return count;
    }

    /**
     * The waiting documents as last counted by the poller: for threads other than the poller's (a metrics scrape),
     * which must not walk the map while it changes.
     */
    int pendingSeen() {
        return pendingSeen;
    }

    /** The registry feed position indexed (-1 before the first step). */
    long position() {
        return position;
    }

    /** Drops the work for an index that no longer exists. */
    void forget(String index) {
        pending.remove(index);
        pending();
    }

    /** One bounded step; returns whether it did anything (false: idle, or waiting for the entities service). */
    boolean step() throws IOException, DocumentLinker.LinkerBehindException {
        if (page == null) {
            return readPage();
        }
        if (!scanned) {
            long target = page.next();
            if (linker.registrySeq() < target) {
                return false; // the entities service has not rebuilt its linker yet: ask again on the next poll
            }
            linker.raiseFloor(target);
            Map<String, List<String>> names = new LinkedHashMap<>();
            for (EntitiesFeedApi.Entry change : page.changes()) {
                EntitiesFeedApi.Entity e = change.entity();
                names.put(change.entityId(),
                        e == null || e.mergedInto() != null ? List.of() : IndexedEntity.of(e).namesFolded());
            }
            listeners.forEach(l -> l.registryChanged(names)); // saved searches that name a changed entity
            scan();
            scanned = true;
            return true;
        }
        if (relinkSlice()) {
            return true;
        }
        checkpoints.put(checkpointKey(), page.next());
        position = page.next();
        page = null;
        scanned = false;
        return true;
    }

    private boolean readPage() throws IOException {
        if (position < 0) {
            prime();
        }
        EntitiesFeedApi.Page next = feed.changes(position, PAGE);
        if (next.changes().isEmpty()) {
            return false;
        }
        List<IndexedEntity> upserts = new ArrayList<>();
        List<String> deletions = new ArrayList<>();
        Map<String, EntitiesFeedApi.Entry> latest = new LinkedHashMap<>();
        for (EntitiesFeedApi.Entry change : next.changes()) {
            latest.put(change.entityId(), change); // the entity's state is its current one: the last entry will do
        }
        for (EntitiesFeedApi.Entry change : latest.values()) {
            EntitiesFeedApi.Entity e = change.entity();
            if (e == null || e.mergedInto() != null) {
                deletions.add(change.entityId());
            } else {
                upserts.add(IndexedEntity.of(e));
            }
        }
        entityIndex.write(upserts, deletions);
        Map<String, String> merges = new LinkedHashMap<>();
        for (EntitiesFeedApi.Entry change : latest.values()) {
            if (change.entity() != null && change.entity().mergedInto() != null) {
                merges.put(change.entityId(), change.entity().mergedInto());
            }
        }
        if (!merges.isEmpty()) {
            listeners.forEach(l -> l.merged(merges)); // watches of a merged entity follow it to the survivor
        }
        page = new EntitiesFeedApi.Page(List.copyOf(latest.values()), next.next(), next.head());
        return true;
    }

    /** Collects the documents, in every index written to, linked before the page that it may change. */
    private void scan() throws IOException {
        documents.refreshWritten(); // the scan searches: documents written without a refresh must be seen
        List<Query> clauses = new ArrayList<>();
        List<FieldValue> ids = page.changes().stream().map(c -> FieldValue.of(c.entityId())).toList();
        clauses.add(Query.of(q -> q.terms(t -> t.field("entityIds").terms(v -> v.value(ids)))));
        Set<String> phrases = new LinkedHashSet<>();
        for (EntitiesFeedApi.Entry change : page.changes()) {
            EntitiesFeedApi.Entity e = change.entity();
            if (e == null || e.mergedInto() != null) {
                continue; // its documents are found by id
            }
            for (String name : IndexedEntity.of(e).namesFolded()) {
                if (name.length() >= 2) {
                    phrases.add(name);
                }
            }
        }
        for (String phrase : phrases) {
            // the folded words as written: *Forms since mapping 400, *Folded before (a rebuild writes to both)
            clauses.add(Query.of(q -> q.multiMatch(m -> m.query(phrase).type(TextQueryType.Phrase)
                    .fields("titleForms", "textForms", "titleFolded", "textFolded"))));
        }
        List<Query> variants = variantClauses(page.changes());
        long before = page.next();
        for (String index : documents.writable()) {
            Set<String> found = pending.computeIfAbsent(index, i -> new LinkedHashSet<>());
            for (int from = 0; from < clauses.size(); from += CLAUSES) {
                List<Query> slice = clauses.subList(from, Math.min(clauses.size(), from + CLAUSES));
                collect(index, slice, before, found);
            }
            for (int from = 0; from < variants.size(); from += VARIANT_CLAUSES) {
                collect(index, variants.subList(from, Math.min(variants.size(), from + VARIANT_CLAUSES)), before,
                        found);
            }
        }
        int count = pending();
        if (count > 0) {
            Log.infof("registry changes up to %d: %d documents to link again", before, count);
        }
    }

    /**
     * The documents in which the spotter found a name within an edit or two of a changed entity's name, of its type
     * ({@code candidates}: "TYPE|name" as written): a spelling the registry lacks ("al-Mohammedawi" for a new
     * "al-Mohammadawi") is a possible mention of it once linked again, as in a document that arrives after it.
     * Spellings further apart are found in the documents that arrive later only.
     */
    static List<Query> variantClauses(List<EntitiesFeedApi.Entry> changes) {
        Set<String> keys = new LinkedHashSet<>();
        for (EntitiesFeedApi.Entry change : changes) {
            EntitiesFeedApi.Entity e = change.entity();
            if (e == null || e.mergedInto() != null || !SPOTTED_TYPES.contains(e.type())) {
                continue;
            }
            for (String name : IndexedEntity.of(e).names()) {
                if (name != null && name.length() >= SHORTEST_VARIANT && name.length() <= 200) {
                    keys.add(e.type() + "|" + name);
                }
            }
        }
        List<Query> clauses = new ArrayList<>(keys.size());
        for (String key : keys) {
            int prefix = key.indexOf('|') + 1; // the type is no part of the spelling
            // one edit in a name shorter than 15 characters, two in a longer one: what a score of 0.85 leaves
            String edits = key.length() - prefix >= 15 ? "2" : "1";
            clauses.add(Query.of(q -> q.fuzzy(f -> f.field("candidates").value(key).fuzziness(edits)
                    .prefixLength(prefix).transpositions(true).maxExpansions(VARIANT_EXPANSIONS))));
        }
        return clauses;
    }

    /** Characters a name needs for its variants to be looked for: shorter ones are too alike to others. */
    private static final int SHORTEST_VARIANT = 8;

    /** The types of the names the spotter finds. */
    private static final Set<String> SPOTTED_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");

    private void collect(String index, List<Query> anyOf, long before, Set<String> into) throws IOException {
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Void> response = client.search(s -> {
                s.index(index).size(1000).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.bool(b -> b.should(anyOf).minimumShouldMatch("1")
                                .filter(f -> f.range(r -> r.number(n -> n.field("linkedThrough")
                                        .lt((double) before))))))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Void.class);
            List<Hit<Void>> hits = response.hits().hits();
            for (Hit<Void> hit : hits) {
                into.add(hit.id());
            }
            if (hits.size() < 1000) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** Links one slice of the pending documents again; false when none is left. */
    private boolean relinkSlice() throws IOException, DocumentLinker.LinkerBehindException {
        if (!lease.mayWrite()) {
            throw new IllegalStateException("the indexer lease has too little time left to re-link");
        }
        Iterator<Map.Entry<String, Set<String>>> indexes = pending.entrySet().iterator();
        while (indexes.hasNext()) {
            Map.Entry<String, Set<String>> entry = indexes.next();
            if (entry.getValue().isEmpty()) {
                indexes.remove();
                continue;
            }
            String index = entry.getKey();
            List<String> ids = entry.getValue().stream().limit(SLICE).toList();
            MgetResponse<IndexedDocument> got = client.mget(m -> m.index(index).ids(ids)
                    .sourceExcludes(DocumentIndex.SOURCE_EXCLUDES), IndexedDocument.class);
            List<IndexedDocument> found = new ArrayList<>();
            for (MultiGetResponseItem<IndexedDocument> item : got.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null) {
                    found.add(item.result().source());
                } // else: deleted since the scan
            }
            List<DocumentLinker.Links> links = linker.linkAll(found.stream()
                    .map(d -> new String[]{d.title(), d.text()}).toList());
            List<IndexedDocument> linked = new ArrayList<>(found.size());
            for (int i = 0; i < found.size(); i++) {
                linked.add(found.get(i).relinked(links.get(i)));
            }
            documents.write(index, linked, List.of());
            if (index.equals(documents.liveName())) {
                listeners.forEach(l -> l.indexed(linked, List.of()));
            }
            ids.forEach(entry.getValue()::remove);
            relinked += linked.size();
            pending();
            return true;
        }
        pending();
        return false;
    }

    /** The checkpoint belongs to the entities index: a new one is filled from the start of the feed. */
    private String checkpointKey() {
        return ENTITIES_FEED + "@" + entityIndex.name();
    }
}
