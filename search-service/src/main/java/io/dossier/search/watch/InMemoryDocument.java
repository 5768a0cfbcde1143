package io.dossier.search.watch;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.ConstantScoreQuery;

import io.dossier.search.indexing.AnalysedWords;
import io.dossier.search.indexing.IndexedDocument;

/**
 * One indexed document as a Lucene index of its own, with the fields and analysis of the documents index: the
 * analysed title and text under the {@code whitespace} analyzer (the stems fields less their gaps), the keywords as single terms, the publication date as
 * a point; and its terms by field, which decide most queries without the index (built only when a query needs it:
 * a phrase, a prefix, a fuzzy word, a date, an exclusion). Not thread-safe; loaded anew for each document.
 */
final class InMemoryDocument {

    /** The analysed fields, as the documents index maps them ({@code DocumentIndex}). */
    static final List<String> ANALYSED = List.of("titleForms", "titleStems", "textForms", "textStems", "notesForms",
            "notesStems");

    /** Whitespace, with the gap Elasticsearch leaves between the values of a field (a phrase never spans two). */
    private static final Analyzer WHITESPACE = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new org.apache.lucene.analysis.core.WhitespaceTokenizer());
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_GAP;
        }
    };

    /**
     * The stems fields' analysis: the words, less the gaps where a word is its own stem, each keeping its position
     * (Elasticsearch's standard tokenizer and stop filter read the stems {@code AnalysedWords} writes the same way).
     */
    private static final Analyzer GAPPED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            org.apache.lucene.analysis.Tokenizer words = new org.apache.lucene.analysis.core.WhitespaceTokenizer();
            return new TokenStreamComponents(words, new org.apache.lucene.analysis.StopFilter(words,
                    new org.apache.lucene.analysis.CharArraySet(List.of(AnalysedWords.GAP), false)));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_GAP;
        }
    };

    /** The positions Elasticsearch leaves between two values of a text field (its position_increment_gap). */
    private static final int VALUE_GAP = 100;
    private static final String BETWEEN_VALUES = (" " + AnalysedWords.GAP).repeat(VALUE_GAP) + " ";

    /** The longest token of the whitespace analyzer (longer runs are split, so no such word is ever a term). */
    private static final int MAX_TOKEN = AnalysedWords.MAX_TOKEN;

    private final MemoryIndex index = new MemoryIndex();
    private final Map<String, Set<String>> words = new HashMap<>();
    private IndexedDocument document;
    private boolean indexed;

    /** Loads a document; returns the words it holds by field (for the watches' keys). */
    Map<String, Set<String>> load(IndexedDocument d) {
        document = d;
        indexed = false;
        words.clear();
        for (String field : ANALYSED) {
            for (String text : values(d, field)) {
                if (text != null && !text.isEmpty()) {
                    Set<String> held = words.computeIfAbsent(field, f -> new HashSet<>());
                    for (String w : InMemoryQuery.words(text)) {
                        if (w.length() <= MAX_TOKEN && !w.equals(AnalysedWords.GAP)) {
                            held.add(w);
                        }
                    }
                }
            }
        }
        keywordWords(d);
        return words;
    }

    /** Whether the document matches: by its words when they decide, else in its index. */
    boolean matches(InMemoryQuery query) {
        return query.groups() != null ? query.matchesWords(words) : matches(query.query());
    }

    private void keywordWords(IndexedDocument d) {
        put("collection", d.collection() == null ? List.of() : List.of(d.collection()));
        put("language", d.language() == null ? List.of() : List.of(d.language()));
        put("publisher", d.publisher() == null || d.publisher().length() > 300 ? List.of() : List.of(d.publisher()));
        put("tags", d.tags());
        put("entityIds", d.entityIds());
        put("entityTypes", d.entityTypes());
        put("authors", authors(d));
    }

    private void put(String field, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            words.computeIfAbsent(field, f -> new HashSet<>()).addAll(values);
        }
    }

    private static List<String> authors(IndexedDocument d) {
        List<String> authors = new ArrayList<>();
        for (String a : d.authors()) {
            if (a.length() <= 300) {
                authors.add(a);
            }
        }
        return authors;
    }

    /** Builds the document's index, the first time a query needs it. */
    private void index() {
        if (indexed) {
            return;
        }
        indexed = true;
        IndexedDocument d = document;
        index.reset();
        for (String field : ANALYSED) {
            text(field, values(d, field));
        }
        keywords("collection", d.collection() == null ? List.of() : List.of(d.collection()));
        keywords("language", d.language() == null ? List.of() : List.of(d.language()));
        keywords("publisher", d.publisher() == null || d.publisher().length() > 300
                ? List.of()
                : List.of(d.publisher()));
        keywords("tags", d.tags());
        keywords("entityIds", d.entityIds());
        keywords("entityTypes", d.entityTypes());
        keywords("authors", authors(d));
        if (d.publishedAt() != null) {
            try {
                index.addField(new LongPoint(InMemoryQuery.PUBLISHED_AT,
                        InMemoryQuery.millis(d.publishedAt(), false)), null);
            } catch (DateTimeParseException e) {
                // a date the index would have refused too: no date, as there
            }
        }
    }

    boolean matches(org.apache.lucene.search.Query query) {
        index();
        // constant score: a match of filters alone scores 0, and is a match all the same
        return index.search(new ConstantScoreQuery(query)) > 0f;
    }

    /** An analysed field's values: one, or for the notes one a note. */
    private static List<String> values(IndexedDocument d, String field) {
        List<String> values = switch (field) {
            case "titleForms" -> java.util.Collections.singletonList(d.titleForms());
            case "titleStems" -> java.util.Collections.singletonList(d.titleStems());
            case "textForms" -> java.util.Collections.singletonList(d.textForms());
            case "textStems" -> java.util.Collections.singletonList(d.textStems());
            case "notesForms" -> d.notesForms();
            case "notesStems" -> d.notesStems();
            default -> throw new IllegalArgumentException(field);
        };
        return values == null ? List.of() : values;
    }

    /**
     * An analysed field's values as Elasticsearch indexes them: each value after the first {@value #VALUE_GAP}
     * positions after the last position of the one before, its trailing gaps counted (the stems fields' stop filter
     * keeps them), so that the forms and stems of a note stay at the same positions. One value is as it is; several
     * are joined with that many gaps between them and read by the gapped analysis.
     */
    private void text(String field, List<String> values) {
        List<String> present = values.stream().filter(java.util.Objects::nonNull).toList();
        if (present.isEmpty() || present.size() == 1 && present.get(0).isEmpty()) {
            return;
        }
        if (present.size() == 1) {
            index.addField(field, present.get(0), field.endsWith("Stems") ? GAPPED : WHITESPACE);
            return;
        }
        StringBuilder joined = new StringBuilder(present.get(0));
        for (int i = 1; i < present.size(); i++) {
            joined.append(BETWEEN_VALUES).append(present.get(i));
        }
        index.addField(field, joined.toString(), GAPPED);
    }

    private void keywords(String field, Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        index.addField(field, index.keywordTokenStream(values));
    }
}
