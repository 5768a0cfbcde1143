package io.dossier.common.text;

import static io.dossier.common.text.ArabicPrefixes.ARTICLE;
import static io.dossier.common.text.ArabicPrefixes.CONJUNCTION;
import static io.dossier.common.text.ArabicPrefixes.CONTRACTED;
import static io.dossier.common.text.ArabicPrefixes.NONE;
import static io.dossier.common.text.ArabicPrefixes.PREPOSITION;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicPrefixesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "و | 1", "ف | 1", "ب | 2", "ك | 2", "ل | 2", "ال | 4", "لل | 14", "وب | 3", "فل | 3", "وال | 5",
            "فال | 5", "بال | 6", "كال | 6", "ولل | 15", "فلل | 15", "وبال | 7", "فبال | 7", "وكال | 7", "فكال | 7",
            // not clitics in Arabic's order (ل + ال is written لل; two conjunctions; article first; other letters)
            "لال | -1", "وولل | -1", "وف | -1", "الو | -1", "بب | -1", "ت | -1", "ا | -1", "وبالل | -1"})
    void parsesTheCliticsInTheirOrder(String prefix, int flags) {
        assertThat(ArabicPrefixes.parse(prefix, 0, prefix.length())).isEqualTo(flags);
        assertThat(ArabicPrefixes.parse("x" + prefix + "x", 1, prefix.length() + 1)).isEqualTo(flags);
    }

    @Test
    void flagsNameTheParts() {
        assertThat(ArabicPrefixes.parse("ولل", 0, 3))
                .isEqualTo(CONJUNCTION | PREPOSITION | ARTICLE | CONTRACTED);
        assertThat(ArabicPrefixes.parse("بال", 0, 3)).isEqualTo(PREPOSITION | ARTICLE);
        assertThat(ArabicPrefixes.parse("", 0, 0)).isEqualTo(NONE);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // stacked prefixes Lucene's light stemmer stops at
            "وللفصايل | 3", "فللحشد | 3", "وبالحشد | 4", "فبالحشد | 4", "وكالحشد | 4", "فكالحشد | 4",
            // Lucene's own prefixes
            "الحشد | 2", "والحشد | 3", "فالحشد | 3", "بالحشد | 3", "كالحشد | 3", "للحشد | 2", "وحشد | 1",
            // left alone: a lone ف or preposition, too short a rest, and و on three letters
            "فصايل | 0", "بدر | 0", "كتايب | 0", "لبنان | 0", "ولد | 0", "الا | 0", "وبالا | 1"})
    void stemPrefixStripsTheArticleAndWhatComesBeforeIt(String word, int length) {
        assertThat(ArabicPrefixes.stemPrefix(word, 0, word.length())).isEqualTo(length);
    }

    @Test
    void everyPrefixOfLucenesLightStemmerIsStrippedAsLuceneStripsIt() {
        ArabicStemmer lucene = new ArabicStemmer();
        for (char[] prefix : ArabicStemmer.prefixes) {
            String word = new String(prefix) + "مقاتل";
            char[] chars = word.toCharArray();
            int left = lucene.stemPrefix(chars, chars.length);
            assertThat(ArabicPrefixes.stemPrefix(word, 0, word.length())).as(word).isEqualTo(word.length() - left);
        }
    }
}
