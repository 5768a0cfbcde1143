package io.dossier.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a search query asks for, as {@link QuerySyntax} read it: a small immutable tree that says nothing about
 * Elasticsearch. Words are kept as typed (folding and stemming come later) with their {@code [start, end)} offsets
 * (UTF-16 indexes) in the query string, so that names found in the query's text can be mapped onto the nodes.
 * <p>
 * Sealed, so a caller can walk it with {@code instanceof} patterns, or with a {@link Visitor}, which the compiler
 * checks for completeness. {@link #render()} gives the canonical text of the tree (what the answer's
 * {@code interpretedAs} shows); parsing that text again gives the same tree.
 */
public sealed interface QueryNode {

    /** The tree of a query with no word to search. */
    Bool EMPTY = new Bool(List.of());

    <R> R accept(Visitor<R> visitor);

    /** The canonical query text of this node. */
    default String render() {
        return QueryRendering.render(this);
    }

    /** Every word of this node, in query order (phrase words, prefixes' and fuzzy words' stems included). */
    default List<Word> words() {
        List<Word> out = new ArrayList<>();
        QueryRendering.collectWords(this, out);
        return List.copyOf(out);
    }

    /** A word as typed; {@code text} is exactly {@code query.substring(start, end)}. */
    record Word(String text, int start, int end) implements QueryNode {

        public Word {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty() || start < 0 || end - start != text.length()) {
                throw new IllegalArgumentException("a word is a non-empty span of the query: " + text);
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.word(this);
        }
    }

    /**
     * Words in this order, at most {@code slop} positions apart ({@code "a b"~3}); {@code [start, end)} spans the
     * quotes. A quoted single word is a phrase too (the exact form was asked for).
     */
    record Phrase(List<Word> words, int slop, int start, int end) implements QueryNode {

        public Phrase {
            words = List.copyOf(words);
            if (words.isEmpty() || slop < 0 || start < 0 || end <= start) {
                throw new IllegalArgumentException("a phrase has words and a slop of 0 or more");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.phrase(this);
        }
    }

    /** Words that begin with {@code word} ({@code milit*}); the word spans the text before the {@code *}. */
    record Prefix(Word word) implements QueryNode {

        public Prefix {
            Objects.requireNonNull(word, "word");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.prefix(this);
        }
    }

    /**
     * Words within {@code edits} edits of {@code word} ({@code qaani~1}), or {@link #AUTO} ({@code qaani~}): as many as
     * the word's length allows.
     */
    record Fuzzy(Word word, int edits) implements QueryNode {

        /** No number given: the engine picks by the word's length (0 edits up to 2 letters, 1 up to 5, else 2). */
        public static final int AUTO = -1;

        public Fuzzy {
            Objects.requireNonNull(word, "word");
            if (edits < AUTO || edits > QuerySyntax.MAX_EDITS) {
                throw new IllegalArgumentException("edits must be AUTO or 0 to " + QuerySyntax.MAX_EDITS);
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fuzzy(this);
        }
    }

    /**
     * {@code value} searched in one field only; {@code field} is one of {@link QuerySyntax#FIELDS}, in lower case. The
     * value holds no other {@code Field}.
     */
    record Field(String field, QueryNode value) implements QueryNode {

        public Field {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.field(this);
        }
    }

    /**
     * Clauses combined as Elasticsearch's {@code bool} combines them: every {@code MUST} matches, no {@code MUST_NOT}
     * matches, and when there is no {@code MUST}, at least one {@code SHOULD} does ({@code SHOULD} beside a
     * {@code MUST} only ranks). A bool of {@code MUST_NOT} clauses alone matches everything else. Empty: nothing to
     * search ({@link #EMPTY}).
     */
    record Bool(List<Clause> clauses) implements QueryNode {

        public Bool {
            clauses = List.copyOf(clauses);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.bool(this);
        }
    }

    record Clause(Occur occur, QueryNode node) {

        public Clause {
            Objects.requireNonNull(occur, "occur");
            Objects.requireNonNull(node, "node");
        }
    }

    enum Occur {
        MUST, SHOULD, MUST_NOT
    }

    /** {@code node} weighs {@code boost} times as much in the ranking ({@code word^2}); 0 to 100. */
    record Boost(QueryNode node, float boost) implements QueryNode {

        public Boost {
            Objects.requireNonNull(node, "node");
            if (!(boost >= 0 && boost <= QuerySyntax.MAX_BOOST)) {
                throw new IllegalArgumentException("a boost is from 0 to " + QuerySyntax.MAX_BOOST);
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.boost(this);
        }
    }

    /** One method per kind of node: a walk that the compiler checks covers them all. */
    interface Visitor<R> {

        R word(Word word);

        R phrase(Phrase phrase);

        R prefix(Prefix prefix);

        R fuzzy(Fuzzy fuzzy);

        R field(Field field);

        R bool(Bool bool);

        R boost(Boost boost);
    }
}
