package io.dossier.search.candidates;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.names.discovery.SpottedName;
import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.indexing.RegistryNames;
import io.dossier.search.query.CollectionAccess;
import io.dossier.search.query.SearchService;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;

/**
 * The candidates queue over the documents index (docs/decisions.md #37): the names the registry does not hold that
 * linking found in each document ({@code candidates}), counted over the documents the caller may read, less those an
 * editor decided on and those a registered name now covers (until re-linking takes them out of the documents).
 */
@ApplicationScoped
public class CandidateQueue {

    /** Names considered per request at most, before the decided and registered ones are left out and a page cut. */
    static final int CONSIDERED = 1000;
    /** Passages shown per candidate, and their characters on either side of the name. */
    static final int CONTEXTS = 2;
    static final int CONTEXT_CHARS = 110;
    static final Duration NEW = Duration.ofDays(7);
    /** The farthest page start the API takes. */
    static final int MAX_FROM = 500;

    private final ElasticsearchClient client;
    private final DocumentIndex documents;
    private final RegistryNames registry;
    private final CandidateDecisionRepository decisions;

    public CandidateQueue(ElasticsearchClient client, DocumentIndex documents, RegistryNames registry,
            CandidateDecisionRepository decisions) {
        this.client = client;
        this.documents = documents;
        this.registry = registry;
        this.decisions = decisions;
    }

    public CandidatePage list(CandidateFilter filter, Set<String> readable) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.exists(e -> e.field("candidates"))));
        CollectionAccess.filter(readable).ifPresent(filters::add);
        if (filter.collection() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("collection").value(filter.collection()))));
        }
        if (filter.language() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("language").value(filter.language()))));
        }
        try {
            List<StringTermsBucket> buckets = names(filters, filter);
            Map<String, StringTermsBucket> open = new LinkedHashMap<>();
            for (StringTermsBucket b : buckets) {
                open.put(b.key().stringValue(), b);
            }
            open.keySet().removeAll(decisions.decided(open.keySet()));
            Instant weekAgo = Instant.now().minus(NEW);
            List<StringTermsBucket> listed = new ArrayList<>();
            int skipped = 0;
            boolean more = false;
            for (StringTermsBucket b : open.values()) {
                SpottedName name = SpottedName.ofKey(b.key().stringValue());
                if (name == null || held(name.name())) {
                    continue;
                }
                Instant first = millis(b.aggregations().get("first"));
                if (filter.newOnly() && (first == null || first.isBefore(weekAgo))) {
                    break; // newest first: the rest were seen before too
                }
                if (skipped < filter.from()) {
                    skipped++;
                } else if (listed.size() < filter.size()) {
                    listed.add(b);
                } else {
                    more = true;
                    break;
                }
            }
            int next = filter.from() + filter.size();
            return new CandidatePage(details(filters, listed), more && next <= MAX_FROM ? next : null);
        } catch (ElasticsearchException | IOException e) {
            throw SearchService.unavailable("the candidates queue", e);
        }
    }

    /** The names of the documents matching the filters, most documents first (or first seen last, for new ones). */
    private List<StringTermsBucket> names(List<Query> filters, CandidateFilter filter) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(documents.name()).ignoreUnavailable(true).size(0)
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("names", a -> a.terms(t -> {
                    t.field("candidates").size(CONSIDERED).minDocCount(filter.minDocuments());
                    if (filter.type() != null) {
                        t.include(i -> i.regexp(filter.type() + "\\|.*")); // a type's keys: "TYPE|name"
                    }
                    if (filter.newOnly()) {
                        t.order(List.of(NamedValue.of("first", SortOrder.Desc)));
                    }
                    return t;
                }).aggregations("first", Aggregation.of(x -> x.min(m -> m.field("createdAt"))))
                        .aggregations("last", Aggregation.of(x -> x.max(m -> m.field("createdAt"))))
                        .aggregations("languages", Aggregation.of(x -> x.terms(t -> t.field("language").size(3))))),
                Void.class);
        return response.aggregations().get("names").sterms().buckets().array();
    }

    /** The listed names with their mentions, passages and possible registry entities. */
    private List<CandidatePage.Candidate> details(List<Query> filters, List<StringTermsBucket> listed)
            throws IOException {
        if (listed.isEmpty()) {
            return List.of();
        }
        List<String> keys = listed.stream().map(b -> b.key().stringValue()).toList();
        List<String> repeats = new ArrayList<>();
        for (StringTermsBucket b : listed) {
            for (int i = 2; i <= IndexedDocument.MAX_REPEATS; i++) {
                repeats.add(b.key().stringValue() + IndexedDocument.REPEAT + i);
            }
        }
        SearchResponse<Void> response = client.search(s -> s.index(documents.name()).ignoreUnavailable(true).size(0)
                .query(q -> q.bool(b -> b.filter(filters)
                        .filter(f -> f.terms(t -> t.field("candidates")
                                .terms(v -> v.value(keys.stream().map(FieldValue::of).toList()))))))
                .aggregations("repeats", a -> a.terms(t -> t.field("candidateRepeats").size(repeats.size())
                        .include(i -> i.terms(repeats))))
                .aggregations("passages", a -> a.terms(t -> t.field("candidates").size(keys.size())
                        .include(i -> i.terms(keys)))
                        // the shortest documents holding the name: short passages, and a bounded answer
                        // whatever the longest texts (an OCR'd book) hold
                        .aggregations("recent", Aggregation.of(x -> x.topHits(h -> h.size(CONTEXTS)
                                .sort(so -> so.field(f -> f.field("textLength").order(SortOrder.Asc)
                                        .unmappedType(FieldType.Integer)))
                                .sort(so -> so.field(f -> f.field("createdAt").order(SortOrder.Desc)))
                                .source(src -> src.filter(f -> f.includes("id", "title", "collection", "text"))))))),
                Void.class);
        Map<String, Long> mentions = new HashMap<>();
        for (StringTermsBucket b : response.aggregations().get("repeats").sterms().buckets().array()) {
            String value = b.key().stringValue();
            mentions.merge(value.substring(0, value.lastIndexOf(IndexedDocument.REPEAT)), b.docCount(), Long::sum);
        }
        Map<String, List<CandidatePage.Context>> passages = new HashMap<>();
        for (StringTermsBucket b : response.aggregations().get("passages").sterms().buckets().array()) {
            SpottedName name = SpottedName.ofKey(b.key().stringValue());
            List<CandidatePage.Context> contexts = new ArrayList<>();
            for (Hit<JsonData> hit : b.aggregations().get("recent").topHits().hits().hits()) {
                if (hit.source() != null) {
                    contexts.add(context(hit.source().to(Passage.class), name.name()));
                }
            }
            passages.put(b.key().stringValue(), contexts);
        }
        List<CandidatePage.Candidate> out = new ArrayList<>();
        for (StringTermsBucket b : listed) {
            String key = b.key().stringValue();
            SpottedName name = SpottedName.ofKey(key);
            List<String> languages = b.aggregations().get("languages").sterms().buckets().array().stream()
                    .map(l -> l.key().stringValue()).toList();
            out.add(new CandidatePage.Candidate(key, name.name(), name.type().name(), b.docCount(),
                    b.docCount() + mentions.getOrDefault(key, 0L), millis(b.aggregations().get("first")),
                    millis(b.aggregations().get("last")), languages, passages.getOrDefault(key, List.of()),
                    variants(name)));
        }
        return out;
    }

    /** The fields of a document a passage is cut from. */
    record Passage(String id, String title, String collection, String text) {
    }

    /** The passage around the name's first occurrence in the text (or the title, or the text's opening). */
    static CandidatePage.Context context(Passage d, String name) {
        String text = d.text() == null ? "" : d.text();
        int at = text.indexOf(name);
        if (at < 0 && d.title() != null && d.title().contains(name)) {
            int t = d.title().indexOf(name);
            return new CandidatePage.Context(d.id(), d.title(), d.collection(), d.title(), t, t + name.length());
        }
        int nameEnd = at < 0 ? 0 : at + name.length();
        int from = at < 0 ? 0 : Math.max(0, at - CONTEXT_CHARS);
        int to = Math.min(text.length(), nameEnd + CONTEXT_CHARS);
        while (from > 0 && from < at && !Character.isWhitespace(text.charAt(from - 1))) {
            from++; // whole words at both ends
        }
        while (to < text.length() && to > nameEnd && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        String before = from > 0 ? "…" : "";
        String passage = before + text.substring(from, to).replaceAll("\\s", " ") + (to < text.length() ? "…" : "");
        int start = at < 0 ? -1 : before.length() + at - from;
        return new CandidatePage.Context(d.id(), d.title(), d.collection(), passage, start,
                at < 0 ? -1 : start + name.length());
    }

    /** Whether a registered name covers the whole name (registered since its documents were linked). */
    private boolean held(String name) {
        if (!registry.ready()) {
            return false;
        }
        return registry.mentions(name).stream().anyMatch(m -> m.start() == 0 && m.end() == name.length());
    }

    /** The registry entities of the name's type that it matches best: another name of one of them, maybe. */
    private List<CandidatePage.Variant> variants(SpottedName name) {
        if (!registry.ready()) {
            return List.of();
        }
        return registry.match(name.name(), 10).stream()
                .filter(m -> name.type().name().equals(m.entity().type()) && m.score() >= 0.5).limit(3)
                .map(m -> new CandidatePage.Variant(m.entity().id(), m.entity().type(), m.entity().primaryName(),
                        m.score(), m.matchedName(), m.rule()))
                .toList();
    }

    private static Instant millis(Aggregate aggregate) {
        double value = aggregate.isMin() ? aggregate.min().value() : aggregate.max().value();
        return Double.isFinite(value) ? Instant.ofEpochMilli((long) value) : null;
    }
}
