package io.dossier.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import io.dossier.common.text.TextAnalysis;

/**
 * The analysed fields keep one position per word: the forms field under the whitespace tokenizer, the stems field
 * under the standard tokenizer and the gap stop filter (as the documents index maps them), so a stem at position p is
 * the stem of the word at position p, and a phrase by stems can read both fields together.
 */
class AnalysedWordsTest {

    @Test
    void aStemIsKeptOnlyWhereItDiffersFromTheWord() {
        AnalysedWords w = AnalysedWords.of("The militias attacked the bases near Basra", "en");
        assertThat(w.forms()).isEqualTo("the militias attacked the bases near basra");
        assertThat(w.stems()).isEqualTo("Z militia attack Z base Z Z");
        AnalysedWords ar = AnalysedWords.of("هاجمت الفصائل القاعدة", "ar");
        assertThat(ar.forms().split(" ")).hasSize(3);
        assertThat(ar.stems().split(" ")).hasSize(3).doesNotContain("الفصائل");
        assertThat(AnalysedWords.of(null, "en")).isEqualTo(new AnalysedWords(null, null));
        // "more like this" is asked with every word's stem
        assertThat(AnalysedWords.allStems("The militias attacked", "en")).isEqualTo("the militia attack");
    }

    @Test
    void bothFieldsKeepTheWordsPositionsWhateverTheText() throws IOException {
        String odd = "Kata'ib Hizbullah's 3.5 km U.S.-led strikes, 16th brigades; e-mail: a@b.org 😀 中文字 "
                + "ﻻ ١٢٣ peshmerga's ٪ naïve Mühlheim vs. ISIS-K x".repeat(2) + " " + "w".repeat(300) + " "
                + "ـ".repeat(3) + " مقاتلين بالمقاتلين وللفصائل فصائل می‌روند کتاب‌ها";
        for (String language : new String[]{"en", "ar", "fa", null, "fr"}) {
            AnalysedWords w = AnalysedWords.of(odd, language);
            List<TextAnalysis.Token> tokens = TextAnalysis.tokens(odd, language);
            List<String> forms = terms(new WhitespaceTokenizer(), w.forms(), null, false);
            assertThat(forms).as("one forms token per word (%s)", language).hasSize(tokens.size());
            List<Integer> positions = new ArrayList<>();
            List<String> stems = terms(new StandardTokenizer(), w.stems(), positions, true);
            assertThat(stems).isNotEmpty();
            for (int i = 0; i < stems.size(); i++) {
                TextAnalysis.Token at = tokens.get(positions.get(i));
                assertThat(stems.get(i)).as("the stem at position %d (%s)", positions.get(i), language)
                        .isEqualTo(at.stem()).isNotEqualTo(at.form());
            }
            // and every stem that differs from its word is there, except one the standard tokenizer would split
            long differing = tokens.stream().filter(t -> !t.stem().equals(t.form()))
                    .filter(t -> AnalysedWords.standalone(t.stem())).count();
            assertThat(stems).hasSize((int) differing);
        }
    }

    @Test
    void aFormIsOneWhitespaceToken() {
        assertThat(AnalysedWords.token("attack")).isEqualTo("attack");
        assertThat(AnalysedWords.token("w".repeat(300))).hasSize(AnalysedWords.MAX_TOKEN);
        assertThat(AnalysedWords.token("a\u001cb")).isEqualTo("ab");
        assertThat(AnalysedWords.token("\u001c")).isEqualTo(AnalysedWords.GAP);
        String surrogates = "😀".repeat(200); // never cut inside a pair
        String cut = AnalysedWords.token(surrogates);
        assertThat(cut.length()).isLessThanOrEqualTo(AnalysedWords.MAX_TOKEN);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
        assertThat(AnalysedWords.standalone("militia")).isTrue();
        assertThat(AnalysedWords.standalone("فصيل")).isTrue();
        assertThat(AnalysedWords.standalone("u.s")).isFalse();
        assertThat(AnalysedWords.standalone("中文")).isFalse();
    }

    @Test
    void everyCharacterAStemMayHoldIsALetterOrDigitToTheStandardTokenizer() throws IOException {
        int accepted = 0;
        for (char c = 1; c < '\uFFFF'; c++) {
            if (Character.isSurrogate(c) || !AnalysedWords.standalone("a" + c + "a")) {
                continue;
            }
            accepted++;
            String word = "a" + c + "a";
            assertThat(terms(new StandardTokenizer(), word + " " + c, null, false)).as("U+%04X", (int) c)
                    .containsExactly(word, String.valueOf(c));
        }
        assertThat(accepted).isGreaterThan(36 + 150); // a-z, 0-9 and the Arabic letters
    }

    /**
     * The terms of {@code text}, the gap dropped if asked as the stems fields' stop filter does; their positions if
     * asked.
     */
    private static List<String> terms(Tokenizer tokenizer, String text, List<Integer> positions, boolean gapped)
            throws IOException {
        tokenizer.setReader(new StringReader(text));
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = gapped
                ? new StopFilter(tokenizer, new CharArraySet(List.of(AnalysedWords.GAP), false))
                : tokenizer) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                if (positions != null) {
                    positions.add(position);
                }
            }
            stream.end();
        }
        return terms;
    }
}
