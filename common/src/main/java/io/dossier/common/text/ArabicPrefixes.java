package io.dossier.common.text;

/**
 * The Arabic clitics written joined to the front of a word, read in folded text ({@link TextFolding}): one rule for the
 * mention linker (clitics before a registered name) and for {@link TextAnalysis} (clitics stripped before a stem), so
 * linking and search cannot disagree on what a prefix is.
 * <p>
 * Arabic allows them in one order only: an optional conjunction (و "and", ف "so"), then an optional preposition (ب
 * "with", ك "like", ل "for"), then an optional article (ال), at least one of them. The preposition ل before the
 * article is written لل, the article's alef dropped: "للحشد" is ل + الحشد. So "وبالحشد", "فللحشد", "والحشد", "لكتائب"
 * are prefixes then a word; "لال" is not (that is written لل).
 */
public final class ArabicPrefixes {

    /** The conjunction و or ف. */
    public static final int CONJUNCTION = 1;
    /** A preposition ب, ك or ل. */
    public static final int PREPOSITION = 2;
    /** The article ال, or its contraction with ل. */
    public static final int ARTICLE = 4;
    /** The preposition ل with the article, written لل (the article's alef dropped); always with ARTICLE. */
    public static final int CONTRACTED = 8;
    /** Not a sequence of clitics. */
    public static final int NONE = -1;
    /** The longest sequence of clitics: conjunction, preposition, article ("وبال"). */
    public static final int LONGEST = 4;

    private ArabicPrefixes() {
    }

    /** Whether c may begin a sequence of clitics (a quick test before {@link #parse}). */
    public static boolean mayStart(char c) {
        return c == 'و' || c == 'ف' || c == 'ب' || c == 'ك' || c == 'ل' || c == 'ا';
    }

    /**
     * What s[from, to) is made of as clitics, a sum of {@link #CONJUNCTION}, {@link #PREPOSITION}, {@link #ARTICLE}
     * and {@link #CONTRACTED}; {@link #NONE} if it is not one to three clitics in their order.
     */
    public static int parse(CharSequence s, int from, int to) {
        if (to <= from || to - from > LONGEST) {
            return NONE;
        }
        int i = from;
        int flags = 0;
        if (s.charAt(i) == 'و' || s.charAt(i) == 'ف') {
            flags |= CONJUNCTION;
            if (++i == to) {
                return flags;
            }
        }
        if (to - i == 2 && s.charAt(i) == 'ل' && s.charAt(i + 1) == 'ل') {
            return flags | PREPOSITION | ARTICLE | CONTRACTED;
        }
        char preposition = s.charAt(i);
        if (preposition == 'ب' || preposition == 'ك' || preposition == 'ل') {
            flags |= PREPOSITION;
            if (++i == to) {
                return flags;
            }
        } else {
            preposition = 0;
        }
        if (to - i == 2 && s.charAt(i) == 'ا' && s.charAt(i + 1) == 'ل' && preposition != 'ل') {
            return flags | ARTICLE;
        }
        return NONE;
    }

    /**
     * How many letters to strip from the front of a folded word of s[from, to) before stemming: the longest prefix
     * that holds the article (ال, لل, بال, وبال, فلل...), or the conjunction و alone; the word keeps at least two
     * letters after the article and three after a lone و. These are Lucene's ArabicStemmer prefixes (ال, وال, بال, كال,
     * فال, لل, و, with its length rules) extended to the stacked ones it stops at (ولل, فلل, وبال, فبال, وكال, فكال).
     * Bare prepositions and a lone ف are left: too many words begin with those letters (فصائل, بدر, كتائب).
     */
    public static int stemPrefix(CharSequence s, int from, int to) {
        int length = to - from;
        for (int k = Math.min(LONGEST, length - 2); k >= 1; k--) {
            int flags = parse(s, from, from + k);
            if (flags == NONE) {
                continue;
            }
            if ((flags & ARTICLE) != 0 || (k == 1 && s.charAt(from) == 'و' && length >= 4)) {
                return k;
            }
        }
        return 0;
    }
}
