package io.dossier.common.text;

import org.apache.lucene.analysis.ar.ArabicStemmer;

/**
 * Light stemming of a folded Arabic word: Lucene's {@link ArabicStemmer} (Larkey's light10), extended where it stops.
 * <ul>
 * <li><b>Prefixes</b>: {@link ArabicPrefixes#stemPrefix}, Lucene's prefixes with its length rules plus the stacked
 * ones (و or ف before لل, بال, كال): "وللفصائل" → "فصائل".</li>
 * <li><b>Suffixes</b>: Lucene's (ها, ان, ات, ون, ين, يه, ية, ه, ة, ي; ة and ية arrive folded to ه and يه) plus the
 * pronoun suffixes it lacks (هما, هم, هن, كم, نا), each removed at most once, pronouns first, as Lucene removes its
 * own in order. Unlike Lucene (two letters), a suffix goes only when three letters stay: "بيان", "حسين", "مهم" are
 * left whole where Lucene makes "بي" and "حس".</li>
 * <li><b>الله</b> is kept whole with its clitics (والله, بالله, لله → الله), where Lucene leaves له ("to him").</li>
 * </ul>
 * Names are stemmed like any word ("البصرة" → "بصر", "ايران" → "اير"): search keeps the exact form beside the stem, and
 * the mention linker never stems.
 */
final class ArabicLightStemmer {

    /** Suffixes in the order they are tried, pronouns before Lucene's own ({@link ArabicStemmer#suffixes}). */
    private static final char[][] SUFFIXES = suffixes();
    private static final String GOD = "الله";
    /** The fewest letters a suffix may leave. */
    static final int MIN_STEM = 3;

    private ArabicLightStemmer() {
    }

    private static char[][] suffixes() {
        String[] pronouns = {"هما", "هم", "هن", "كم", "نا"};
        char[][] lucene = ArabicStemmer.suffixes;
        char[][] all = new char[pronouns.length + lucene.length][];
        for (int k = 0; k < pronouns.length; k++) {
            all[k] = pronouns[k].toCharArray();
        }
        System.arraycopy(lucene, 0, all, pronouns.length, lucene.length);
        return all;
    }

    /** The stem of a folded Arabic word (the word itself when nothing applies). */
    static String stem(String form) {
        if (god(form)) {
            return GOD;
        }
        int from = ArabicPrefixes.stemPrefix(form, 0, form.length());
        int to = form.length();
        for (char[] suffix : SUFFIXES) {
            if (to - from - suffix.length >= MIN_STEM && endsWith(form, to, suffix)) {
                to -= suffix.length;
            }
        }
        return from == 0 && to == form.length() ? form : form.substring(from, to);
    }

    /**
     * Whether the word is الله with clitics that leave it whole (والله, بالله, لله, ولله): Lucene's rules would strip its
     * article and leave له ("to him"), one of the commonest words, so حزب الله would match half of every text.
     */
    private static boolean god(String form) {
        int n = form.length();
        if (form.endsWith(GOD)) {
            int flags = n == GOD.length() ? 0 : ArabicPrefixes.parse(form, 0, n - GOD.length());
            return flags != ArabicPrefixes.NONE && (flags & ArabicPrefixes.ARTICLE) == 0;
        }
        if (form.endsWith("لله")) { // ل + الله
            return n == 3 || ArabicPrefixes.parse(form, 0, n - 3) == ArabicPrefixes.CONJUNCTION;
        }
        return false;
    }

    private static boolean endsWith(String s, int to, char[] suffix) {
        int at = to - suffix.length;
        for (int k = 0; k < suffix.length; k++) {
            if (s.charAt(at + k) != suffix[k]) {
                return false;
            }
        }
        return true;
    }
}
