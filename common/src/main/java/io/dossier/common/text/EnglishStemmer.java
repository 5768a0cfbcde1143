package io.dossier.common.text;

import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * English stemming: Lucene's KStem, with Lucene's Porter stemmer checking the inflections KStem's dictionary stops at.
 * Measured against KStem, Porter, Porter2 and the minimal stemmer on 23 MB of news (EnglishStemmerChoiceTest,
 * docs/decisions.md #14): KStem alone is precise but leaves every word its dictionary lists as it is, and it lists
 * many inflected forms ("years", "forces", "talks", "killing", "received"), so half of common families stay apart;
 * Porter joins nearly all inflections but also derivations ("general" and "generate", "market" and "marketer", "new"
 * and "news"). Here:
 * <ol>
 * <li>KStem's stem of the word;</li>
 * <li>if that still ends like an inflection (-s, -es, -ies, -ed, -ing) and Porter would shorten it, the first base
 * form ("years" → "year", "killing" → "kill", "setting" → "set", "making" → "make") that Porter stems alike, itself
 * stemmed by KStem; Porter only checks that the base is the same word, its own stem is not used;</li>
 * <li>a final silent "e" dropped by Porter's rule (after more than one vowel-consonant sequence, or one that does not
 * end consonant-vowel-consonant), so "receive" and "received", "advance" and "advanced" meet while "hope" and "hop"
 * stay apart.</li>
 * </ol>
 * "news" is kept whole (KStem's dictionary does; it is no plural of "new", the commonest collision the fallback made
 * on the news corpora). Names are stemmed like any word ("abbas" → "abba", as by every stemmer measured), which is why
 * {@link TextAnalysis} does not stem a word written with a capital. Not thread-safe (it holds Lucene filters): one per
 * thread.
 */
final class EnglishStemmer {

    private final WordFilter kstem = new WordFilter(KStemFilter::new);
    private final WordFilter porter = new WordFilter(PorterStemFilter::new);

    /** The stem of a folded Latin word. */
    String stem(String word) {
        String k = kstem.apply(word);
        // Twice at most: "feelings" → "feeling" → "feel".
        for (int round = 0; round < 2 && k.length() >= 4 && inflected(k) && !k.equals("news"); round++) {
            String p = porter.apply(k);
            String base = p.equals(k) ? null : base(k, p);
            if (base == null) {
                break;
            }
            k = kstem.apply(base);
        }
        return withoutSilentE(k);
    }

    private static boolean inflected(String w) {
        return w.endsWith("s") || w.endsWith("ed") || w.endsWith("ing");
    }

    /** The first base form of the inflected word w whose Porter stem is p, or null. */
    private String base(String w, String p) {
        int n = w.length();
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return first(p, w.endsWith("ies") ? w.substring(0, n - 3) + "y" : null, w.substring(0, n - 1),
                    w.endsWith("es") ? w.substring(0, n - 2) : null);
        }
        int cut = w.endsWith("ed") ? 2 : w.endsWith("ing") ? 3 : 0;
        if (cut == 0) {
            return null;
        }
        String stem = w.substring(0, n - cut);
        int m = stem.length();
        return first(p, stem.endsWith("i") ? stem.substring(0, m - 1) + "y" : null, stem,
                m >= 2 && stem.charAt(m - 1) == stem.charAt(m - 2) ? stem.substring(0, m - 1) : null, stem + "e");
    }

    /** The first of the candidates (null: none) that Porter stems to p. */
    private String first(String p, String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && matches(candidate, p)) {
                return candidate;
            }
        }
        return null;
    }

    private boolean matches(String base, String p) {
        return base.length() >= 3 && porter.apply(base).equals(p);
    }

    /** Porter's step 5a: a final "e" goes when the rest measures more than one, or one not ending in c-v-c. */
    static String withoutSilentE(String w) {
        int n = w.length();
        if (n < 4 || w.charAt(n - 1) != 'e') {
            return w;
        }
        String rest = w.substring(0, n - 1);
        int m = measure(rest);
        return m > 1 || (m == 1 && !cvc(rest)) ? rest : w;
    }

    /** Porter's m: the number of vowel-consonant sequences. */
    private static int measure(String w) {
        int m = 0;
        boolean vowelSeen = false;
        for (int i = 0; i < w.length(); i++) {
            if (consonant(w, i)) {
                if (vowelSeen) {
                    m++;
                    vowelSeen = false;
                }
            } else {
                vowelSeen = true;
            }
        }
        return m;
    }

    /** Whether w ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
    private static boolean cvc(String w) {
        int n = w.length();
        if (n < 3 || !consonant(w, n - 1) || consonant(w, n - 2) || !consonant(w, n - 3)) {
            return false;
        }
        char last = w.charAt(n - 1);
        return last != 'w' && last != 'x' && last != 'y';
    }

    /** Porter's consonant: not a, e, i, o, u, nor a y after a consonant. */
    private static boolean consonant(String w, int i) {
        char c = w.charAt(i);
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> false;
            case 'y' -> i == 0 || !consonant(w, i - 1);
            default -> c >= 'a' && c <= 'z';
        };
    }
}
