package io.dossier.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.dossier.common.text.TextAnalysis;
import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.query.QueryNode.Bool;
import io.dossier.search.query.QueryNode.Boost;
import io.dossier.search.query.QueryNode.Clause;
import io.dossier.search.query.QueryNode.Field;
import io.dossier.search.query.QueryNode.Fuzzy;
import io.dossier.search.query.QueryNode.Occur;
import io.dossier.search.query.QueryNode.Phrase;
import io.dossier.search.query.QueryNode.Prefix;
import io.dossier.search.query.QueryNode.Word;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.CombinedFieldsOperator;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;

/**
 * The Elasticsearch query for a parsed search ({@link QuerySyntax}), over the documents' analysed fields:
 * <ul>
 * <li>a word finds every form of itself: its stems (in any language a document may be in) in {@code *Stems}, which
 * holds a word's stem where it differs from the word, and in {@code *Forms}, which holds every word as written; the
 * form as written ranks above a match of the stem only ("attack" finds "attacks", and a text that says "attack" comes
 * first);</li>
 * <li>a phrase finds the words' stems in order (spans over both fields, whose positions are the same), and ranks the
 * phrase as written above;</li>
 * <li>prefixes and fuzzy words look at the forms as written;</li>
 * <li>{@code exact} keeps to the forms as written: no stems, no aliases;</li>
 * <li>a name of a registry entity inside the query ({@link Alias}) also finds the documents linked to that entity,
 * whatever name they give it.</li>
 * </ul>
 * The title counts twice as much as the text. The same walk over an index of an older mapping (folded copies,
 * {@link Fields#LEGACY}) searches the folded forms only, so searches go on while its replacement is built.
 */
final class DocumentQuery {

    /**
     * The fields searched: an analysed index's, or the folded copies of an older mapping; {@code combined}: the stems
     * field holds only the stems that differ from their words, so a word's stems are asked of it and of the forms
     * field as one field ({@code combined_fields}: one term frequency, one length, as a single field of stems would
     * score them), which needs norms on both (mapping 544 on); before, the stems field held every stem.
     */
    record Fields(String titleStems, String textStems, String titleForms, String textForms, String notesStems,
            String notesForms, boolean stems, boolean combined) {

        static final Fields ANALYSED = new Fields("titleStems", "textStems", "titleForms", "textForms", "notesStems",
                "notesForms", true, true);
        /** The analysed mappings before 544: a stem for every word. */
        static final Fields EVERY_STEM = new Fields("titleStems", "textStems", "titleForms", "textForms",
                "notesStems", "notesForms", true, false);
        /** An older mapping: folded copies, and no notes. */
        static final Fields LEGACY = new Fields("titleFolded", "textFolded", "titleFolded", "textFolded", null, null,
                false, false);

        /** The fields of the index live behind the alias now. */
        static Fields ofLive(DocumentIndex index) {
            if (!index.liveAnalysed()) {
                return LEGACY;
            }
            return index.liveHoldsDifferingStemsOnly() ? ANALYSED : EVERY_STEM;
        }
    }

    /** A registry entity named by the words at [start, end) of the query: they also find its linked documents. */
    record Alias(int start, int end, String entityId) {
    }

    /** How much more the title weighs than the text, and a form as written than a stem. */
    static final float TITLE = 2f;
    static final float AS_WRITTEN = 1.5f;
    /** How much an analyst's note on a document weighs beside its text. */
    static final float NOTE = 0.5f;
    /** How much a link to an entity the query names weighs beside its words. */
    static final float LINK = 0.5f;

    private final Fields fields;
    private final boolean exact;
    private final List<Alias> aliases;

    private DocumentQuery(Fields fields, boolean exact, List<Alias> aliases) {
        this.fields = fields;
        this.exact = exact;
        this.aliases = exact ? List.of() : aliases;
    }

    /** The query for {@code tree}; null when it has nothing to search. */
    static Query of(QueryNode tree, Fields fields, boolean exact, List<Alias> aliases) {
        return new DocumentQuery(fields, exact, aliases).node(tree, Scope.BOTH);
    }

    /**
     * The query for {@code tree} over the index behind the alias, whose live index has the fields {@code live}: while
     * it is of an older mapping, what answers on it and on its replacement too (the alias moves to the new index a
     * moment before the instance learns it): match queries on the stems fields, which every analysed mapping has, and
     * over the folded copies as well while those are live (the fields an index lacks match nothing there).
     */
    static Query forLive(QueryNode tree, Fields live, boolean exact, List<Alias> aliases) {
        if (live == Fields.ANALYSED) {
            return of(tree, live, exact, aliases);
        }
        Query analysed = of(tree, Fields.EVERY_STEM, exact, aliases);
        if (live == Fields.EVERY_STEM || analysed == null) {
            return analysed;
        }
        Query legacy = of(tree, Fields.LEGACY, exact, aliases);
        return Query.of(q -> q.bool(b -> b.should(analysed, legacy).minimumShouldMatch("1")));
    }

    /**
     * What the words of a query are the words of: the title, the text and the analysts' notes, or the one a
     * {@code title:}, {@code text:} or {@code note:} names.
     */
    private enum Scope {
        BOTH, TITLE, TEXT, NOTE
    }

    private Query node(QueryNode node, Scope scope) {
        if (node instanceof Word w) {
            return aliased(w.start(), w.end(), word(w, scope));
        }
        if (node instanceof Phrase p) {
            return aliased(p.start(), p.end(), phrase(p, scope));
        }
        if (node instanceof Prefix p) {
            String form = TextAnalysis.form(p.word().text());
            return form.isEmpty() ? null : either(scope, f -> Query.of(q -> q.prefix(x -> x.field(f).value(form))));
        }
        if (node instanceof Fuzzy z) {
            String form = TextAnalysis.form(z.word().text());
            String fuzziness = z.edits() == Fuzzy.AUTO ? "AUTO" : Integer.toString(z.edits());
            return form.isEmpty()
                    ? null
                    : either(scope, f -> Query.of(q -> q.fuzzy(x -> x.field(f).value(form).fuzziness(fuzziness)
                            .maxExpansions(50))));
        }
        if (node instanceof Field f) {
            return field(f);
        }
        if (node instanceof Boost b) {
            Query inner = node(b.node(), scope);
            return inner == null ? null : Query.of(q -> q.bool(x -> x.must(inner).boost(b.boost())));
        }
        return bool((Bool) node, scope);
    }

    /**
     * A word: its stems, and its form as written ranking above. A stem is looked for in both fields of a pair: the
     * stems field holds a stem where it differs from the word, the forms field every word, so also one written as its
     * stem ({@code AnalysedWords}).
     */
    private Query word(Word w, Scope scope) {
        List<String> stems = TextAnalysis.queryStems(w.text());
        if (stems.isEmpty()) {
            return null; // punctuation alone: nothing to find
        }
        String form = stems.get(0);
        if (form.indexOf(' ') >= 0) {
            // one word as typed, several as analysed ("al-Haq", "U.S"): they are found together, in order
            return phrase(List.of(form.split(" ")), 0, scope);
        }
        List<Query> should = new ArrayList<>();
        if (!exact && fields.stems()) {
            forEach(scope, (stemsField, formsField, weight) -> should.add(stems(stems, stemsField, formsField,
                    weight)));
        }
        forEach(scope, (stemsField, formsField, weight) -> should.add(Query.of(q -> q.match(m -> m.field(formsField)
                .query(form).boost(weight * (exact || !fields.stems() ? 1 : AS_WRITTEN))))));
        return anyOf(should);
    }

    /** A phrase: its words' stems in order, and the phrase as written ranking above. */
    private Query phrase(Phrase p, Scope scope) {
        return phrase(p.words().stream().map(Word::text).toList(), p.slop(), scope);
    }

    private Query phrase(List<String> words, int slop, Scope scope) {
        List<String> forms = new ArrayList<>();
        List<List<String>> stems = new ArrayList<>();
        for (String word : words) {
            for (String part : TextAnalysis.form(word).split(" ")) {
                List<String> s = part.isEmpty() ? List.of() : TextAnalysis.queryStems(part);
                if (!s.isEmpty()) {
                    forms.add(s.get(0));
                    stems.add(s); // the form first, then the stems a document of any language may hold
                }
            }
        }
        if (forms.isEmpty()) {
            return null;
        }
        String asWritten = String.join(" ", forms);
        List<Query> should = new ArrayList<>();
        if (!exact && fields.stems()) {
            forEach(scope, (stemsField, formsField, weight) -> should.add(stemPhrase(stems, slop, stemsField,
                    formsField, weight)));
        }
        forEach(scope, (stemsField, formsField, weight) -> should.add(Query.of(q -> q.matchPhrase(m -> m
                .field(formsField).query(asWritten).slop(slop)
                .boost(weight * (exact || !fields.stems() ? 1 : AS_WRITTEN))))));
        return anyOf(should);
    }

    /**
     * A word by its stems: in the stems and the forms fields taken as one (mapping 544 on: the stems field holds only
     * the stems that differ from their words), or in the stems field, which held every stem before.
     */
    private Query stems(List<String> stems, String stemsField, String formsField, float weight) {
        String all = String.join(" ", stems);
        if (fields.combined()) {
            return Query.of(q -> q.combinedFields(c -> c.fields(stemsField, formsField).query(all)
                    .operator(CombinedFieldsOperator.Or).boost(weight)));
        }
        return Query.of(q -> q.match(m -> m.field(stemsField).query(all).operator(Operator.Or).boost(weight)));
    }

    /**
     * Words in order by their stems: at each position one of the word's stems, in the forms field (a word written as
     * its stem) or in the stems field, whose positions are the forms field's (a span masked as the forms field's).
     * With a slop, in any order within it (a span's slop counts the positions between the words, a phrase's the moves
     * that put them in order, and one position may serve two words: "attack attacks"~1 finds "attacks").
     */
    private Query stemPhrase(List<List<String>> stems, int slop, String stemsField, String formsField,
            float weight) {
        if (stems.size() == 1) {
            return stems(stems.get(0), stemsField, formsField, weight); // one word: as a word is searched
        }
        List<SpanQuery> positions = new ArrayList<>();
        for (List<String> alternatives : stems) {
            List<SpanQuery> any = new ArrayList<>();
            for (String stem : alternatives) {
                any.add(SpanQuery.of(s -> s.spanTerm(t -> t.field(formsField).value(stem))));
                any.add(SpanQuery.of(s -> s.spanFieldMasking(m -> m.field(formsField)
                        .query(q -> q.spanTerm(t -> t.field(stemsField).value(stem))))));
            }
            positions.add(SpanQuery.of(s -> s.spanOr(o -> o.clauses(any))));
        }
        return Query.of(q -> q.spanNear(n -> n.clauses(positions).slop(slop).inOrder(slop == 0).boost(weight)));
    }

    /** {@code title:} and {@code text:} scope their value; the others are filters on a keyword field. */
    private Query field(Field f) {
        switch (f.field()) {
            case "title" :
                return node(f.value(), Scope.TITLE);
            case "text" :
                return node(f.value(), Scope.TEXT);
            case "note" :
                return node(f.value(), Scope.NOTE);
            default :
                String keyword = switch (f.field()) {
                    case "tag" -> "tags";
                    default -> f.field();
                };
                List<String> values = keywordValues(f.value(), keyword);
                if (values.isEmpty()) {
                    return null;
                }
                List<FieldValue> v = values.stream().map(FieldValue::of).toList();
                return Query.of(q -> q.terms(t -> t.field(keyword).terms(tv -> tv.value(v))));
        }
    }

    /** The values a keyword field is asked for: the words of a group (any of them), a phrase or a word as typed. */
    private static List<String> keywordValues(QueryNode value, String keyword) {
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof Phrase p) {
            values.add(String.join(" ", p.words().stream().map(Word::text).toList()));
        } else {
            for (Word w : value.words()) {
                values.add(w.text());
            }
        }
        // languages and collections are written in lower case
        return keyword.equals("language") || keyword.equals("collection")
                ? values.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()
                : List.copyOf(values);
    }

    /**
     * A bool, with the words a registry name covers taken together: they find their phrase, or the documents linked
     * to the entity.
     */
    private Query bool(Bool b, Scope scope) {
        List<Query> must = new ArrayList<>();
        List<Query> should = new ArrayList<>();
        List<Query> mustNot = new ArrayList<>();
        List<Clause> clauses = b.clauses();
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            Query q;
            int covered = c.occur() == Occur.MUST ? coveredRun(clauses, i) : 0;
            if (covered > 1) {
                List<Word> run = new ArrayList<>();
                for (int k = i; k < i + covered; k++) {
                    run.add((Word) clauses.get(k).node());
                }
                Word first = run.get(0);
                Word last = run.get(run.size() - 1);
                Phrase asPhrase = new Phrase(run, 0, first.start(), last.end());
                q = aliased(first.start(), last.end(), phrase(asPhrase, scope));
                i += covered - 1;
            } else {
                q = node(c.node(), scope);
            }
            if (q == null) {
                continue;
            }
            switch (c.occur()) {
                case MUST -> must.add(q);
                case SHOULD -> should.add(q);
                default -> mustNot.add(q);
            }
        }
        if (must.isEmpty() && should.isEmpty() && mustNot.isEmpty()) {
            return null;
        }
        if (must.size() == 1 && should.isEmpty() && mustNot.isEmpty()) {
            return must.get(0);
        }
        return Query.of(q -> q.bool(x -> {
            x.must(must).should(should).mustNot(mustNot);
            if (must.isEmpty() && !should.isEmpty()) {
                x.minimumShouldMatch("1");
            }
            if (must.isEmpty() && should.isEmpty()) {
                x.must(m -> m.matchAll(a -> a)); // only exclusions: everything else
            }
            return x;
        }));
    }

    /** How many MUST words from {@code from} on lie inside one alias's span (0 or 1 when none does). */
    private int coveredRun(List<Clause> clauses, int from) {
        if (!(clauses.get(from).node() instanceof Word first)) {
            return 0;
        }
        for (Alias a : aliases) {
            if (first.start() < a.start() || first.end() > a.end()) {
                continue;
            }
            int n = 0;
            while (from + n < clauses.size() && clauses.get(from + n).occur() == Occur.MUST
                    && clauses.get(from + n).node() instanceof Word w && w.start() >= a.start()
                    && w.end() <= a.end()) {
                n++;
            }
            // the run must be the whole name, not a part of it
            Word last = (Word) clauses.get(from + n - 1).node();
            if (first.start() == a.start() && last.end() == a.end()) {
                return n;
            }
        }
        return 0;
    }

    /** {@code words}, or the documents linked to an entity whose name spans exactly [start, end). */
    private Query aliased(int start, int end, Query words) {
        if (words == null) {
            return null;
        }
        List<FieldValue> ids = new ArrayList<>();
        for (Alias a : aliases) {
            if (a.start() == start && a.end() == end) {
                ids.add(FieldValue.of(a.entityId()));
            }
        }
        if (ids.isEmpty()) {
            return words;
        }
        Query linked = Query.of(q -> q.terms(t -> t.field("entityIds").terms(v -> v.value(ids)).boost(LINK)));
        return Query.of(q -> q.bool(b -> b.should(words, linked).minimumShouldMatch("1")));
    }

    /** The words of a tree, all required: what is searched when the tree as a whole cannot be. */
    static QueryNode wordsOnly(QueryNode tree) {
        return new Bool(tree.words().stream().map(w -> new Clause(Occur.MUST, w)).toList());
    }

    /** A field pair of the scope with its weight: the stems field, the forms field, how much it counts. */
    private interface FieldPair {
        void accept(String stems, String forms, float weight);
    }

    private void forEach(Scope scope, FieldPair pair) {
        if (scope == Scope.BOTH || scope == Scope.TITLE) {
            pair.accept(fields.titleStems(), fields.titleForms(), TITLE);
        }
        if (scope == Scope.BOTH || scope == Scope.TEXT) {
            pair.accept(fields.textStems(), fields.textForms(), 1f);
        }
        if ((scope == Scope.BOTH || scope == Scope.NOTE) && fields.notesStems() != null) {
            pair.accept(fields.notesStems(), fields.notesForms(), NOTE);
        }
    }

    /** The same query on the forms field of each field of the scope, any of them matching. */
    private Query either(Scope scope, java.util.function.Function<String, Query> on) {
        List<Query> should = new ArrayList<>();
        forEach(scope, (stems, forms, weight) -> should.add(on.apply(forms)));
        return anyOf(should);
    }

    /** Any of these queries matching; none at all: nothing (an index without the fields scoped to). */
    private static Query anyOf(List<Query> should) {
        if (should.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        return should.size() == 1
                ? should.get(0)
                : Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }
}
