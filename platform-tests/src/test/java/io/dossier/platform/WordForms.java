package io.dossier.platform;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What counts as a form of a word in {@link WordFormRecallTest}: rules of English and Arabic grammar written down here,
 * apart from the analysis under test (TextAnalysis and its stemmers), so that the test judges the analysis rather than
 * repeating it. Words are compared folded (TextFolding: lower case, apostrophes dropped, Arabic letter forms).
 */
final class WordForms {

    /** How an English form is made from its base. */
    enum Kind {
        PLURAL("-s/-es/-ies"), PAST("-ed"), ING("-ing"), POSSESSIVE("'s");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private WordForms() {
    }

    /**
     * The regular inflections of an English base word, each with its kind, one spelling rule each (for drawing the
     * sample): plural or third person -s, -es (after s, x, z, ch, sh), -ies (consonant + y); past -ed, -d (after e),
     * -ied, with a doubled final consonant (planned); -ing, without a final e (making), ie to y (dying), with a doubled
     * final consonant. {@code eBase}: whether base + "e" is itself a word, which explains "united" as unite, not unit.
     */
    static Map<String, Kind> inflections(String base, Predicate<String> eBase) {
        Map<String, Kind> forms = new LinkedHashMap<>();
        int n = base.length();
        char last = base.charAt(n - 1);
        boolean consonantY = last == 'y' && !vowel(base.charAt(n - 2));
        if (base.endsWith("s") || base.endsWith("x") || base.endsWith("z") || base.endsWith("ch")
                || base.endsWith("sh")) {
            forms.put(base + "es", Kind.PLURAL);
        } else if (consonantY) {
            forms.put(base.substring(0, n - 1) + "ies", Kind.PLURAL);
        } else {
            forms.put(base + "s", Kind.PLURAL);
        }
        if (consonantY) {
            forms.put(base.substring(0, n - 1) + "ied", Kind.PAST);
            forms.put(base + "ing", Kind.ING);
        } else if (last == 'e') {
            forms.put(base + "d", Kind.PAST);
            if (base.endsWith("ie")) {
                forms.put(base.substring(0, n - 2) + "ying", Kind.ING);
            } else if (base.endsWith("ee") || base.endsWith("ye") || base.endsWith("oe")) {
                forms.put(base + "ing", Kind.ING);
            } else {
                forms.put(base.substring(0, n - 1) + "ing", Kind.ING);
            }
        } else if (!eBase.test(base + "e")) {
            forms.put(base + "ed", Kind.PAST);
            forms.put(base + "ing", Kind.ING);
            if (doubles(base)) {
                forms.put(base + last + "ed", Kind.PAST);
                forms.put(base + last + "ing", Kind.ING);
            }
        }
        return forms;
    }

    /**
     * Every folded word that is the base or a regular inflection of it by any of the spelling rules (for judging a
     * hit: generous, so that no true form is counted against the search): the possessive folds to base + "s".
     */
    static Set<String> englishFamily(String base) {
        Set<String> forms = new LinkedHashSet<>();
        int n = base.length();
        char last = base.charAt(n - 1);
        forms.add(base);
        forms.add(base + "s");
        forms.add(base + "es");
        forms.add(base + "ed");
        forms.add(base + "ing");
        if (last == 'y') {
            forms.add(base.substring(0, n - 1) + "ies");
            forms.add(base.substring(0, n - 1) + "ied");
        }
        if (last == 'e') {
            forms.add(base + "d");
            forms.add(base.substring(0, n - 1) + "ing");
            if (base.endsWith("ie")) {
                forms.add(base.substring(0, n - 2) + "ying");
            }
        }
        if (doubles(base)) {
            forms.add(base + last + "ed");
            forms.add(base + last + "ing");
        }
        return forms;
    }

    /** A final consonant that doubles before -ed and -ing after a single vowel (plan: planned), not w, x, y. */
    private static boolean doubles(String base) {
        int n = base.length();
        char last = base.charAt(n - 1);
        return n >= 3 && !vowel(last) && vowel(base.charAt(n - 2)) && !vowel(base.charAt(n - 3)) && last != 'w'
                && last != 'x' && last != 'y';
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /**
     * The clitics Arabic writes before a word, in their order: an optional conjunction (و, ف), an optional preposition
     * (ب, ك, ل), an optional article (ال); ل with the article is written لل.
     */
    static final List<String> ARABIC_PREFIXES = arabicPrefixes();
    /**
     * Endings of the same word: sound plurals and the dual (ات, ين, ون, ان), the feminine (ة, folded ه; ية), and the
     * attached pronouns.
     */
    static final List<String> ARABIC_SUFFIXES = List.of("", "ات", "ين", "ون", "ان", "ه", "يه", "ي", "ها", "هم",
            "هما", "هن", "كم", "نا");

    private static List<String> arabicPrefixes() {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String conjunction : List.of("", "و", "ف")) {
            for (String preposition : List.of("", "ب", "ك", "ل")) {
                for (String article : List.of("", "ال")) {
                    prefixes.add(preposition.equals("ل") && !article.isEmpty()
                            ? conjunction + "لل"
                            : conjunction + preposition + article);
                }
            }
        }
        return List.copyOf(prefixes);
    }

    /**
     * Whether the folded Arabic word {@code token} is a form of the folded bare word {@code bare}: the same letters
     * (three at least) with clitics before them and one of the endings after, on either side.
     */
    static boolean arabicFormOf(String token, String bare) {
        for (String ending : ARABIC_SUFFIXES) {
            if (!bare.endsWith(ending) || bare.length() - ending.length() < 3) {
                continue;
            }
            String core = bare.substring(0, bare.length() - ending.length());
            for (String prefix : ARABIC_PREFIXES) {
                if (!token.startsWith(prefix) || !token.startsWith(core, prefix.length())) {
                    continue;
                }
                String rest = token.substring(prefix.length() + core.length());
                if (ARABIC_SUFFIXES.contains(rest)) {
                    return true;
                }
            }
        }
        return false;
    }
}
