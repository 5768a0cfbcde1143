package io.dossier.search.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.FieldMaskingSpanQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.DateRangeQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.MatchPhraseQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * An Elasticsearch query of the kinds the search builds (bool, match, combined_fields and match_phrase over
 * whitespace-analysed fields, span_near over the forms and stems fields, prefix, fuzzy, term and terms on keywords, date ranges, match_all) as the Lucene query Elasticsearch itself would run,
 * to be evaluated against one document in memory; with the terms a document must hold one of to match at all
 * ({@link #keys}, null when no such set exists: a prefix, a range or everything), so that most watches are never
 * evaluated against a document that cannot match them; and, for a query that is only words required together or as
 * alternatives (most saved searches), the same as groups of terms ({@link #groups}: a document matches when it holds
 * a term of every group), so that no index is needed to decide. Any other kind is refused: a watch is evaluated
 * exactly as searched, or not saved.
 */
record InMemoryQuery(org.apache.lucene.search.Query query, Set<Key> keys, List<Set<Key>> groups) {

    /** A term: a word of an analysed field, or a keyword's value. */
    record Key(String field, String word) {
    }

    InMemoryQuery(org.apache.lucene.search.Query query, Set<Key> keys) {
        this(query, keys, null);
    }

    static final String PUBLISHED_AT = "publishedAt";

    static InMemoryQuery of(Query q) {
        return switch (q._kind()) {
            case Bool -> bool(q.bool());
            case Match -> match(q.match().field(), text(q.match().query()),
                    q.match().operator() == Operator.And);
            case MatchPhrase -> phrase(q.matchPhrase());
            case CombinedFields -> combined(q.combinedFields());
            case Prefix -> open(new PrefixQuery(new Term(q.prefix().field(), q.prefix().value())));
            case Fuzzy -> fuzzy(q.fuzzy());
            case Term -> term(q.term().field(), text(q.term().value()));
            case Terms -> {
                List<InMemoryQuery> any = new ArrayList<>();
                for (FieldValue v : q.terms().terms().value()) {
                    any.add(term(q.terms().field(), text(v)));
                }
                yield any(any);
            }
            case Range -> range(q.range());
            case MatchAll -> open(new MatchAllDocsQuery());
            case SpanNear -> spanNear(q.spanNear());
            default -> throw new IllegalArgumentException("a query of kind " + q._kind()
                    + " cannot be evaluated in memory");
        };
    }

    private static InMemoryQuery open(org.apache.lucene.search.Query query) {
        return new InMemoryQuery(query, null);
    }

    private static InMemoryQuery term(String field, String value) {
        Key k = new Key(field, value);
        return new InMemoryQuery(new TermQuery(new Term(field, value)), Set.of(k), List.of(Set.of(k)));
    }

    /** The groups of a disjunction: one group of all its alternatives, when each is a single group itself. */
    private static List<Set<Key>> anyGroups(List<InMemoryQuery> clauses) {
        Set<Key> group = new HashSet<>();
        for (InMemoryQuery c : clauses) {
            if (c.groups == null || c.groups.size() != 1) {
                return null;
            }
            group.addAll(c.groups.get(0));
        }
        return List.of(group);
    }

    /** What matches no document: no key to hold, a group no document can satisfy. */
    private static InMemoryQuery nothing() {
        return new InMemoryQuery(new MatchNoDocsQuery(), Set.of(), List.of(Set.of()));
    }

    /** A disjunction: a document needs one of any clause's keys. */
    private static InMemoryQuery any(List<InMemoryQuery> clauses) {
        if (clauses.isEmpty()) {
            return nothing();
        }
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<Key> keys = new HashSet<>();
        for (InMemoryQuery c : clauses) {
            b.add(c.query, BooleanClause.Occur.SHOULD);
            keys = c.keys == null || keys == null ? null : union(keys, c.keys);
        }
        return new InMemoryQuery(b.build(), keys, anyGroups(clauses));
    }

    /** A {@code match} on a whitespace-analysed field: its words, any of them or (AND) all. */
    private static InMemoryQuery match(String field, String text, boolean all) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return nothing();
        }
        if (!all) {
            return any(words.stream().map(w -> term(field, w)).toList());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<Set<Key>> groups = new ArrayList<>();
        for (String w : words) {
            b.add(new TermQuery(new Term(field, w)), BooleanClause.Occur.MUST);
            groups.add(Set.of(new Key(field, w)));
        }
        return new InMemoryQuery(b.build(), Set.of(new Key(field, longest(words))), groups);
    }

    /**
     * A {@code combined_fields} over whitespace-analysed fields: its words in any of the fields, any word or (AND) each
     * word in one of them. Its scoring (the fields as one) does not change what matches.
     */
    private static InMemoryQuery combined(co.elastic.clients.elasticsearch._types.query_dsl.CombinedFieldsQuery c) {
        List<String> words = words(c.query());
        if (words.isEmpty()) {
            return nothing();
        }
        List<InMemoryQuery> each = new ArrayList<>();
        for (String w : words) {
            each.add(any(c.fields().stream().map(f -> term(f, w)).toList()));
        }
        if (c.operator() != co.elastic.clients.elasticsearch._types.query_dsl.CombinedFieldsOperator.And) {
            return any(each);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<Set<Key>> groups = new ArrayList<>();
        for (InMemoryQuery q : each) {
            b.add(q.query, BooleanClause.Occur.MUST);
            groups.addAll(q.groups);
        }
        return new InMemoryQuery(b.build(), each.get(0).keys, groups);
    }

    private static InMemoryQuery phrase(MatchPhraseQuery p) {
        List<String> words = words(p.query());
        if (words.isEmpty()) {
            return nothing();
        }
        if (words.size() == 1) {
            return term(p.field(), words.get(0));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(p.slop() == null ? 0 : p.slop());
        for (String w : words) {
            b.add(new Term(p.field(), w));
        }
        // every word of a phrase is in a matching document: its longest is the rarest guess
        return new InMemoryQuery(b.build(), Set.of(new Key(p.field(), longest(words))));
    }

    /**
     * A span_near (a phrase by stems, over the forms and the stems fields): the Lucene spans Elasticsearch builds.
     * Every clause is required, so the keys of one of them will do: the one whose longest word is longest.
     */
    private static InMemoryQuery spanNear(co.elastic.clients.elasticsearch._types.query_dsl.SpanNearQuery near) {
        List<SpanQuery> clauses = new ArrayList<>();
        Set<Key> keys = null;
        for (co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery c : near.clauses()) {
            Set<Key> clauseKeys = new HashSet<>();
            clauses.add(span(c, clauseKeys));
            if (keys == null || longest(clauseKeys) > longest(keys)) {
                keys = clauseKeys;
            }
        }
        if (clauses.isEmpty()) {
            return nothing();
        }
        return new InMemoryQuery(new SpanNearQuery(clauses.toArray(SpanQuery[]::new),
                near.slop() == null ? 0 : near.slop(), near.inOrder() == null || near.inOrder()), keys);
    }

    /** A span query of the kinds a phrase by stems holds; the terms it may match go into {@code keys}. */
    private static SpanQuery span(co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery s, Set<Key> keys) {
        return switch (s._kind()) {
            case SpanTerm -> {
                keys.add(new Key(s.spanTerm().field(), s.spanTerm().value()));
                yield new SpanTermQuery(new Term(s.spanTerm().field(), s.spanTerm().value()));
            }
            case SpanOr -> new SpanOrQuery(s.spanOr().clauses().stream().map(c -> span(c, keys))
                    .toArray(SpanQuery[]::new));
            case SpanFieldMasking -> new FieldMaskingSpanQuery(span(s.spanFieldMasking().query(), keys),
                    s.spanFieldMasking().field());
            case SpanNear -> new SpanNearQuery(s.spanNear().clauses().stream().map(c -> span(c, keys))
                    .toArray(SpanQuery[]::new), s.spanNear().slop() == null ? 0 : s.spanNear().slop(),
                    s.spanNear().inOrder() == null || s.spanNear().inOrder());
            default -> throw new IllegalArgumentException("a span query of kind " + s._kind()
                    + " cannot be evaluated in memory");
        };
    }

    private static int longest(Set<Key> keys) {
        return keys.stream().mapToInt(k -> k.word().length()).max().orElse(0);
    }

    /**
     * Elasticsearch's fuzzy query: AUTO is no edit under 3 characters, one under 6, two from 6. Its max_expansions
     * picks among the index's terms; against one document, every term within the edits counts (a watch may notify a
     * document the search would leave out when more than 50 terms are that close: never one it would find).
     */
    private static InMemoryQuery fuzzy(co.elastic.clients.elasticsearch._types.query_dsl.FuzzyQuery f) {
        String value = text(f.value());
        int length = value.codePointCount(0, value.length());
        String fuzziness = f.fuzziness() == null ? "AUTO" : f.fuzziness();
        int edits = fuzziness.equals("AUTO")
                ? (length < 3 ? 0 : length < 6 ? 1 : 2)
                : Math.min(FuzzyQuery.defaultMaxEdits, Integer.parseInt(fuzziness));
        return open(new FuzzyQuery(new Term(f.field(), value), edits, f.prefixLength() == null ? 0 : f.prefixLength(),
                f.maxExpansions() == null ? 50 : f.maxExpansions(),
                f.transpositions() == null || f.transpositions()));
    }

    /**
     * Elasticsearch's date range: a date without a time is the day's first millisecond for {@code gte} and its last
     * for {@code lte}, in UTC.
     */
    private static InMemoryQuery range(co.elastic.clients.elasticsearch._types.query_dsl.RangeQuery r) {
        if (!r.isDate()) {
            throw new IllegalArgumentException("only date ranges can be evaluated in memory");
        }
        DateRangeQuery d = r.date();
        long from = d.gte() == null ? Long.MIN_VALUE : millis(d.gte(), false);
        long to = d.lte() == null ? Long.MAX_VALUE : millis(d.lte(), true);
        return open(LongPoint.newRangeQuery(d.field(), from, to));
    }

    static long millis(String date, boolean endOfDay) {
        try {
            LocalDate day = LocalDate.parse(date);
            return endOfDay
                    ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1
                    : day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException notADay) {
            return Instant.parse(date).toEpochMilli();
        }
    }

    /**
     * A bool as Elasticsearch runs it: required clauses (must, filter), optional ones (should: at least
     * {@code minimum_should_match}, and at least one when nothing is required), exclusions; exclusions alone exclude
     * from every document, and no clause at all is every document.
     */
    private static InMemoryQuery bool(BoolQuery bool) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<Set<Key>> required = new ArrayList<>();
        boolean anyRequired = false;
        // the groups of every required clause, while each has groups
        List<Set<Key>> groups = new ArrayList<>();
        for (Query q : bool.must()) {
            InMemoryQuery c = of(q);
            b.add(c.query, BooleanClause.Occur.MUST);
            required.add(c.keys);
            anyRequired = true;
            groups = c.groups == null || groups == null ? null : concat(groups, c.groups);
        }
        for (Query q : bool.filter()) {
            InMemoryQuery c = of(q);
            b.add(c.query, BooleanClause.Occur.FILTER);
            required.add(c.keys);
            anyRequired = true;
            groups = c.groups == null || groups == null ? null : concat(groups, c.groups);
        }
        Set<Key> optional = new HashSet<>();
        List<InMemoryQuery> shoulds = new ArrayList<>();
        for (Query q : bool.should()) {
            InMemoryQuery c = of(q);
            b.add(c.query, BooleanClause.Occur.SHOULD);
            optional = c.keys == null || optional == null ? null : union(optional, c.keys);
            shoulds.add(c);
        }
        for (Query q : bool.mustNot()) {
            b.add(of(q).query, BooleanClause.Occur.MUST_NOT);
        }
        int minimumShould = bool.minimumShouldMatch() == null ? 0 : Integer.parseInt(bool.minimumShouldMatch());
        boolean shouldRequired = !bool.should().isEmpty() && (minimumShould > 0 || !anyRequired);
        if (minimumShould > 0) {
            b.setMinimumNumberShouldMatch(Math.min(minimumShould, bool.should().size()));
        }
        if (!anyRequired && bool.should().isEmpty()) {
            // exclusions alone, or nothing at all: from every document
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            return open(b.build());
        }
        // the smallest set of terms one of which every matching document holds
        Set<Key> keys = shouldRequired ? optional : null;
        for (Set<Key> r : required) {
            if (r != null && (keys == null || r.size() < keys.size())) {
                keys = r;
            }
        }
        // decided by terms alone: no exclusion, at most one optional clause needed, and every needed clause decided
        if (!bool.mustNot().isEmpty() || minimumShould > 1) {
            groups = null;
        } else if (shouldRequired && groups != null) {
            List<Set<Key>> alternatives = anyGroups(shoulds);
            groups = alternatives == null ? null : concat(groups, alternatives);
        }
        return new InMemoryQuery(b.build(), keys, groups);
    }

    private static List<Set<Key>> concat(List<Set<Key>> a, List<Set<Key>> b) {
        List<Set<Key>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<Key> union(Set<Key> a, Set<Key> b) {
        Set<Key> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The same query as kept for evaluating it over and over: without its Lucene query when its words decide, its
     * sets immutable, and each key the equal one {@code shared} already holds (thousands of watches share their words,
     * and the search service's heap holds them all).
     */
    InMemoryQuery compact(java.util.Map<Key, Key> shared) {
        return new InMemoryQuery(groups == null ? query : null, keys == null ? null : canonical(keys, shared),
                groups == null ? null : groups.stream().map(g -> canonical(g, shared)).toList());
    }

    private static Set<Key> canonical(Set<Key> keys, java.util.Map<Key, Key> shared) {
        return Set.copyOf(keys.stream().map(k -> shared.computeIfAbsent(k, same -> same)).toList());
    }

    /** Whether a document holding these words (by field) matches; only for a query with {@link #groups}. */
    boolean matchesWords(java.util.Map<String, Set<String>> words) {
        for (Set<Key> group : groups) {
            boolean held = false;
            for (Key k : group) {
                Set<String> inField = words.get(k.field());
                if (inField != null && inField.contains(k.word())) {
                    held = true;
                    break;
                }
            }
            if (!held) {
                return false;
            }
        }
        return true;
    }

    /** Words as the {@code whitespace} analyzer splits them. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    private static String longest(List<String> words) {
        return words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    private static String text(FieldValue v) {
        return v.isString() ? v.stringValue() : String.valueOf(v._get());
    }
}
