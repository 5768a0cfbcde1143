package io.dossier.common.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A Lucene token filter run on one word at a time, for the stemmers Lucene exposes only as filters (KStem, Porter):
 * one filter chain built once and fed word after word, so a word costs one {@code incrementToken}, no stream and no
 * reader. Not thread-safe: one per thread.
 */
final class WordFilter {

    private final Word source = new Word();
    private final TokenStream filter;
    private final CharTermAttribute term;

    WordFilter(Function<TokenStream, TokenStream> chain) {
        this.filter = chain.apply(source);
        this.term = filter.getAttribute(CharTermAttribute.class);
        try {
            filter.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The word as the filter leaves it: the same String when unchanged. */
    String apply(String word) {
        source.next = word;
        try {
            if (!filter.incrementToken()) {
                return word; // a filter that drops the word (none of ours does) leaves it whole
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a word source does no I/O
        }
        return term.length() == word.length() && word.contentEquals(term) ? word : term.toString();
    }

    /** Emits the word it was given, once. */
    private static final class Word extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        String next;

        @Override
        public boolean incrementToken() {
            if (next == null) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(next);
            next = null;
            return true;
        }
    }
}
