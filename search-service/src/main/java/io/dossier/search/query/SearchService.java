package io.dossier.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.problem.ProblemException;
import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.EntitiesApi;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.indexing.RegistryNames;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * Search over the documents index: the query read by {@link QuerySyntax} (any text; what is not valid syntax as
 * words) and turned into a search of every form of its words ({@link DocumentQuery}), names of registry entities
 * in it expanded to the documents linked to them, filters, the caller's collections, facets, highlights carried back
 * to the original text, and cursor paging.
 */
@ApplicationScoped
public class SearchService {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a document "more like this" reads (its opening). */
    static final int SIMILAR_MAX_CHARS = 50_000;
    private static final List<String> SIMILAR_EXCLUDES = java.util.stream.Stream
            .concat(DocumentIndex.SOURCE_EXCLUDES.stream(), java.util.stream.Stream.of("text", "mentions",
                    "possibleMentions"))
            .toList();
    /** What a page of hits leaves out of _source: the analysed copies, the names for the queue, possible mentions. */
    private static final List<String> HIT_EXCLUDES = java.util.stream.Stream
            .concat(DocumentIndex.SOURCE_EXCLUDES.stream(), java.util.stream.Stream.of("possibleMentions")).toList();

    /** A whole-query match at least this good names the entity (exact, folded, article, order, abbreviation). */
    private static final double EXPANSION_SCORE = 0.9;
    /** How long a search waits for the registry's answer before it runs unexpanded. */
    private static final long EXPANSION_WAIT_MS = 1500;

    private final ElasticsearchClient client;
    private final DocumentIndex index;
    private final EntitiesApi entities;
    private final RegistryNames names;
    private final EntityMatches entityMatches;

    public SearchService(ElasticsearchClient client, DocumentIndex index, @RestClient EntitiesApi entities,
            RegistryNames names, EntityMatches entityMatches) {
        this.client = client;
        this.index = index;
        this.entities = entities;
        this.names = names;
        this.entityMatches = entityMatches;
    }

    public SearchResults search(SearchParams p, SecurityIdentity identity) {
        Set<String> readable = CollectionAccess.readable(identity);
        ParsedQuery parsed;
        try {
            parsed = QuerySyntax.parse(p.q(), p.strict());
        } catch (QuerySyntaxException e) {
            throw new ProblemException(400, e.getMessage());
        }
        boolean everything = p.q().strip().equals("*");
        if (parsed.isEmpty() && !everything) {
            // punctuation, operators or markup only: nothing to look for, which is an answer, not an error
            return new SearchResults(0, List.of(), null, null, List.of(), List.of(), null, "",
                    "There are no words to search in this query.");
        }
        // the entities beside the results: asked now, beside the expansion and the search, awaited last
        CompletableFuture<List<SearchResults.EntityMatch>> about = everything || p.cursor() != null || p.offset() > 0
                ? CompletableFuture.completedFuture(List.of())
                : entityMatches.find(parsed, 5);
        DocumentQuery.Fields fields = DocumentQuery.Fields.ofLive(index);
        Expanded expanded = p.exact() || everything ? Expanded.NONE : expand(p.q(), parsed);
        Set<String> expandedIds = new java.util.HashSet<>();
        expanded.expansions().forEach(e -> expandedIds.add(e.entityId()));
        Query words = everything ? null : DocumentQuery.forLive(parsed.tree(), fields, p.exact(), expanded.aliases());
        Query text = words == null ? Query.of(q -> q.matchAll(m -> m)) : words;
        QueryTerms terms = everything ? QueryTerms.NONE : QueryTerms.of(parsed.tree(), p.exact() || !fields.stems());
        String interpretedAs = everything ? "*" : parsed.interpretedAs();
        String note = parsed.changed() && !everything ? parsed.note() : null; // "*" alone: everything, nothing left out
        try {
            return run(p, readable, text, terms, expanded, expandedIds, interpretedAs, note,
                    everything ? null : parsed, fields, about);
        } catch (ElasticsearchException e) {
            if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
                // the engine refused the query (too many clauses, a prefix too wide): the words alone, once
                Log.infof("search refused by Elasticsearch, retried as words: %s", reason(e));
                if (p.strict()) {
                    throw new ProblemException(400, "This search asks too much at once (too many words, or a "
                            + "prefix or fuzzy word that matches too many); narrow it");
                }
                Query plain = DocumentQuery.forLive(DocumentQuery.wordsOnly(parsed.tree()), fields, p.exact(),
                        List.of());
                try {
                    return run(p, readable, plain == null ? text : plain, terms, Expanded.NONE, Set.of(),
                            DocumentQuery.wordsOnly(parsed.tree()).render(),
                            "This search asked too much at once: its words were searched alone.", null, fields,
                            about);
                } catch (ElasticsearchException again) {
                    if (again.status() >= 400 && again.status() < 500 && again.status() != 429) {
                        throw new ProblemException(400, "This search asks too much at once; use fewer words");
                    }
                    throw unavailable("search", again);
                } catch (IOException again) {
                    throw unavailable("search", again);
                }
            }
            throw unavailable("search", e);
        } catch (IOException e) {
            throw unavailable("search", e);
        }
    }

    private SearchResults run(SearchParams p, Set<String> readable, Query text, QueryTerms terms, Expanded expanded,
            Set<String> expandedIds, String interpretedAs, String note, ParsedQuery parsed,
            DocumentQuery.Fields fields, CompletableFuture<List<SearchResults.EntityMatch>> about)
            throws IOException {
        List<Query> filters = filters(p, readable);
        List<SortOptions> sort = sort(p.sort());
        List<FieldValue> after = p.cursor() == null ? null : Cursor.decode(p.cursor());
        SearchResponse<IndexedDocument> response = client.search(s -> {
            s.index(index.name()).ignoreUnavailable(true).size(p.size()).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.must(text).filter(filters))).sort(sort)
                    .source(src -> src.filter(f -> f.excludes(HIT_EXCLUDES)))
                    .aggregations(aggregations(p.dateInterval()));
            if (after != null) {
                s.searchAfter(after);
            } else {
                s.from(p.offset());
            }
            return s;
        }, IndexedDocument.class);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (Hit<IndexedDocument> hit : response.hits().hits()) {
            hits.add(hit(hit, terms, expandedIds));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        List<Hit<IndexedDocument>> raw = response.hits().hits();
        String next = raw.size() == p.size() ? Cursor.encode(raw.get(raw.size() - 1).sort()) : null;
        SearchResults.Suggestions suggestions = total == 0 && parsed != null && !p.exact()
                ? suggestions(p, parsed, readable, fields)
                : null;
        return new SearchResults(total, hits, next, facets(response.aggregations(), p.dateInterval()),
                expanded.expansions(), parsed == null ? List.of() : EntityMatches.await(about), suggestions,
                interpretedAs, note);
    }

    /**
     * What to try when nothing was found: the query with each word spelled as the index spells a word a letter or two
     * away, offered only when documents the caller may read hold it (the index's vocabulary spans every collection;
     * a suggestion must not tell of one the caller cannot read), and hints in plain words.
     */
    private SearchResults.Suggestions suggestions(SearchParams p, ParsedQuery parsed, Set<String> readable,
            DocumentQuery.Fields fields) {
        List<QueryNode.Word> words = parsed.words();
        List<String> hints = new ArrayList<>();
        if (words.size() == 1 && words.get(0).text().length() >= 3) {
            hints.add("To find the words that begin with " + words.get(0).text() + ", search "
                    + words.get(0).text() + "*");
        }
        if (words.size() > 1) {
            hints.add("Every word must be in a document: fewer words find more, and OR finds any of them");
        }
        List<String> queries = new ArrayList<>();
        try {
            String field = fields.textForms();
            // one term suggester per word: "w<i>" for the i-th word
            Map<String, String> forms = new LinkedHashMap<>();
            for (int i = 0; i < words.size(); i++) {
                String form = io.dossier.common.text.TextAnalysis.form(words.get(i).text());
                if (!form.isEmpty()) {
                    forms.put("w" + i, form);
                }
            }
            SearchResponse<Void> spelled = client.search(s -> {
                s.index(index.name()).ignoreUnavailable(true).size(0);
                forms.forEach((name, form) -> s.suggest(g -> g.suggesters(name, f -> f.text(form).term(t -> t
                        .field(field).size(3)
                        .suggestMode(co.elastic.clients.elasticsearch._types.SuggestMode.Missing)))));
                return s;
            }, Void.class);
            StringBuilder corrected = new StringBuilder(p.q());
            boolean changed = false;
            // the corrections, from the last word back so that the offsets stay true
            for (int i = words.size() - 1; i >= 0; i--) {
                QueryNode.Word w = words.get(i);
                var options = spelled.suggest().get("w" + i);
                if (options == null || options.isEmpty() || options.get(0).term().options().isEmpty()) {
                    continue;
                }
                String better = options.get(0).term().options().get(0).text();
                corrected.replace(w.start(), w.end(), better);
                changed = true;
            }
            if (changed) {
                ParsedQuery retried = QuerySyntax.parse(corrected.toString(), false);
                Query query = DocumentQuery.forLive(retried.tree(), fields, false, List.of());
                if (query != null) {
                    List<Query> access = filters(p, readable);
                    long found = client.count(c -> c.index(index.name()).ignoreUnavailable(true)
                            .query(q -> q.bool(b -> b.must(query).filter(access)))).count();
                    if (found > 0) {
                        queries.add(retried.interpretedAs());
                    }
                }
            }
        } catch (ElasticsearchException | IOException e) {
            Log.debugf("no spelling suggestions: %s", e.getMessage());
        }
        return queries.isEmpty() && hints.isEmpty() ? null : new SearchResults.Suggestions(queries, hints);
    }

    /** One document the caller may read, with its linked mentions; 404 otherwise. */
    /**
     * One document the caller may read; with {@code query}, the words of its title and text the query looks for (read
     * leniently, as a search would read it: syntax where valid, else the words), in any of their forms unless
     * {@code exact}.
     */
    public DocumentView document(String id, String query, boolean exact, SecurityIdentity identity) {
        List<Query> access = new ArrayList<>();
        CollectionAccess.filter(CollectionAccess.readable(identity)).ifPresent(access::add);
        try {
            // the notes are not shown here (the pages read them from the sources service, where they are written)
            List<String> excluded = new ArrayList<>(DocumentIndex.SOURCE_EXCLUDES);
            excluded.add("notes");
            SearchResponse<IndexedDocument> found = client.search(s -> s.index(index.name()).ignoreUnavailable(true)
                    .size(1).source(src -> src.filter(f -> f.excludes(excluded)))
                    .query(q -> q.bool(b -> b.filter(access).filter(f -> f.ids(i -> i.values(id))))),
                    IndexedDocument.class);
            if (found.hits().hits().isEmpty() || found.hits().hits().get(0).source() == null) {
                throw new ProblemException(404, "No document " + id + " that you may read");
            }
            IndexedDocument d = found.hits().hits().get(0).source();
            List<SearchResults.EntityRef> entities = entityRefs(d);
            List<DocumentView.Mention> mentions = d.mentions() == null
                    ? List.of()
                    : d.mentions().stream()
                            .map(m -> new DocumentView.Mention(m.entityId(), m.field(), m.start(), m.end())).toList();
            List<DocumentView.Match> matches = new ArrayList<>();
            if (query != null && !query.isBlank()) {
                ParsedQuery parsed = QuerySyntax.parse(query, false);
                QueryTerms terms = parsed.isEmpty() ? QueryTerms.NONE : QueryTerms.of(parsed.tree(), exact);
                Highlights.spans(d.title(), d.language(), terms)
                        .forEach(m -> matches.add(new DocumentView.Match("title", m[0], m[1])));
                Highlights.spans(d.text(), d.language(), terms)
                        .forEach(m -> matches.add(new DocumentView.Match("text", m[0], m[1])));
            }
            return new DocumentView(id, d.collection(), d.title(), d.authors(), d.text(), d.url(), d.publisher(),
                    d.publishedAt(), d.language(), d.tags(), d.createdAt(), entities, mentions, matches,
                    d.possibleMentions() == null
                            ? List.of()
                            : d.possibleMentions().stream()
                                    .map(p -> new DocumentView.PossibleMention(p.entityId(), p.primaryName(), p.field(),
                                            p.start(), p.end(), p.surface(), p.score(), p.rule()))
                                    .toList());
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("document read", e);
        }
    }

    /**
     * Documents like one the caller may read: "more like this" over its folded title and text (its most distinctive
     * terms), raised by the entities they share with it; only among documents the caller may read.
     */
    public SimilarDocuments similar(String id, int size, SecurityIdentity identity) {
        List<Query> access = new ArrayList<>();
        CollectionAccess.filter(CollectionAccess.readable(identity)).ifPresent(access::add);
        try {
            SearchResponse<IndexedDocument> found = client.search(s -> s.index(index.name()).ignoreUnavailable(true)
                    .size(1).source(src -> src.filter(f -> f.includes("entityIds", "title", "text", "language")))
                    .query(q -> q.bool(b -> b.filter(access).filter(f -> f.ids(i -> i.values(id))))),
                    IndexedDocument.class);
            if (found.hits().hits().isEmpty()) {
                throw new ProblemException(404, "No document " + id + " that you may read");
            }
            Hit<IndexedDocument> document = found.hits().hits().get(0);
            List<FieldValue> entityIds = document.source() == null || document.source().entityIds() == null
                    ? List.of()
                    : document.source().entityIds().stream().map(FieldValue::of).toList();
            String concrete = document.index();
            IndexedDocument source = document.source();
            // its stems, analysed here as for indexing (they are not kept in _source): in the forms fields where a
            // word is its own stem, in the stems fields elsewhere; an index of an older mapping still has its folded
            // copies there
            Query like = index.liveAnalysed() && source != null
                    ? Query.of(q -> q.moreLikeThis(m -> m.fields("titleForms", "textForms", "titleStems", "textStems")
                            .like(l -> l.text(IndexedDocument.stems(source.title(), source.text(), source.language(),
                                    SIMILAR_MAX_CHARS)))
                            .minTermFreq(1).minDocFreq(2).maxQueryTerms(40).minimumShouldMatch("20%")))
                    : Query.of(q -> q.moreLikeThis(m -> m.fields("titleFolded", "textFolded")
                            .like(l -> l.document(d -> d.index(concrete).id(id))).minTermFreq(1).minDocFreq(2)
                            .maxQueryTerms(40).minimumShouldMatch("20%")));
            SearchResponse<IndexedDocument> response = client.search(s -> s.index(index.name())
                    .ignoreUnavailable(true).size(size)
                    .source(src -> src.filter(f -> f.excludes(SIMILAR_EXCLUDES)))
                    .query(q -> q.bool(b -> {
                        b.must(like).filter(access).mustNot(n -> n.ids(i -> i.values(id)));
                        if (!entityIds.isEmpty()) {
                            b.should(sh -> sh.terms(t -> t.field("entityIds").terms(v -> v.value(entityIds))
                                    .boost(0.5f)));
                        }
                        return b;
                    })), IndexedDocument.class);
            List<SearchResults.Hit> hits = new ArrayList<>();
            for (Hit<IndexedDocument> hit : response.hits().hits()) {
                hits.add(hit(hit, QueryTerms.NONE, Set.of()));
            }
            return new SimilarDocuments(id, hits);
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("similar documents", e);
        }
    }

    /** The 503 problem for a search that Elasticsearch could not answer (down, or failing), logged once here. */
    public static ProblemException unavailable(String what, Exception e) {
        Log.warnf("%s failed in Elasticsearch: %s", what, e.getMessage());
        return new ProblemException(503, "Search is unavailable right now; try again shortly");
    }

    /** The deepest cause Elasticsearch gives (for a parse error: where the syntax broke). */
    private static String reason(ElasticsearchException e) {
        var error = e.error();
        while (error.causedBy() != null) {
            error = error.causedBy();
        }
        String reason = error.reason() == null ? e.getMessage() : error.reason();
        return reason.length() > 500 ? reason.substring(0, 500) + "…" : reason;
    }

    /**
     * The registry names in a saved search's query, as a search would expand them now (none for {@code exact}, or
     * when the entities service does not answer).
     */
    public List<SavedSearch.Alias> aliases(String q, SavedSearch.Filters filters) {
        return aliasesIfAnswered(q, filters).orElse(List.of());
    }

    /**
     * As {@link #aliases}, but empty when the registry did not answer (rather than the query unexpanded): a saved
     * search's expansion is not replaced by nothing because the entities service was away.
     */
    public Optional<List<SavedSearch.Alias>> aliasesIfAnswered(String q, SavedSearch.Filters filters) {
        ParsedQuery parsed = SavedSearch.parse(q, filters);
        if (parsed == null || filters.exact()) {
            return Optional.of(List.of());
        }
        Expanded expanded = expand(q, parsed);
        if (expanded == Expanded.UNANSWERED) {
            return Optional.empty();
        }
        List<SavedSearch.Alias> aliases = new ArrayList<>();
        for (DocumentQuery.Alias a : expanded.aliases()) {
            SearchResults.Expansion shown = expanded.expansions().stream()
                    .filter(e -> e.entityId().equals(a.entityId())).findFirst().orElse(null);
            aliases.add(new SavedSearch.Alias(a.start(), a.end(), a.entityId(),
                    shown == null ? q.substring(a.start(), a.end()) : shown.surface(),
                    shown == null ? null : shown.name()));
        }
        return Optional.of(aliases);
    }

    /** The registry names found in the query (their spans in its text) and the expansions they make. */
    record Expanded(List<DocumentQuery.Alias> aliases, List<SearchResults.Expansion> expansions) {

        static final Expanded NONE = new Expanded(List.of(), List.of());
        /** The registry did not answer: the search runs unexpanded. */
        static final Expanded UNANSWERED = new Expanded(List.of(), List.of());
    }

    /**
     * Alias expansion: the query linked against the registry's names and, for a query of plain words, matched whole.
     * The whole query (quotes aside) linked as a name of an entity, or else matched whole against the registry at
     * {@link #EXPANSION_SCORE} or better (which reaches abbreviations such as "KH" that linking only takes with support
     * from the text), finds that entity's documents; otherwise each name inside the query finds its entity's documents
     * as well as its words, and the other words keep their meaning ({@link DocumentQuery}). Both run in memory on the
     * names this service follows ({@link RegistryNames}, the entities service's own matcher and linker); until those
     * are loaded, or while they are stale, one linking and one matching call to the entities service, made together.
     * Without either, search answers unexpanded.
     */
    private Expanded expand(String q, ParsedQuery parsed) {
        List<QueryNode.Word> words = parsed.words();
        if (words.isEmpty()) {
            return Expanded.NONE;
        }
        // the name the query is as a whole: from its first word to its last, as typed
        int nameStart = words.get(0).start();
        int nameEnd = words.get(words.size() - 1).end();
        String name = q.substring(nameStart, nameEnd);
        boolean plain = !parsed.syntaxApplied() || parsed.tree() instanceof QueryNode.Phrase;
        if (names.ready()) {
            // in memory: the registry's names as this service follows them
            try {
                List<EntitiesApi.Mention> mentions = names.mentions(q).stream()
                        .map(f -> new EntitiesApi.Mention(f.entity().id(), f.entity().type(),
                                f.entity().primaryName(), f.start(), f.end(), f.surface(), f.name()))
                        .toList();
                return expanded(mentions, plain, nameStart, nameEnd, name,
                        () -> names.matchClose(name, 5, EXPANSION_SCORE).stream()
                                .map(m -> new EntitiesApi.Match(m.entity().id(),
                                        m.entity().type(), m.entity().primaryName(), m.score(), m.matchedName(), null,
                                        m.rule()))
                                .toList());
            } catch (RuntimeException e) {
                Log.warnf(e, "alias expansion skipped: the registry's names failed on a query");
                return Expanded.UNANSWERED;
            }
        }
        CompletableFuture<EntitiesApi.Matches> matching = null;
        try {
            if (plain) {
                matching = entities.matchAsync(new EntitiesApi.MatchQuery(name, 5)).toCompletableFuture();
            }
            // bounded: a slow registry costs a search at most this, and the search answers unexpanded
            List<EntitiesApi.Mention> mentions = entities.mentionsAsync(new EntitiesApi.Text(q)).toCompletableFuture()
                    .get(EXPANSION_WAIT_MS, TimeUnit.MILLISECONDS).mentions();
            CompletableFuture<EntitiesApi.Matches> matched = matching;
            return expanded(mentions, plain, nameStart, nameEnd, name, () -> {
                try {
                    return matched == null
                            ? List.of()
                            : matched.get(EXPANSION_WAIT_MS, TimeUnit.MILLISECONDS).candidates();
                } catch (ExecutionException | TimeoutException e) {
                    throw new java.util.concurrent.CompletionException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            Log.warnf("alias expansion skipped, the entities service did not answer: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (matching != null) {
                matching.cancel(true);
            }
        }
        return Expanded.UNANSWERED;
    }

    private static Expanded expanded(List<EntitiesApi.Mention> mentions, boolean plain, int nameStart, int nameEnd,
            String name, java.util.function.Supplier<List<EntitiesApi.Match>> matching) {
        Map<String, SearchResults.Expansion> whole = new LinkedHashMap<>();
        for (EntitiesApi.Mention m : plain ? mentions : List.<EntitiesApi.Mention>of()) {
            if (m.start() == nameStart && m.end() == nameEnd) {
                whole.putIfAbsent(m.entityId(), new SearchResults.Expansion(m.surface(), m.entityId(), m.type(),
                        m.primaryName(), "name"));
            }
        }
        if (whole.isEmpty() && plain) {
            for (EntitiesApi.Match m : matching.get()) { // asked only when no linked name is the whole query
                if (m.score() >= EXPANSION_SCORE) {
                    whole.putIfAbsent(m.entityId(), new SearchResults.Expansion(name, m.entityId(), m.type(),
                            m.primaryName(), m.rule()));
                }
            }
        }
        if (!whole.isEmpty()) {
            return new Expanded(whole.keySet().stream()
                    .map(id -> new DocumentQuery.Alias(nameStart, nameEnd, id)).toList(),
                    List.copyOf(whole.values()));
        }
        List<DocumentQuery.Alias> aliases = new ArrayList<>();
        Map<String, SearchResults.Expansion> inside = new LinkedHashMap<>();
        for (EntitiesApi.Mention m : mentions) {
            aliases.add(new DocumentQuery.Alias(m.start(), m.end(), m.entityId()));
            inside.putIfAbsent(m.entityId() + "@" + m.start(), new SearchResults.Expansion(m.surface(),
                    m.entityId(), m.type(), m.primaryName(), "mention"));
        }
        return new Expanded(aliases, List.copyOf(inside.values()));
    }

    static List<Query> filters(SearchParams p, Set<String> readable) {
        List<Query> filters = new ArrayList<>();
        CollectionAccess.filter(readable).ifPresent(filters::add);
        for (String entity : p.entities()) {
            filters.add(terms("entityIds", List.of(entity))); // every chosen entity
        }
        addAny(filters, "entityTypes", p.entityTypes());
        addAny(filters, "publisher", p.publishers());
        addAny(filters, "language", p.languages());
        addAny(filters, "collection", p.collections());
        addAny(filters, "tags", p.tags());
        if (p.from() != null || p.to() != null) {
            filters.add(Query.of(x -> x.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (p.from() != null) {
                    d.gte(p.from().toString());
                }
                if (p.to() != null) {
                    d.lte(p.to().toString());
                }
                return d;
            }))));
        }
        return filters;
    }

    private static void addAny(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.add(terms(field, values));
        }
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> v = values.stream().map(FieldValue::of).toList();
        return Query.of(x -> x.terms(t -> t.field(field).terms(tv -> tv.value(v))));
    }

    private static List<SortOptions> sort(String sort) {
        List<SortOptions> out = new ArrayList<>();
        if ("date".equals(sort)) {
            out.add(SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Desc)
                    .missing(FieldValue.of("_last")))));
            out.add(SortOptions.of(s -> s.field(f -> f.field("createdAt").order(SortOrder.Desc)
                    .missing(FieldValue.of("_last")))));
        } else {
            out.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        out.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)))); // a total order, for cursors
        return out;
    }

    private static Map<String, Aggregation> aggregations(String interval) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("entities", Aggregation.of(a -> a.terms(t -> t.field("entityFacets").size(20))));
        aggs.put("entityTypes", Aggregation.of(a -> a.terms(t -> t.field("entityTypes").size(10))));
        aggs.put("publishers", Aggregation.of(a -> a.terms(t -> t.field("publisher").size(20))));
        aggs.put("languages", Aggregation.of(a -> a.terms(t -> t.field("language").size(10))));
        aggs.put("collections", Aggregation.of(a -> a.terms(t -> t.field("collection").size(10))));
        aggs.put("tags", Aggregation.of(a -> a.terms(t -> t.field("tags").size(20))));
        // a calendar histogram (the automatic one is not in the minimal Elasticsearch); empty months are left out
        aggs.put("dates", Aggregation.of(a -> a.dateHistogram(h -> h.field("publishedAt")
                .calendarInterval(CalendarInterval.valueOf(interval)).minDocCount(1).format("yyyy-MM-dd"))));
        return aggs;
    }

    private static SearchResults.Facets facets(Map<String, Aggregate> aggs, String interval) {
        if (aggs == null || !aggs.containsKey("entities")) {
            // no index answered (none yet, or gone for a moment): no counts rather than a failure
            return new SearchResults.Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
        List<SearchResults.EntityBucket> entityBuckets = new ArrayList<>();
        for (StringTermsBucket b : aggs.get("entities").sterms().buckets().array()) {
            var entity = IndexedDocument.EntityFacet.parse(b.key().stringValue());
            entityBuckets.add(new SearchResults.EntityBucket(entity.id(), entity.type(), entity.name(),
                    b.docCount()));
        }
        List<SearchResults.DateBucket> dates = aggs.get("dates").dateHistogram().buckets().array().stream()
                .map(b -> new SearchResults.DateBucket(b.keyAsString(), interval.toLowerCase(Locale.ROOT),
                        b.docCount()))
                .toList();
        return new SearchResults.Facets(entityBuckets, buckets(aggs, "entityTypes"), buckets(aggs, "publishers"),
                buckets(aggs, "languages"), buckets(aggs, "collections"), buckets(aggs, "tags"), dates);
    }

    private static List<SearchResults.Bucket> buckets(
            Map<String, Aggregate> aggs, String name) {
        return aggs.get(name).sterms().buckets().array().stream()
                .map(b -> new SearchResults.Bucket(b.key().stringValue(), b.docCount())).toList();
    }

    static SearchResults.Hit hit(Hit<IndexedDocument> hit, QueryTerms terms, Set<String> expandedIds) {
        IndexedDocument d = hit.source();
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        // the words the query looks for, and where the text names an entity the query was expanded to
        String title = Highlights.title(d.title(), d.language(), terms, linked(d, "title", expandedIds));
        if (title != null) {
            highlights.put("title", List.of(title));
        }
        List<Highlights.Snippet> text = Highlights.snippets(d.text(), d.language(), terms,
                linked(d, "text", expandedIds), 3);
        if (!text.isEmpty()) {
            highlights.put("text", text.stream().map(Highlights.Snippet::html).toList());
        }
        // the notes on the document whose words the query looks for: a snippet of each, the first two
        List<String> notes = new ArrayList<>();
        for (IndexedDocument.IndexedNote n : d.notes() == null ? List.<IndexedDocument.IndexedNote>of() : d.notes()) {
            // a note's words by their script, as indexed (not in the document's language)
            List<Highlights.Snippet> found = Highlights.snippets(n.text(), null, terms, List.of(), 1);
            if (!found.isEmpty()) {
                notes.add(found.get(0).html());
                if (notes.size() == 2) {
                    break;
                }
            }
        }
        if (!notes.isEmpty()) {
            highlights.put("notes", notes);
        }
        List<Integer> pages = Highlights.paged(d.text()) && !text.isEmpty()
                ? text.stream().map(Highlights.Snippet::page).toList()
                : null;
        return new SearchResults.Hit(hit.id(), d.title(), d.url(), d.publisher(), d.publishedAt(), d.language(),
                d.collection(), hit.score() == null ? 0 : hit.score(), highlights, pages, entityRefs(d));
    }

    /** The [start, end) spans of a field where the document names one of the given entities. */
    private static List<int[]> linked(IndexedDocument d, String field, Set<String> entityIds) {
        if (entityIds.isEmpty() || d.mentions() == null) {
            return List.of();
        }
        return d.mentions().stream().filter(m -> field.equals(m.field()) && entityIds.contains(m.entityId()))
                .map(m -> new int[]{m.start(), m.end()}).toList();
    }

    /** The entities a document is linked to, from its facet field. */
    private static List<SearchResults.EntityRef> entityRefs(IndexedDocument d) {
        List<SearchResults.EntityRef> out = new ArrayList<>();
        for (String facet : d.entityFacets() == null ? List.<String>of() : d.entityFacets()) {
            var entity = IndexedDocument.EntityFacet.parse(facet);
            out.add(new SearchResults.EntityRef(entity.id(), entity.type(), entity.name()));
        }
        return out;
    }

    /** Sort values of the last hit, as an opaque string the client sends back for the next page. */
    static final class Cursor {

        private Cursor() {
        }

        static String encode(List<FieldValue> values) {
            List<Object> plain = new ArrayList<>();
            for (FieldValue v : values) {
                plain.add(v.isNull() ? null : v._get());
            }
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static List<FieldValue> decode(String cursor) {
            try {
                List<Object> plain = JSON.readValue(Base64.getUrlDecoder().decode(cursor),
                        new TypeReference<List<Object>>() {
                        });
                List<FieldValue> values = new ArrayList<>();
                for (Object o : plain) {
                    if (o == null) {
                        values.add(FieldValue.NULL);
                    } else if (o instanceof String str) {
                        values.add(FieldValue.of(str));
                    } else if (o instanceof Integer || o instanceof Long) {
                        values.add(FieldValue.of(((Number) o).longValue()));
                    } else if (o instanceof Number num) {
                        values.add(FieldValue.of(num.doubleValue()));
                    } else {
                        throw new IllegalArgumentException("unexpected value");
                    }
                }
                if (values.isEmpty() || values.size() > 4) {
                    throw new IllegalArgumentException("wrong length");
                }
                return values;
            } catch (IOException | IllegalArgumentException e) {
                throw new ProblemException(400, "The cursor is not one this service gave out");
            }
        }
    }
}
