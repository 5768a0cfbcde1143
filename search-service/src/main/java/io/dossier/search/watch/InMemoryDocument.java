package io.dossier.search.watch;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.ConstantScoreQuery;

import io.dossier.search.indexing.IndexedDocument;

/**
 * One indexed document as a Lucene index of its own, with the fields and analysis of the documents index: the
 * analysed title and text under the {@code whitespace} analyzer, the keywords as single terms, the publication date as
 * a point. Not thread-safe; reset for each document.
 */
final class InMemoryDocument {

    /** The analysed fields, as the documents index maps them ({@code DocumentIndex}). */
    static final List<String> ANALYSED = List.of("titleForms", "titleStems", "textForms", "textStems");

    private static final Analyzer WHITESPACE = new WhitespaceAnalyzer();

    private final MemoryIndex index = new MemoryIndex();
    private final Set<Term> terms = new HashSet<>();

    /** Loads a document; returns the terms it holds (for the watches' keys). */
    Set<Term> load(IndexedDocument d) {
        index.reset();
        terms.clear();
        text("titleForms", d.titleForms());
        text("titleStems", d.titleStems());
        text("textForms", d.textForms());
        text("textStems", d.textStems());
        keywords("collection", d.collection() == null ? List.of() : List.of(d.collection()));
        keywords("language", d.language() == null ? List.of() : List.of(d.language()));
        keywords("publisher", d.publisher() == null || d.publisher().length() > 300
                ? List.of()
                : List.of(d.publisher()));
        keywords("tags", d.tags());
        keywords("entityIds", d.entityIds());
        keywords("entityTypes", d.entityTypes());
        List<String> authors = new ArrayList<>();
        for (String a : d.authors()) {
            if (a.length() <= 300) {
                authors.add(a);
            }
        }
        keywords("authors", authors);
        if (d.publishedAt() != null) {
            try {
                index.addField(new LongPoint(InMemoryQuery.PUBLISHED_AT,
                        InMemoryQuery.millis(d.publishedAt(), false)), null);
            } catch (DateTimeParseException e) {
                // a date the index would have refused too: no date, as there
            }
        }
        return terms;
    }

    boolean matches(org.apache.lucene.search.Query query) {
        // constant score: a match of filters alone scores 0, and is a match all the same
        return index.search(new ConstantScoreQuery(query)) > 0f;
    }

    private void text(String field, String words) {
        if (words == null || words.isEmpty()) {
            return;
        }
        index.addField(field, words, WHITESPACE);
        for (String w : InMemoryQuery.words(words)) {
            terms.add(new Term(field, w));
        }
    }

    private void keywords(String field, Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        index.addField(field, index.keywordTokenStream(values));
        for (String v : values) {
            terms.add(new Term(field, v));
        }
    }
}
