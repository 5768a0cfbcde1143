package io.dossier.common.text;

/**
 * The English possessive "'s" in folded text ({@link TextFolding} drops the apostrophe, so "Iraq's" folds to "iraqs"):
 * one rule for the mention linker ("Iraq's" holds a mention of "Iraq") and for {@link TextAnalysis} (the token is
 * "iraq", the "'s" no token).
 */
public final class EnglishPossessive {

    private EnglishPossessive() {
    }

    /**
     * Whether the folded character at {@code s} is the "s" of a possessive: an "s" that ends a word of the folded text,
     * with an apostrophe (', ’ or ʼ) right before it in the original and a letter before that.
     */
    public static boolean at(String original, TextFolding.Folded folded, int s) {
        String f = folded.text();
        if (s < 1 || s >= f.length() || f.charAt(s) != 's' || f.charAt(s - 1) == ' '
                || (s + 1 < f.length() && f.charAt(s + 1) != ' ')) {
            return false;
        }
        int[] offsets = folded.offsets();
        for (int o = offsets[s - 1] + 1; o < offsets[s]; o++) {
            char c = original.charAt(o);
            if (c == '\'' || c == '’' || c == 'ʼ') {
                return true;
            }
        }
        return false;
    }
}
