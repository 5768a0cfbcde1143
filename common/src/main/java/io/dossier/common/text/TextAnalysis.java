package io.dossier.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.fa.PersianStemmer;

/**
 * The analysis of text for search and mention linking: tokens with their original offsets, folded form and stem.
 * <ul>
 * <li><b>Words.</b> The space-separated runs of {@link TextFolding#foldWithOffsets} (the word boundaries the mention
 * linker and the folded index use), each mapped back to its span of the original text, combining marks and tatweel
 * right after it included. An English possessive is split off ({@link EnglishPossessive}): "Iraq's" is the token
 * "iraq".</li>
 * <li><b>Form.</b> The folded word: the same for every language, so names and mixed text match as written.</li>
 * <li><b>Stem.</b> By the token's script and the document's language. Arabic script: Persian stemming (Lucene's
 * {@link PersianStemmer}) in a Persian document, Arabic light stemming ({@link ArabicLightStemmer}) otherwise. Latin
 * script: English stemming ({@link EnglishStemmer}, docs/decisions.md #14) in an English document or one whose
 * language is unknown, none in other languages; and none for a word written with a capital ("Abbas", "Ahmed",
 * "Hamas", "KH"), taken as a name, since every English stemmer measured mangles names ("abba", "ahm", "hama").
 * Other scripts and numbers: none. Without a stem, the stem is the form.</li>
 * <li><b>Queries.</b> {@link #queryStems} gives every stem a typed word may have in a document of any language, and
 * for a Latin word its plural, which a document keeps as written where it is capitalized ("Kurds", "Iraqis", or
 * "Attacks" opening a sentence).</li>
 * </ul>
 * Thread-safe; the stemmers Lucene has only as token filters are kept one per thread, the English stems computed last
 * in one map for all.
 */
public final class TextAnalysis {

    /** Bumped whenever any output changes: the search index is rebuilt when it changes. */
    private static final int VERSION = 3;

    private static final PersianStemmer PERSIAN = new PersianStemmer();
    private static final int CACHED = 32_768;
    /** Longer words (rare, and a long run of letters could be any size) are stemmed each time rather than kept. */
    private static final int CACHED_LENGTH = 40;
    /**
     * Recent English stems (about {@link #CACHED} words of up to {@link #CACHED_LENGTH} letters):
     * words repeat (Zipf), and a stem costs a KStem and up to a few Porter runs. One map for every thread, since a
     * service analyses on many request and indexing threads and a cache this size for each would hold the same common
     * words many times over; emptied when full (threads racing may leave it slightly over; it is only a cache).
     */
    private static final Map<String, String> ENGLISH_STEMS = new ConcurrentHashMap<>(CACHED);
    private static final ThreadLocal<Stemmers> STEMMERS = ThreadLocal.withInitial(Stemmers::new);

    /**
     * The version of the analysis, bumped whenever any output changes: the search index is rebuilt when it changes. A
     * method, not a constant, so that a module compiled against an older common reads the version it runs with.
     */
    public static int version() {
        return VERSION;
    }

    private TextAnalysis() {
    }

    /**
     * A word of the text: [start, end) in the original, its folded form (TextFolding) and its stem (the form when no
     * stemmer applies).
     */
    public record Token(int start, int end, String form, String stem) {
    }

    /**
     * The words of {@code text}, whose language is {@code language} (ISO 639-1 such as "en", "ar", "fa"; null when
     * unknown).
     */
    public static List<Token> tokens(String text, String language) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Language lang = Language.of(language);
        TextFolding.Folded folded = TextFolding.foldWithOffsets(text);
        String f = folded.text();
        int n = f.length();
        List<Token> tokens = new ArrayList<>(n / 6 + 1);
        Stemmers stemmers = STEMMERS.get();
        for (int i = 0; i < n;) {
            if (f.charAt(i) == ' ') {
                i++;
                continue;
            }
            int j = wordEnd(f, i);
            int end = formEnd(text, folded, i, j);
            String form = f.substring(i, end);
            int start = folded.originalStart(i);
            tokens.add(new Token(start, afterMarks(text, folded.originalEnd(end, text)), form,
                    stemmers.stem(form, lang, capital(text.codePointAt(start)))));
            i = j;
        }
        return tokens;
    }

    /**
     * The stems a word typed in a query may have in documents of any language: its folded form first, then its stems
     * (Latin script: English, then the plural a capitalized word keeps; Arabic script: Arabic and Persian), without
     * repeats. A word that folds to several words
     * ("al-Haq") gives its folded form only; an empty one nothing.
     */
    public static List<String> queryStems(String word) {
        String form = form(word);
        if (form.isEmpty()) {
            return List.of();
        }
        List<String> stems = new ArrayList<>(3);
        stems.add(form);
        if (form.indexOf(' ') >= 0) {
            return stems;
        }
        Stemmers stemmers = STEMMERS.get();
        switch (Script.of(form)) {
            case LATIN -> {
                addNew(stems, stemmers.english(form));
                String plural = plural(form);
                if (plural != null) {
                    addNew(stems, plural);
                }
            }
            case ARABIC -> {
                addNew(stems, ArabicLightStemmer.stem(form));
                addNew(stems, stemmers.persian(form));
            }
            default -> {
            }
        }
        return stems;
    }

    /** The folded form of a word as tokens() would give it (the words' forms joined by a space, if several). */
    public static String form(String word) {
        if (word == null || word.isEmpty()) {
            return "";
        }
        TextFolding.Folded folded = TextFolding.foldWithOffsets(word);
        String f = folded.text();
        int n = f.length();
        StringBuilder joined = new StringBuilder(n);
        for (int i = 0; i < n;) {
            if (f.charAt(i) == ' ') {
                i++;
                continue;
            }
            int j = wordEnd(f, i);
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(f, i, formEnd(word, folded, i, j));
            i = j;
        }
        return joined.toString();
    }

    /** The end of the folded word starting at i. */
    private static int wordEnd(String f, int i) {
        int j = i + 1;
        while (j < f.length() && f.charAt(j) != ' ') {
            j++;
        }
        return j;
    }

    /** The end of the form of the folded word [i, j): before a possessive's "s". */
    private static int formEnd(String text, TextFolding.Folded folded, int i, int j) {
        return j - i >= 2 && EnglishPossessive.at(text, folded, j - 1) ? j - 1 : j;
    }

    /**
     * The regular English plural of a Latin word (attack: attacks, city: cities, box: boxes), or null for a word that
     * already ends in "s" or not in a letter: a capitalized plural in a document ("Iraqis", "Kurds", "Attacks" at the
     * start of a sentence) keeps its form as its stem, so a query for the singular asks for it too.
     */
    static String plural(String form) {
        int n = form.length();
        char last = form.charAt(n - 1);
        if (n < 2 || last == 's' || last < 'a' || last > 'z') {
            return null;
        }
        if (last == 'x' || last == 'z' || form.endsWith("ch") || form.endsWith("sh")) {
            return form + "es";
        }
        char before = form.charAt(n - 2);
        if (last == 'y' && before != 'a' && before != 'e' && before != 'i' && before != 'o' && before != 'u') {
            return form.substring(0, n - 1) + "ies";
        }
        return form + "s";
    }

    private static boolean capital(int cp) {
        return Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    private static void addNew(List<String> stems, String stem) {
        if (!stems.contains(stem)) {
            stems.add(stem);
        }
    }

    /** Past the combining marks and tatweel that follow a word's last letter (they fold to nothing). */
    private static int afterMarks(String text, int end) {
        while (end < text.length()) {
            char c = text.charAt(end);
            int type = Character.getType(c);
            if (c != 'ـ' && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                break;
            }
            end++;
        }
        return end;
    }

    /** What the document's language tag asks of the stemmers. */
    enum Language {
        ENGLISH, PERSIAN, UNKNOWN, OTHER;

        static Language of(String tag) {
            if (tag == null || tag.isBlank()) {
                return UNKNOWN;
            }
            String primary = tag.strip().toLowerCase(Locale.ROOT);
            int cut = primary.indexOf('-') >= 0 ? primary.indexOf('-') : primary.indexOf('_');
            if (cut >= 0) {
                primary = primary.substring(0, cut);
            }
            return switch (primary) {
                case "en", "eng" -> ENGLISH;
                case "fa", "fas", "per" -> PERSIAN;
                case "und", "" -> UNKNOWN;
                default -> OTHER;
            };
        }
    }

    /** The script of a folded word: that of its first letter. */
    enum Script {
        LATIN, ARABIC, OTHER;

        static Script of(String form) {
            for (int i = 0; i < form.length();) {
                int cp = form.codePointAt(i);
                if (cp >= 'a' && cp <= 'z') {
                    return LATIN;
                }
                if (Character.isLetter(cp)) {
                    return switch (Character.UnicodeScript.of(cp)) {
                        case LATIN -> LATIN;
                        case ARABIC -> ARABIC;
                        default -> OTHER;
                    };
                }
                i += Character.charCount(cp);
            }
            return OTHER;
        }
    }

    /** One thread's stemmers. */
    private static final class Stemmers {

        /** Not thread-safe (Lucene filters): one per thread. */
        final EnglishStemmer english = new EnglishStemmer();
        private char[] buffer = new char[32];

        String stem(String form, Language language, boolean capital) {
            return switch (Script.of(form)) {
                case LATIN -> !capital && (language == Language.ENGLISH || language == Language.UNKNOWN)
                        ? english(form)
                        : form;
                case ARABIC -> language == Language.PERSIAN ? persian(form) : ArabicLightStemmer.stem(form);
                case OTHER -> form;
            };
        }

        String english(String form) {
            if (form.length() > CACHED_LENGTH) {
                return english.stem(form);
            }
            String stem = ENGLISH_STEMS.get(form);
            if (stem == null) {
                stem = english.stem(form);
                if (ENGLISH_STEMS.size() >= CACHED) {
                    ENGLISH_STEMS.clear();
                }
                ENGLISH_STEMS.put(form, stem);
            }
            return stem;
        }

        String persian(String form) {
            if (buffer.length < form.length()) {
                buffer = new char[form.length()];
            }
            form.getChars(0, form.length(), buffer, 0);
            int length = PERSIAN.stem(buffer, form.length());
            return length == form.length() ? form : new String(buffer, 0, length);
        }
    }
}
