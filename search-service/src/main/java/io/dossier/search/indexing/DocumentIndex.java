package io.dossier.search.indexing;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
 * The documents index: its names, its mapping, and bulk writes. The minimal local Elasticsearch has the standard
 * tokenizer and a few analyzers and filters, no language analysis: the title and text are analysed in Java
 * ({@link AnalysedWords}) into words joined by spaces, which the mapping only splits (and, in the stems fields, rids
 * of their gaps), and queries are analysed the same way.
 * <p>
 * Readers use the alias {@link #name()}. It points at one concrete index, the <em>live</em> one
 * ({@link #liveName()}), named {@code <alias>-v<mapping version>-<creation time>}. A rebuild fills a new concrete
 * index from the start of the feed beside the live one (each with its own feed checkpoint, named after it) and then
 * moves the alias in one atomic step: searches never see a missing or half-filled index. A new mapping version is
 * rebuilt that way too; only a first start, with nothing to serve, creates and aliases an empty index at once (and an
 * instance that does not follow the feeds, which could never fill a replacement, swaps in an empty one).
 * <p>
 * Only the indexer thread ({@link FeedIndexer}) changes which indexes exist; the rest read {@link #liveName()}.
 */
@ApplicationScoped
public class DocumentIndex {

    /**
     * Raise when the mapping changes: a new index is then built from the feed and replaces the old one. The text
     * analysis's own version is part of it (the index holds its output).
     */
    static final int MAPPING_VERSION = 541 + io.dossier.common.text.TextAnalysis.version();
    /** The first mapping with the title and text analysed in Java into forms and stems (before: folded copies). */
    static final int ANALYSED_SINCE = 400;
    /** The first mapping whose stems fields hold only the stems that differ from their words (decision 38). */
    static final int DIFFERING_STEMS_SINCE = 544;
    /** The fields analysed in Java: indexed, not kept in _source. */
    public static final List<String> ANALYSED_FIELDS = List.of("titleForms", "titleStems", "textForms", "textStems",
            "notesForms", "notesStems");
    /** What reads of documents leave out of _source: the analysed copies (and the folded ones of older mappings). */
    public static final List<String> SOURCE_EXCLUDES = List.of("titleFolded", "textFolded", "titleForms",
            "titleStems", "textForms", "textStems", "notesForms", "notesStems", "candidates", "candidateRepeats");
    /**
     * The stems fields' analyzer: the standard tokenizer, and a stop filter that drops {@link AnalysedWords#GAP}
     * where a word is its own stem, keeping its position (the forms field holds that word).
     */
    static final String GAPPED = "dossier_gapped";
    private static final String GAP_FILTER = "dossier_gap";
    /** The refresh interval of our indexes: none, the indexer refreshes what it wrote (decision 16). */
    private static final String NO_TIMED_REFRESH = "-1";
    private static final DateTimeFormatter GENERATION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final ElasticsearchClient client;
    private final String alias;
    /** Whether this instance fills its indexes from the feeds (and so can rebuild one beside the live one). */
    private final boolean followsFeeds;
    private volatile String live;
    /** An index of the current mapping being filled to replace the live one, or null. */
    private volatile String building;

    /** The concrete indexes written to since they were last made searchable. */
    private final java.util.Set<String> unrefreshed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** When each concrete index was last made searchable by this instance (System.nanoTime). */
    private final java.util.Map<String, Long> refreshedAt = new java.util.concurrent.ConcurrentHashMap<>();

    public DocumentIndex(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.alias = config.indexPrefix() + "-documents";
        this.followsFeeds = config.feed().enabled();
    }

    /** The alias searched. */
    public String name() {
        return alias;
    }

    /** The concrete index the alias points at (null until {@link #ensureExists()} has run). */
    public String liveName() {
        return live;
    }

    /** The index being built to replace the live one, or null. */
    public String buildingName() {
        return building;
    }

    /** The live index and, during a rebuild, the one being built: what the indexer writes. */
    public List<String> writable() {
        String b = building;
        return b == null ? List.of(live) : List.of(live, b);
    }

    /**
     * Finds (or on a first start creates) the live index behind the alias, and picks up a rebuild an earlier run left
     * unfinished. An alias on an index of an older mapping stays until its replacement is built.
     */
    public synchronized void ensureExists() throws IOException {
        if (live != null) {
            return;
        }
        var indices = client.indices();
        boolean aliased = indices.existsAlias(a -> a.name(alias)).value();
        if (!aliased && indices.exists(e -> e.index(alias)).value()) {
            // the first layout: a plain index under the alias's name, with an older mapping
            Log.infof("deleting index %s (older layout); a new index replaces it", alias);
            indices.delete(d -> d.index(alias));
        }
        Set<String> current = aliased ? indices.getAlias(a -> a.name(alias)).result().keySet() : Set.of();
        Set<String> ours = ours();
        if (!current.isEmpty()) {
            // one index behind the alias (should there be more, the newest stays)
            live = current.stream().max(Comparator.comparing(this::generation)).orElseThrow();
            if (current.size() > 1) {
                switchAlias(current, live);
            }
            refreshOnlyWhenAsked(live); // an index created before its refreshes were the indexer's alone
        } else {
            String fresh = create();
            switchAlias(current, fresh);
            live = fresh;
        }
        // an unaliased index of this mapping, newer than the live one, is a rebuild to carry on with; others go
        String resume = rebuildIn(ours);
        for (String index : ours) {
            if (!index.equals(live) && !index.equals(resume)) {
                Log.infof("deleting index %s (left over from an earlier rebuild)", index);
                indices.delete(d -> d.index(index));
            }
        }
        building = resume;
        if (resume != null) {
            Log.infof("carrying on with the rebuild of %s", resume);
            refreshOnlyWhenAsked(resume); // a rebuild begun before the setting was ours
        } else if (!isCurrentMapping(live) && followsFeeds) {
            Log.infof("index %s has an older mapping: building its replacement", live);
            startBuild();
        } else if (!isCurrentMapping(live)) {
            // nothing here refills an index (the feeds are not followed): the new mapping takes over at once
            building = create();
            finishBuild();
        }
    }

    /** Forgets what it knew and reads the indexes again (when this instance takes over the indexing). */
    public synchronized void resync() throws IOException {
        live = null;
        building = null;
        ensureExists();
    }

    /**
     * Reads the alias and a rebuild in progress again, changing nothing (for an instance that does not hold the
     * indexer lease: another one moves the alias and deletes indexes).
     */
    public synchronized void refreshView() throws IOException {
        var indices = client.indices();
        if (!indices.existsAlias(a -> a.name(alias)).value()) {
            return;
        }
        Set<String> current = indices.getAlias(a -> a.name(alias)).result().keySet();
        if (current.isEmpty()) {
            return;
        }
        live = current.stream().max(Comparator.comparing(this::generation)).orElseThrow();
        building = rebuildIn(ours());
    }

    /** Picks up a rebuild started through another instance: a newer index of this mapping beside the live one. */
    public synchronized void discoverBuild() throws IOException {
        if (live == null || building != null) {
            return;
        }
        building = rebuildIn(ours());
        if (building != null) {
            Log.infof("carrying on with the rebuild of %s, asked of another instance", building);
        }
    }

    /** Every concrete index of this alias, of any mapping version. */
    private Set<String> ours() throws IOException {
        return client.indices().get(g -> g.index(alias + "-v*").ignoreUnavailable(true).allowNoIndices(true))
                .result().keySet();
    }

    /** The rebuild among {@code indexes}: the newest of the current mapping that is newer than the live one. */
    private String rebuildIn(Set<String> indexes) {
        return indexes.stream().filter(i -> !i.equals(live) && isCurrentMapping(i))
                .filter(i -> generation(i).compareTo(generation(live)) > 0)
                .max(Comparator.comparing(this::generation)).orElse(null);
    }

    /** Starts filling a new index to replace the live one; returns its name (the current build's if one runs). */
    public synchronized String startBuild() throws IOException {
        if (live == null) {
            ensureExists();
        }
        if (building == null) {
            building = create();
        }
        return building;
    }

    /** The built index becomes the live one in one alias update; the old one is deleted. */
    public synchronized void finishBuild() throws IOException {
        String built = building;
        if (built == null) {
            return;
        }
        String old = live;
        switchAlias(Set.of(old), built);
        live = built;
        building = null;
        Log.infof("alias %s moved from %s to %s", alias, old, built);
        client.indices().delete(d -> d.index(old).ignoreUnavailable(true));
        unrefreshed.remove(old);
        refreshedAt.remove(old);
    }

    /**
     * Whether the live index (the one searches read) holds the title and text analysed into forms and stems; an
     * index of an older mapping (folded copies) keeps being searched the old way until its replacement is built.
     */
    public boolean liveAnalysed() {
        String index = live;
        return index != null && version(index) >= ANALYSED_SINCE;
    }

    /**
     * Whether the live index's stems fields hold only the stems that differ from their words (and have norms, as its
     * forms fields do), or, in an older analysed mapping, every word's stem.
     */
    public boolean liveHoldsDifferingStemsOnly() {
        String index = live;
        return index != null && version(index) >= DIFFERING_STEMS_SINCE;
    }

    private int version(String index) {
        String rest = index.substring(Math.min(index.length(), alias.length() + 2));
        int dash = rest.indexOf('-');
        return parseOrZero(dash < 0 ? rest : rest.substring(0, dash));
    }

    private boolean isCurrentMapping(String index) {
        return index.startsWith(alias + "-v" + MAPPING_VERSION + "-") || index.equals(alias + "-v" + MAPPING_VERSION);
    }

    /** Sort key of an index by creation: the part after the mapping version (older layouts sort first). */
    private String generation(String index) {
        String rest = index.substring(Math.min(index.length(), alias.length() + 2));
        int dash = rest.indexOf('-');
        String version = dash < 0 ? rest : rest.substring(0, dash);
        String created = dash < 0 ? "" : rest.substring(dash + 1);
        return String.format("%06d", parseOrZero(version)) + "/" + created;
    }

    private static int parseOrZero(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void switchAlias(Set<String> from, String to) throws IOException {
        client.indices().updateAliases(u -> {
            for (String old : from) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
            }
            return u.actions(a -> a.add(ad -> ad.index(to).alias(alias)));
        });
    }

    /**
     * Turns Elasticsearch's timed refresh of one index off: only {@link #refresh} and refreshing writes remain. Best
     * effort, for an index created before this setting was ours (a refused change leaves the timer on, which costs
     * Elasticsearch more segments and nothing else).
     */
    private void refreshOnlyWhenAsked(String index) {
        try {
            client.indices().putSettings(p -> p.index(index)
                    .settings(s -> s.refreshInterval(t -> t.time(NO_TIMED_REFRESH))));
        } catch (IOException | RuntimeException e) {
            Log.warnf("index %s keeps Elasticsearch's timed refresh: %s", index, e.getMessage());
        }
    }

    private String create() throws IOException {
        String name = alias + "-v" + MAPPING_VERSION + "-"
                + GENERATION.format(ZonedDateTime.now(ZoneOffset.UTC));
        Log.infof("creating index %s", name);
        client.indices().create(c -> c.index(name)
                .settings(s -> s.numberOfShards("1").numberOfReplicas("0")
                        // the indexer refreshes (decision 16); Elasticsearch's own timer doubled the segments
                        .refreshInterval(t -> t.time(NO_TIMED_REFRESH))
                        .analysis(a -> a
                                .filter(GAP_FILTER, f -> f.definition(d -> d.stop(st -> st
                                        .stopwords(AnalysedWords.GAP).ignoreCase(false))))
                                .analyzer(GAPPED, an -> an.custom(x -> x.tokenizer("standard").filter(GAP_FILTER)))))
                .mappings(m -> m.dynamic(DynamicMapping.False)
                        // the analysed copies are recomputed from the title and text whenever needed
                        .source(src -> src.excludes(ANALYSED_FIELDS))
                        .properties("id", p -> p.keyword(k -> k))
                        .properties("collection", p -> p.keyword(k -> k))
                        // analysed in Java (IndexedDocument): words joined by spaces; the fields themselves are
                        // only stored, and highlights are computed from them in Java (no offsets indexed)
                        .properties("title", p -> p.text(t -> t.index(false)))
                        .properties("text", p -> p.text(t -> t.index(false)))
                        // stems where they differ from the words (AnalysedWords), at the words' positions; queries are
                        // analysed in Java too, so a query's text is only split at spaces. Norms here and on the forms
                        // fields: a word's stems are asked of both as one field (combined_fields), whose length is
                        // the sum of both
                        .properties("titleStems", p -> p.text(t -> stems(t)))
                        .properties("textStems", p -> p.text(t -> stems(t)))
                        // forms: every word, so also a word that is its own stem; the exact-form boost, phrases as
                        // written, prefixes, fuzzy terms, spelling
                        .properties("titleForms", p -> p.text(t -> t.analyzer("whitespace")))
                        .properties("textForms", p -> p.text(t -> t.analyzer("whitespace")))
                        .properties("authors", p -> p.keyword(k -> k.ignoreAbove(300)))
                        .properties("url", p -> p.keyword(k -> k.ignoreAbove(2048)))
                        .properties("publisher", p -> p.keyword(k -> k.ignoreAbove(300)))
                        .properties("publishedAt", p -> p.date(d -> d))
                        .properties("language", p -> p.keyword(k -> k))
                        .properties("tags", p -> p.keyword(k -> k))
                        .properties("createdAt", p -> p.date(d -> d))
                        .properties("entityIds", p -> p.keyword(k -> k))
                        .properties("entityTypes", p -> p.keyword(k -> k))
                        .properties("entityFacets", p -> p.keyword(k -> k.ignoreAbove(1000)))
                        .properties("mentions", p -> p.object(o -> o.enabled(false)))
                        .properties("linkedThrough", p -> p.long_(l -> l))
                        // analysts' notes: stored whole; their words and the entities in their passages indexed
                        .properties("notes", p -> p.object(o -> o.enabled(false)))
                        .properties("noteEntityIds", p -> p.keyword(k -> k))
                        .properties("notesUpdatedAt", p -> p.date(d -> d))
                        .properties("notesStems", p -> p.text(t -> stems(t)))
                        .properties("notesForms", p -> p.text(t -> t.analyzer("whitespace")))
                        // names the registry does not hold: the candidates queue's documents and mentions
                        .properties("candidates", p -> p.keyword(k -> k.ignoreAbove(1000)))
                        // the text's length: the queue's passages come from the shortest documents
                        .properties("textLength", p -> p.integer(i -> i))
                        .properties("candidateRepeats", p -> p.keyword(k -> k.index(false).ignoreAbove(1000)))
                        // spellings the registry lacks, possibly of an entity: stored for the document's view only
                        .properties("possibleMentions", p -> p.object(o -> o.enabled(false)))));
        return name;
    }

    /** A stems field: gapped when indexed, split at spaces when searched. */
    private static co.elastic.clients.elasticsearch._types.mapping.TextProperty.Builder stems(
            co.elastic.clients.elasticsearch._types.mapping.TextProperty.Builder t) {
        return t.analyzer(GAPPED).searchAnalyzer("whitespace");
    }

    /** Writes to the live index (see {@link #write(String, List, List)}). */
    public void write(List<IndexedDocument> upserts, List<String> deletions) throws IOException {
        ensureExists();
        write(live, upserts, deletions);
    }

    /**
     * Writes a batch of upserts and deletions to one concrete index; returns when they are searchable. Idempotent
     * (ids are the source ids), so a batch replayed after a crash changes nothing.
     */
    public void write(String index, List<IndexedDocument> upserts, List<String> deletions) throws IOException {
        write(index, upserts, deletions, true);
    }

    /**
     * Writes a batch to one concrete index, durably; searchable at once when {@code refresh}, else at the next
     * {@link #refresh(String)} (Elasticsearch does not refresh our indexes on a timer of its own).
     */
    public void write(String index, List<IndexedDocument> upserts, List<String> deletions, boolean refresh)
            throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        boolean legacy = version(index) < ANALYSED_SINCE;
        for (IndexedDocument document : upserts) {
            // an index of an older mapping (live while its replacement is built) is searched by its folded copies:
            // it gets them, so what arrives meanwhile is found there too
            Object written = legacy ? LegacyDocument.of(document) : document;
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(document.id()).document(written))));
        }
        for (String id : deletions) {
            operations.add(BulkOperation.of(b -> b.delete(d -> d.index(index).id(id))));
        }
        if (operations.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(b -> b.operations(operations)
                .refresh(refresh ? Refresh.True : Refresh.False));
        if (refresh) {
            refreshedAt.put(index, System.nanoTime());
            unrefreshed.remove(index);
        } else {
            unrefreshed.add(index);
        }
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

    /** Makes everything written to one concrete index searchable (nothing to do if it is gone). */
    public void refresh(String index) throws IOException {
        client.indices().refresh(r -> r.index(index).ignoreUnavailable(true));
        refreshedAt.put(index, System.nanoTime());
        unrefreshed.remove(index);
    }

    /** Whether this instance made the index searchable less than {@code interval} ago. */
    public boolean refreshedWithin(String index, java.time.Duration interval) {
        Long at = refreshedAt.get(index);
        return at != null && System.nanoTime() - at < interval.toNanos();
    }

    /**
     * Makes searchable every index written to without a refresh: before anything searches them for its own work
     * (the re-linker's scan, an alias switch), and when a refresh is due.
     */
    public void refreshWritten() throws IOException {
        for (String index : List.copyOf(unrefreshed)) {
            refresh(index);
        }
    }

    /** Makes everything written to the live index and to a rebuild searchable, whoever wrote it. */
    public void refreshAll() throws IOException {
        ensureExists(); // the live index known (a takeover reads it again, which may have failed)
        for (String index : writable()) {
            refresh(index);
        }
    }

    /** Forgets what it knew of the indexes' refreshes (another instance may have written since). */
    public void forgetRefreshes() {
        unrefreshed.clear();
        refreshedAt.clear();
    }
}
