package io.dossier.names.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatinWordsTest {

    @Test
    void aPlainWordIsLowerCaseWithoutApostrophesOrATrailingDot() {
        assertThat(LatinWords.plain("Hezbollah")).isEqualTo("hezbollah");
        assertThat(LatinWords.plain("O'Brien")).isEqualTo("obrien");
        assertThat(LatinWords.plain("Gen.")).isEqualTo("gen");
        assertThat(LatinWords.plain("U.S")).isEqualTo("u.s");
        assertThat(LatinWords.plain("u.s.")).isEqualTo("u.s");
        assertThat(LatinWords.plain("al-Sadr")).isEqualTo("al-sadr");
        assertThat(LatinWords.plain("Ḥusayn")).isEqualTo("ḥusayn");
        assertThat(LatinWords.plain("qa’id")).isEqualTo("qaid");
        assertThat(LatinWords.plain("ISIS’")).isEqualTo("isis");
    }

    @Test
    void aWordAlreadyPlainIsReturnedAsItIs() {
        String word = "al-sadr.2";
        assertThat(LatinWords.plain(word)).isSameAs(word);
        assertThat(LatinWords.plain("")).isEmpty();
    }

    @Test
    void lettersBeyondAsciiAreReadAsTheirScripts() {
        // Latin letters with diacritics are parts of words; Arabic beside them is the Arabic spotter's
        assertThat(NameSpotter.spot("General Qāsim Soleimānī met Abu Mahdi al-Muhandis in Baghdad, "
                + "قال قائد كتائب حزب الله", new int[0])).extracting(SpottedName::key)
                .containsExactly("PERSON|Qāsim Soleimānī", "PERSON|Abu Mahdi al-Muhandis", "LOCATION|Baghdad",
                        "ORGANIZATION|كتائب حزب الله");
    }
}
