package io.dossier.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAnalysisTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // the English examples: plurals, verb forms, possessives reach one stem
            "attack | attack", "attacks | attack", "attacked | attack", "attacking | attack",
            "militia | militia", "militias | militia", "militia's | militia", "militias' | militia",
            "checkpoint | checkpoint", "checkpoints | checkpoint",
            // forms KStem's dictionary keeps whole, joined by the Porter-checked fallback
            "years | year", "forces | forc", "force | forc", "killing | kill", "killed | kill",
            "received | receiv", "receive | receiv", "setting | set", "making | make", "feelings | feel",
            // words that must stay apart
            "news | news", "new | new", "general | general", "generate | generat", "police | polic",
            "policy | policy", "hope | hope", "hop | hop",
            // words KStem would make a function word keep their form; the function words' own inflections do not
            "thor | thor", "ther | ther", "onic | onic", "mayer | mayer", "willing | willing", "herring | herring",
            "underlying | underlying", "andes | andes", "does | do", "doing | do", "having | have", "others | other",
            "ones | one", "owned | own", "haves | haves", "hads | hads",
            // short words are left alone
            "is | is", "has | has", "this | this", "us | us", "its | its"})
    void englishStems(String word, String stem) {
        assertThat(TextAnalysis.tokens(word, "en")).extracting(TextAnalysis.Token::stem).containsExactly(stem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Abbas", "Hezbollah", "Hizballah", "Basra", "Kataib", "Asaib", "Qaani", "Badr", "Hashd", "Ahmed",
            "Hamed", "Muhandis", "Hamas", "Iraq", "Iraqi", "KH", "PMF", "Abū", "Kata'ib"})
    void namesWrittenWithACapitalAreNotStemmed(String name) {
        TextAnalysis.Token token = TextAnalysis.tokens("Officials said " + name + " did it.", "en").get(2);
        assertThat(token.stem()).isEqualTo(token.form()).isEqualTo(TextFolding.fold(name));
    }

    @Test
    void englishTokensMapBackToTheOriginal() {
        String text = "Iraq’s militias ATTACKED Kata'ib Hezbollah's checkpoints — 3 times (2019).";
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(text, "en");
        assertThat(tokens).extracting(TextAnalysis.Token::form, TextAnalysis.Token::stem).containsExactly(
                tuple("iraq", "iraq"), tuple("militias", "militia"), tuple("attacked", "attacked"),
                tuple("kataib", "kataib"), tuple("hezbollah", "hezbollah"), tuple("checkpoints", "checkpoint"),
                tuple("3", "3"), tuple("times", "time"), tuple("2019", "2019"));
        assertThat(tokens).extracting(t -> text.substring(t.start(), t.end())).containsExactly("Iraq", "militias",
                "ATTACKED", "Kata'ib", "Hezbollah", "checkpoints", "3", "times", "2019");
    }

    @Test
    void theStemDependsOnTheDocumentLanguage() {
        assertThat(stems("attacks militias", "en")).containsExactly("attack", "militia");
        assertThat(stems("attacks militias", null)).containsExactly("attack", "militia");
        assertThat(stems("attacks militias", "en-GB")).containsExactly("attack", "militia");
        assertThat(stems("attaques milices", "fr")).containsExactly("attaques", "milices");
        assertThat(stems("attacks الهجمات", "ar")).containsExactly("attacks", "هجم");
        assertThat(stems("الهجمات", "fa")).containsExactly("الهجم"); // Persian: suffixes only
        assertThat(stems("кошки 東京", "en")).containsExactly("кошки", "東京");
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource(delimiter = '|', value = {
            // the Arabic examples
            "هجمات | الهجمات", "مقاتلين | بالمقاتلين", "فصائل | وللفصائل", "الحشد | للحشد", "الحشد | والحشد",
            "الحشد | وبالحشد", "الحشد | فبالحشد", "الحشد | وكالحشد", "الحشد | فللحشد", "الحشد | فالحشد",
            "الحشد | كالحشد", "الحشد | حشد",
            // suffixes: plurals, duals, pronouns, teh marbuta, nisba
            "مقاتل | مقاتلون", "مقاتل | المقاتلان", "هجمات | هجماتهم", "هجمات | هجماتها", "قوات | قواتنا",
            "منظمة | المنظمة", "عراقي | العراقية", "هجوم | هجومكم", "بيت | بيتهما",
            // normalization before stemming: hamza forms, alef maqsura, diacritics, tatweel
            "أمريكا | امريكا", "الهُجُومِ | هجوم", "الهجـــمات | هجمات",
            // الله keeps its article
            "الله | بالله", "الله | لله", "الله | والله"})
    void arabicFormsShareAStem(String one, String other) {
        assertThat(stems(one, "ar")).isEqualTo(stems(other, "ar")).hasSize(1);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // short words keep their letters: a suffix leaves three, the article two, و alone needs four in all
            "بيان | بيان", "حسين | حسين", "مهم | مهم", "ولد | ولد", "اب | اب", "الاب | اب", "وزير | زير",
            // a lone ف or a bare preposition is no prefix here: too many words start with those letters
            "فصائل | فصايل", "بدر | بدر", "كتائب | كتايب", "لبنان | لبن",
            // Lucene's own results where it already goes far enough
            "الحشد | حشد", "والحشد | حشد", "مقاتلين | مقاتل"})
    void arabicStems(String word, String stem) {
        assertThat(stems(word, "ar")).containsExactly(stem);
    }

    @Test
    void arabicOffsetsSurviveDiacriticsAndTatweel() {
        String text = "أعلنت كتـائب حِزْبُ اللهِ، وللفصائلِ بيانٌ";
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(text, "ar");
        assertThat(tokens).extracting(t -> text.substring(t.start(), t.end())).containsExactly("أعلنت", "كتـائب",
                "حِزْبُ", "اللهِ", "وللفصائلِ", "بيانٌ");
        assertThat(tokens).extracting(TextAnalysis.Token::form).containsExactly("اعلنت", "كتايب", "حزب", "الله",
                "وللفصايل", "بيان");
        assertThat(tokens.get(4).stem()).isEqualTo("فصايل");
    }

    @Test
    void persianJoinsTheZeroWidthNonJoinerAndStemsWithLucene() {
        String text = "کتاب‌ها و گزارش‌های ایران ۱۴۰۲";
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(text, "fa");
        assertThat(tokens).extracting(TextAnalysis.Token::form, TextAnalysis.Token::stem).containsExactly(
                tuple("كتابها", "كتاب"), tuple("و", "و"), tuple("گزارشهاي", "گزارش"), tuple("ايران", "اير"),
                tuple("1402", "1402"));
        assertThat(tokens).extracting(t -> text.substring(t.start(), t.end())).containsExactly("کتاب‌ها", "و",
                "گزارش‌های", "ایران", "۱۴۰۲");
    }

    @Test
    void surrogatePairsAndEmojiKeepOffsetsRight() {
        String text = "😀 attacks 𝐁𝐚𝐝𝐫 militias 👍🏽 هجمات";
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(text, "en");
        assertThat(tokens).extracting(TextAnalysis.Token::form).containsExactly("attacks", "badr", "militias",
                "هجمات");
        assertThat(tokens).extracting(t -> text.substring(t.start(), t.end())).containsExactly("attacks", "𝐁𝐚𝐝𝐫",
                "militias", "هجمات");
    }

    @Test
    void digitsFoldToAscii() {
        assertThat(TextAnalysis.tokens("٢٠٢٤ ۱۴۰۲ 2024", "ar")).extracting(TextAnalysis.Token::form)
                .containsExactly("2024", "1402", "2024");
    }

    @Test
    void emptyAndSeparatorOnlyTextsHaveNoTokens() {
        assertThat(TextAnalysis.tokens("", "en")).isEmpty();
        assertThat(TextAnalysis.tokens(null, "en")).isEmpty();
        assertThat(TextAnalysis.tokens(" ... — ’ 😀 ", "en")).isEmpty();
        assertThat(TextAnalysis.queryStems("...")).isEmpty();
        assertThat(TextAnalysis.form("")).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "attack | attack,attacks", "Attacks | attacks,attack", "militia | militia,militias",
            "Iraq's | iraq,iraqs", "city | city,cities", "box | box,boxes", "Kurd | kurd,kurds", "abbas | abbas,abba",
            "وللفصائل | وللفصايل,فصايل", "الهجمات | الهجمات,هجم,الهجم", "فصائل | فصايل", "کتاب‌ها | كتابها,كتاب",
            "حزب | حزب", "2024 | 2024", "кошки | кошки", "al-Haq | al haq"})
    void queryStemsCoverEveryLanguage(String word, String stems) {
        assertThat(TextAnalysis.queryStems(word)).containsExactly(stems.split(","));
    }

    @Test
    void queryStemsFindTheStemsOfDocuments() {
        String english = "Militias attacked two checkpoints; the attack on Iraq's checkpoint failed.";
        String arabic = "هاجمت الفصائل وللفصائل بالمقاتلين الهجمات للحشد";
        for (String[] query : new String[][]{{"attacks", "attacked", "attack"}, {"checkpoint", "checkpoints",
                "checkpoints"}, {"militia", "Militias"}, {"iraq", "Iraq"}}) {
            List<String> stems = TextAnalysis.queryStems(query[0]);
            assertThat(TextAnalysis.tokens(english, "en")).filteredOn(t -> stems.contains(t.stem()))
                    .extracting(t -> english.substring(t.start(), t.end())).contains(query[1]);
        }
        for (String[] query : new String[][]{{"فصائل", "الفصائل", "وللفصائل"}, {"مقاتلين", "بالمقاتلين"},
                {"هجمات", "الهجمات"}, {"الحشد", "للحشد"}}) {
            List<String> stems = TextAnalysis.queryStems(query[0]);
            assertThat(TextAnalysis.tokens(arabic, "ar")).filteredOn(t -> stems.contains(t.stem()))
                    .extracting(t -> arabic.substring(t.start(), t.end()))
                    .containsAll(List.of(query).subList(1, query.length));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"Iraq's | iraq", "Kata’ib | kataib", "الهُجُوم | الهجوم",
            "Ḥizballah | hizballah",
            "al-Haq | al haq", "  Badr  | badr"})
    void formIsWhatTokensGive(String word, String form) {
        assertThat(TextAnalysis.form(word)).isEqualTo(form);
    }

    @Test
    void analysisIsSafeFromManyThreads() throws Exception {
        String text = "Militias attacked checkpoints in Basra; وللفصائل بالمقاتلين الهجمات. Forces were killing.";
        List<TextAnalysis.Token> expected = TextAnalysis.tokens(text, "en");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!TextAnalysis.tokens(text, "en").equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> stems(String text, String language) {
        return TextAnalysis.tokens(text, language).stream().map(TextAnalysis.Token::stem).toList();
    }
}
