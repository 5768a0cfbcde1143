package io.dossier.common.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
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
 * {@link TextAnalysis} does not stem a word written with a capital. A word never stems to a function word (Lucene's
 * English stop words and the auxiliaries, pronouns and particles below) unless it is one or one of their own
 * inflections: KStem makes "thor" and "ther" "the", "willing" "will", "herring" "her", "underlying" "under", "onic"
 * "one" and "mayer" "may", so searching "thor" found every English text. Not thread-safe (it holds Lucene filters): one per
 * thread.
 */
final class EnglishStemmer {

    private final WordFilter kstem = new WordFilter(KStemFilter::new);
    private final WordFilter porter = new WordFilter(PorterStemFilter::new);

    /** Words a stem may not be unless the word is one of them or in {@link #FUNCTION_INFLECTIONS}. */
    private static final Set<String> FUNCTION_WORDS = functionWords();
    /** The inflections of function words that keep their stem (and the particles' plurals: "lay-offs", "buy-outs"). */
    private static final Set<String> FUNCTION_INFLECTIONS = Set.of("ones", "others", "beings", "fewer", "downed",
            "downing", "downs", "offs", "outs", "ups", "theirs", "ours", "hers");

    private static Set<String> functionWords() {
        var words = new HashSet<String>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET
                .forEach(w -> words.add(w instanceof char[] c ? new String(c) : w.toString()));
        words.addAll(List.of(
                ("may might can could would should must shall do does did done doing have has had having he she we you me my our your his her"
                        + " its them us who whom which what when where why how all any some each both few more most other so than"
                        + " too very just also been being were am off out up down over under again once here only nor one")
                        .split(" ")));
        return Set.copyOf(words);
    }

    /** The stem of a folded Latin word. */
    String stem(String word) {
        String stem = inflectionStem(word);
        return stem.equals(word) || !FUNCTION_WORDS.contains(stem) || FUNCTION_WORDS.contains(word)
                || FUNCTION_INFLECTIONS.contains(word) ? stem : word;
    }

    private String inflectionStem(String word) {
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
