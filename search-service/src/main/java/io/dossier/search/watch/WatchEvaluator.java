package io.dossier.search.watch;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.indexing.IndexedDocumentsListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;

/**
 * Watches evaluated against every batch the indexer writes to the live index, in memory: entity watches by the
 * documents' links, saved searches as the Lucene query Elasticsearch would run ({@link InMemoryQuery}) against each
 * document alone ({@link InMemoryDocument}), and only the saved searches one of whose key terms the document holds.
 * Each match is stored once per (watch, document) whatever replays the feed or a re-link brings: the notifications'
 * unique key decides, in the same transaction for the whole batch, before the indexer's checkpoint moves. The same
 * statement queues each new notification for its owner's enabled webhooks ({@code webhook_outbox}), so a webhook is
 * given each notification exactly once too.
 */
@ApplicationScoped
public class WatchEvaluator implements IndexedDocumentsListener {

    private final WatchRepository watches;
    private final WatchCompiler compiler;
    private final EntityManager em;
    private final WatchService service;
    private volatile Compiled compiled = Compiled.EMPTY;
    private volatile String loaded;

    /** The watches' metrics: the time to evaluate a written batch, and the notifications it yields. */
    private final Timer evaluation;
    private final Counter notified;

    WatchEvaluator(WatchRepository watches, WatchCompiler compiler, EntityManager em, WatchService service,
            MeterRegistry registry) {
        this.evaluation = Timer.builder("dossier.watches.evaluation")
                .description("Time to evaluate every watch against a batch of written documents").register(registry);
        this.notified = Counter.builder("dossier.watches.notifications")
                .description("Matches of a watch found in written batches (a notification is stored only for a new "
                        + "(watch, document) pair: re-indexed documents match again)")
                .register(registry);
        this.service = service;
        this.watches = watches;
        this.compiler = compiler;
        this.em = em;
    }

    /** A watch ready to evaluate. */
    record CompiledWatch(UUID id, String reason, InMemoryQuery query) {

        /** By id: a set of candidates never hashes the queries. */
        @Override
        public boolean equals(Object other) {
            return other instanceof CompiledWatch w && w.id.equals(id);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    /** Every watch, by what a document must hold to be a candidate. */
    record Compiled(Map<String, Map<String, List<CompiledWatch>>> byKey, List<CompiledWatch> open,
            Map<String, List<CompiledWatch>> byEntity, int size) {

        static final Compiled EMPTY = new Compiled(Map.of(), List.of(), Map.of(), 0);
    }

    /** One document newly matching one watch. */
    record Match(UUID watchId, IndexedDocument document, String reason) {
    }

    @Override
    @Transactional
    public void indexed(List<IndexedDocument> documents, List<String> deleted) {
        Compiled c = current();
        if (c.size() == 0) {
            return; // no watch, so no notification to keep up to date either
        }
        // each statement below is planned for its own arrays (a few documents' notifications looked up by index): a
        // plan cached for any arrays, which PostgreSQL moves to after some executions of a prepared statement, joins
        // the whole notifications table instead, every batch
        em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
        // what earlier notifications show follows the documents: a move to another collection moves them (their
        // readers change with it), a new title renames them, a deletion takes them out
        follow(documents, deleted);
        if (documents.isEmpty()) {
            return;
        }
        Timer.Sample started = Timer.start();
        List<Match> matches = match(c, documents);
        if (!matches.isEmpty()) {
            store(matches);
        }
        started.stop(evaluation);
        notified.increment(matches.size());
    }

    /**
     * A watched entity merged into another: its watches follow the survivor (whose documents, the merged one's among
     * them, then match; those already notified for the watch are not notified again). Chains of merges are followed
     * to their end. The version moves, so an edit of the watch made meanwhile is refused rather than undoing it.
     */
    @Override
    @Transactional
    public void merged(Map<String, String> mergedInto) {
        for (String from : mergedInto.keySet()) {
            String to = mergedInto.get(from);
            for (int hops = 0; mergedInto.containsKey(to) && hops < mergedInto.size(); hops++) {
                to = mergedInto.get(to);
            }
            int moved;
            try {
                moved = em
                        .createNativeQuery("UPDATE watch SET entity_id = ?1, version = version + 1, updated_at = now() "
                                + "WHERE entity_id = ?2")
                        .setParameter(1, UUID.fromString(to))
                        .setParameter(2, UUID.fromString(from)).executeUpdate();
            } catch (IllegalArgumentException notAnId) {
                continue; // the registry's ids are UUIDs; anything else watches nothing
            }
            if (moved > 0) {
                Log.infof("%d watches of entity %s now follow %s, into which it was merged", moved, from, to);
            }
        }
    }

    /**
     * Saved searches naming a changed entity are marked, to be expanded again ({@link WatchReexpander}); and the
     * watches made for an entity that is itself again (a merge undone: it has names of its own) come back to it from
     * the survivor they followed.
     */
    @Override
    @Transactional
    public void registryChanged(Map<String, List<String>> foldedNames) {
        int marked = service.markStale(foldedNames);
        if (marked > 0) {
            Log.infof("%d saved searches to expand again after a registry change", marked);
        }
        List<UUID> standing = new ArrayList<>();
        foldedNames.forEach((id, names) -> {
            if (!names.isEmpty()) {
                try {
                    standing.add(UUID.fromString(id));
                } catch (IllegalArgumentException notAnId) {
                    // the registry's ids are UUIDs; anything else is followed by no watch
                }
            }
        });
        if (!standing.isEmpty()) {
            int back = em.createNativeQuery("UPDATE watch SET entity_id = chosen_entity_id, version = version + 1, "
                    + "updated_at = now() WHERE chosen_entity_id IN (?1) AND entity_id <> chosen_entity_id")
                    .setParameter(1, standing).executeUpdate();
            if (back > 0) {
                Log.infof("%d watches follow again the entity they were made for, its merge undone", back);
            }
        }
    }

    static List<Match> match(Compiled c, List<IndexedDocument> documents) {
        List<Match> matches = new ArrayList<>();
        InMemoryDocument memory = new InMemoryDocument();
        for (IndexedDocument d : documents) {
            for (String entityId : d.entityIds()) {
                for (CompiledWatch w : c.byEntity().getOrDefault(entityId, List.of())) {
                    matches.add(new Match(w.id(), d, "names " + entityName(d, entityId)));
                }
            }
            if (c.byKey().isEmpty() && c.open().isEmpty()) {
                continue;
            }
            Map<String, Set<String>> words = memory.load(d);
            Set<CompiledWatch> candidates = new LinkedHashSet<>(c.open());
            for (Map.Entry<String, Map<String, List<CompiledWatch>>> field : c.byKey().entrySet()) {
                Set<String> held = words.get(field.getKey());
                if (held == null) {
                    continue;
                }
                Map<String, List<CompiledWatch>> keyed = field.getValue();
                for (String w : held) {
                    List<CompiledWatch> found = keyed.get(w);
                    if (found != null) {
                        candidates.addAll(found);
                    }
                }
            }
            for (CompiledWatch w : candidates) {
                if (memory.matches(w.query())) {
                    matches.add(new Match(w.id(), d, w.reason()));
                }
            }
        }
        return matches;
    }

    private static String entityName(IndexedDocument d, String entityId) {
        for (String facet : d.entityFacets()) {
            IndexedDocument.EntityFacet f = IndexedDocument.EntityFacet.parse(facet);
            if (f.id().equals(entityId) && f.name() != null) {
                return f.name();
            }
        }
        return "the watched entity";
    }

    /** The watches as stored now: reloaded when one was added, changed or deleted (on any instance). */
    Compiled current() {
        String stamp = watches.stamp();
        if (!stamp.equals(loaded)) {
            long start = System.nanoTime();
            Map<String, Map<String, List<CompiledWatch>>> byKey = new HashMap<>();
            List<CompiledWatch> open = new ArrayList<>();
            Map<String, List<CompiledWatch>> byEntity = new HashMap<>();
            int size = 0;
            Map<InMemoryQuery.Key, InMemoryQuery.Key> sharedKeys = new HashMap<>();
            for (Watch w : watches.listAll()) {
                size++;
                if (w.watchesEntity()) {
                    byEntity.computeIfAbsent(w.entityId.toString(), k -> new ArrayList<>())
                            .add(new CompiledWatch(w.id, null, null));
                    continue;
                }
                InMemoryQuery query;
                try {
                    query = compiler.compile(w).compact(sharedKeys);
                } catch (RuntimeException e) {
                    Log.warnf("watch %s not evaluated: %s", w.id, e.getMessage());
                    continue;
                }
                CompiledWatch cw = new CompiledWatch(w.id, "matches the search " + w.query, query);
                if (query.keys() == null) {
                    open.add(cw);
                } else {
                    for (InMemoryQuery.Key key : query.keys()) {
                        byKey.computeIfAbsent(key.field(), f -> new HashMap<>())
                                .computeIfAbsent(key.word(), k -> new ArrayList<>()).add(cw);
                    }
                }
            }
            compiled = new Compiled(byKey, open, byEntity, size);
            loaded = stamp;
            Log.infof("%d watches loaded in %d ms (%d saved searches always evaluated)", size,
                    (System.nanoTime() - start) / 1_000_000, open.size());
        }
        return compiled;
    }

    private void follow(List<IndexedDocument> documents, List<String> deleted) {
        em.unwrap(Session.class).doWork(connection -> {
            if (!documents.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE notification n SET collection = d.collection, title = d.title
                        FROM unnest(?::text[], ?::text[], ?::text[]) AS d(document_id, collection, title)
                        WHERE n.document_id = ANY(?::text[]) AND n.document_id = d.document_id
                          AND (n.collection <> d.collection OR n.title IS DISTINCT FROM d.title)""")) {
                    // ANY on the index: the few notifications of these documents are looked up, never the whole
                    // table joined (which a planner that has not seen the table grow would choose)
                    java.sql.Array ids = connection.createArrayOf("text",
                            documents.stream().map(IndexedDocument::id).toArray());
                    update.setArray(1, ids);
                    update.setArray(4, ids);
                    update.setArray(2, connection.createArrayOf("text", documents.stream()
                            .map(d -> d.collection() == null ? "" : d.collection()).toArray()));
                    update.setArray(3, connection.createArrayOf("text",
                            documents.stream().map(IndexedDocument::title).toArray()));
                    update.executeUpdate();
                }
            }
            if (!deleted.isEmpty()) {
                try (PreparedStatement delete = connection
                        .prepareStatement("DELETE FROM notification WHERE document_id = ANY(?::text[])")) {
                    delete.setArray(1, connection.createArrayOf("text", deleted.toArray()));
                    delete.executeUpdate();
                }
            }
        });
    }

    /**
     * Stores the matches not stored before, in one statement for the whole batch (its rows as arrays). A watch
     * deleted meanwhile stores nothing.
     */
    private void store(List<Match> matches) {
        Timestamp now = Timestamp.from(Instant.now());
        int n = matches.size();
        UUID[] watchIds = new UUID[n];
        String[] documents = new String[n];
        String[] collections = new String[n];
        String[] titles = new String[n];
        String[] reasons = new String[n];
        Timestamp[] created = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Match m = matches.get(i);
            IndexedDocument d = m.document();
            watchIds[i] = m.watchId();
            documents[i] = d.id();
            collections[i] = d.collection() == null ? "" : d.collection();
            titles[i] = d.title();
            reasons[i] = m.reason();
            created[i] = createdAt(d);
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH stored AS (
                        INSERT INTO notification (watch_id, owner_id, document_id, collection, title, reason,
                                                  source_created_at, created_at, mailed_at)
                        SELECT w.id, w.owner_id, m.document_id, m.collection, m.title, m.reason,
                               m.source_created_at, ?,
                               CASE WHEN w.delivery = 'app' THEN ?::timestamptz END -- nothing to mail: not queued
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                             AS m(watch_id, document_id, collection, title, reason, source_created_at)
                        JOIN watch w ON w.id = m.watch_id
                        ON CONFLICT (watch_id, document_id) DO NOTHING
                        RETURNING id, watch_id, owner_id)
                    INSERT INTO webhook_outbox (webhook_id, notification_id)
                    SELECT h.id, s.id FROM stored s
                    JOIN webhook h ON h.owner_id = s.owner_id AND h.disabled_at IS NULL
                                  AND (h.watch_id IS NULL OR h.watch_id = s.watch_id)""")) {
                insert.setTimestamp(1, now);
                insert.setTimestamp(2, now);
                insert.setArray(3, connection.createArrayOf("uuid", watchIds));
                insert.setArray(4, connection.createArrayOf("text", documents));
                insert.setArray(5, connection.createArrayOf("text", collections));
                insert.setArray(6, connection.createArrayOf("text", titles));
                insert.setArray(7, connection.createArrayOf("text", reasons));
                insert.setArray(8, connection.createArrayOf("timestamptz", created));
                insert.executeUpdate();
            }
        });
    }

    private static Timestamp createdAt(IndexedDocument d) {
        try {
            return d.createdAt() == null ? null : Timestamp.from(Instant.parse(d.createdAt()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
