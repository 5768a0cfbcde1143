package io.dossier.names.matching;

import com.ibm.icu.text.Transliterator;

import io.dossier.common.text.TextFolding;

/**
 * Reduces one folded name token, in Latin or Arabic script, to a spelling key: a Latin-like string where the
 * spellings a name takes across transliteration conventions come out alike or close. Consonants that conventions
 * confuse keep their own letter but compare cheaply ({@link KeySimilarity}); vowels fall into three classes
 * ({@code a}, {@code i} for e/i/y, {@code u} for o/u/w) because Arabic writes only long vowels (a/i/u) and English
 * spellings of Arabic names disagree on the short ones; doubled letters collapse.
 * <p>
 * dj, dzh and dg before a front vowel (Bridget) are {@code j}. Key letters besides a-z: {@code S} sh/ch/tsh, {@code x} kh, {@code G} gh, {@code c} th, {@code D} dh, {@code J}
 * zh. {@code p} and {@code v} become {@code b} and {@code f}, as Arabic script has neither.
 * <p>
 * The {@link #coarse} skeleton drops vowels and h and merges confusable consonants into classes; it is what the index
 * retrieves candidates by.
 */
final class SpellingKey {

    /** ICU transliterators are not thread-safe: one per thread. */
    private static final ThreadLocal<Transliterator> ARABIC_LATIN = ThreadLocal
            .withInitial(() -> Transliterator.getInstance("Arabic-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> ANY_LATIN = ThreadLocal
            .withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private SpellingKey() {
    }

    static boolean isArabic(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFDFF'
                    || c >= '\uFE70' && c <= '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The key of one folded token (Latin, Arabic or another script). */
    static String of(String foldedToken) {
        return latin(toLatin(foldedToken));
    }

    /** One folded token in Latin letters: as it is when ASCII, transliterated otherwise. */
    static String toLatin(String foldedToken) {
        if (isAscii(foldedToken)) {
            return foldedToken;
        }
        if (isArabic(foldedToken)) {
            return arabicToLatin(foldedToken);
        }
        return TextFolding.fold(ANY_LATIN.get().transliterate(foldedToken));
    }

    /**
     * The letters of a token in Latin (from {@link #toLatin}), finer than its key, for telling apart names whose keys
     * are alike: every letter counts as written (c, k and q, ch and sh, v and f, e and i differ), except that a y or w
     * that is not first nor before a vowel is the vowel i or u, as Arabic's yeh and waw are, and doubled letters
     * collapse. Only ASCII letters and digits are kept. (Also reading e as i and o as u was measured: the same figures.)
     */
    static String letters(String latinToken) {
        StringBuilder out = new StringBuilder(latinToken.length());
        int n = latinToken.length();
        for (int i = 0; i < n; i++) {
            char c = latinToken.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                continue;
            }
            if ((c == 'y' || c == 'w') && !out.isEmpty()
                    && (i + 1 >= n || "aeiou".indexOf(latinToken.charAt(i + 1)) < 0)) {
                c = c == 'y' ? 'i' : 'u';
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A folded Arabic token in Latin letters, closer to common English spellings than ICU's transliteration alone:
     * a final heh (teh marbuta after folding) after a consonant is the vowel a (after a long vowel, as in "Allah"
     * or "Keyh", it stays h); alef, waw and yeh come out as a, w and y, which the key
     * reads as the long vowels a, u and i.
     */
    static String arabicToLatin(String foldedToken) {
        String token = foldedToken;
        if (token.length() > 2 && token.endsWith("ه") && "اويل".indexOf(token.charAt(token.length() - 2)) < 0) {
            token = token.substring(0, token.length() - 1) + "ا";
        }
        return TextFolding.fold(ARABIC_LATIN.get().transliterate(token));
    }

    /** The key of a folded Latin token (ASCII lower case expected; other characters are skipped). */
    static String latin(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n;) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            char after = i + 2 < n ? s.charAt(i + 2) : 0;
            int used = 1;
            char k;
            switch (c) {
                case 'a' -> k = 'a';
                case 'e', 'i', 'y' -> k = 'i';
                case 'o', 'u', 'w' -> k = 'u';
                case 'b', 'p' -> {
                    if (c == 'p' && next == 'h') {
                        k = 'f';
                        used = 2;
                    } else {
                        k = 'b';
                    }
                }
                case 'f', 'v' -> k = 'f';
                case 'c' -> {
                    if (next == 'h') {
                        k = 'S';
                        used = 2;
                    } else if (next == 'k' || next == 'q') {
                        k = 'k';
                        used = 2;
                    } else if (next == 'e' || next == 'i' || next == 'y') {
                        k = 's';
                    } else {
                        k = 'k';
                    }
                }
                case 's' -> {
                    if (next == 'c' && after == 'h') {
                        k = 'S';
                        used = 3;
                    } else if (next == 'h') {
                        k = 'S';
                        used = 2;
                    } else {
                        k = 's';
                    }
                }
                case 't' -> {
                    if (next == 's' && after == 'h' || next == 'c' && after == 'h') {
                        k = 'S';
                        used = 3;
                    } else if (next == 'h') {
                        k = 'c';
                        used = 2;
                    } else {
                        k = 't';
                    }
                }
                case 'd' -> {
                    if (next == 'h') {
                        k = 'D';
                        used = 2;
                    } else if (next == 'j' || next == 'g' && (after == 'e' || after == 'i' || after == 'y')
                            || next == 'z' && after == 'h') {
                        k = 'j';
                        used = next == 'z' ? 3 : 2;
                    } else {
                        k = 'd';
                    }
                }
                case 'k' -> {
                    if (next == 'h') {
                        k = 'x';
                        used = 2;
                    } else {
                        k = 'k';
                    }
                }
                case 'g' -> {
                    if (next == 'h') {
                        k = 'G';
                        used = 2;
                    } else {
                        k = 'g';
                    }
                }
                case 'z' -> {
                    if (next == 'h') {
                        k = 'J';
                        used = 2;
                    } else {
                        k = 'z';
                    }
                }
                case 'x' -> {
                    append(out, 'k');
                    k = 's';
                }
                case 'q', 'h', 'j', 'l', 'm', 'n', 'r' -> k = c;
                default -> {
                    if (c >= '0' && c <= '9') {
                        k = c;
                    } else {
                        i++;
                        continue;
                    }
                }
            }
            append(out, k);
            i += used;
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char k) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != k) {
            out.append(k);
        }
    }

    /**
     * The retrieval skeleton of a key: vowels and h dropped, confusable consonants merged (k q g gh kh j zh as K; s z
     * th as S; sh as X; t d dh as T; b as B; f as F), repeats collapsed. Never empty for a non-empty key: an all-vowel
     * key keeps its first vowel.
     */
    static String coarse(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = coarseClass(key.charAt(i));
            if (c != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        if (out.isEmpty() && !key.isEmpty()) {
            out.append('V');
        }
        return out.toString();
    }

    static char coarseClass(char k) {
        return switch (k) {
            case 'a', 'i', 'u', 'h' -> 0;
            case 'k', 'q', 'g', 'G', 'x', 'j', 'J' -> 'K';
            case 's', 'z', 'c' -> 'S';
            case 'S' -> 'X';
            case 't', 'd', 'D' -> 'T';
            case 'b' -> 'B';
            case 'f' -> 'F';
            case 'l' -> 'L';
            case 'r' -> 'R';
            case 'm' -> 'M';
            case 'n' -> 'N';
            default -> (k >= '0' && k <= '9') ? '9' : 0;
        };
    }
}
