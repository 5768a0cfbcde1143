package io.dossier.names.discovery;

import static io.dossier.names.discovery.LatinWords.ADJECTIVES;
import static io.dossier.names.discovery.LatinWords.CONNECTORS;
import static io.dossier.names.discovery.LatinWords.COUNTRIES;
import static io.dossier.names.discovery.LatinWords.GIVEN_NAMES;
import static io.dossier.names.discovery.LatinWords.GROUP_OPENERS;
import static io.dossier.names.discovery.LatinWords.NOT_NAMES;
import static io.dossier.names.discovery.LatinWords.ORGANIZATION_WORDS;
import static io.dossier.names.discovery.LatinWords.PARTICLES;
import static io.dossier.names.discovery.LatinWords.TITLES;
import static io.dossier.names.discovery.LatinWords.US_STATES;
import static io.dossier.names.discovery.LatinWords.plain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * An English text as the {@link LatinSpotter} reads it: its words (letters and digits, with the apostrophes, hyphens
 * and dots inside them: "al-Sadr", "U.S", "Hezbollah's"), each with its line and the registered name it stands in,
 * and what each word is by its shape and place: capitalized, an acronym, an abbreviation, a name's particle, joined to
 * the word before, opening a sentence, on a headline or a shouted line.
 */
final class LatinText {

    // the text and its words are read by the spotter as they are (a package-private class, one instance a text)
    final String text;
    /** What the registry linked, as (start, end) pairs in text order. */
    final int[] linked;
    /** Each word's start, end, the start of its line, and its linked span (the index of its start) or -1. */
    final List<int[]> words = new ArrayList<>();
    /** Each word as the word lists hold it (lower case, no apostrophe, no possessive). */
    final List<String> plains = new ArrayList<>();
    /** Words the text writes in lower case somewhere: capitalized only because they open a sentence. */
    private final Set<String> lowerCase = new HashSet<>();
    /** Whether each line (by its start) is a headline. */
    private final Map<Integer, Boolean> headlines = new HashMap<>();
    /** Whether each line (by its start) is shouted, in capitals. */
    private final Map<Integer, Boolean> shoutedLines = new HashMap<>();
    private int nextLinked;

    LatinText(String text, int[] linked) {
        this.text = text;
        this.linked = linked;
        tokenize();
    }

    /** Whether the text writes word i in lower case somewhere. */
    boolean writesInLowerCase(int i) {
        return lowerCase.contains(plains.get(i));
    }

    private void tokenize() {
        int n = text.length();
        int i = 0;
        int line = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isLatinLetter(c)) {
                if (c == '\n') {
                    line = i + 1;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && (isLatinLetter(text.charAt(i)) || Character.isDigit(text.charAt(i))
                    || (inWordMark(text.charAt(i)) && i + 1 < n && isLatinLetter(text.charAt(i + 1))))) {
                i++;
            }
            words.add(new int[]{start, i, line, linkedSpan(start, i)});
            String plain = plain(text.substring(start, possessiveEnd(new int[]{start, i}))); // "Organization's"
            plains.add(plain);
            if (Character.isLowerCase(c)) {
                lowerCase.add(plain);
            }
        }
    }

    /** A word written in lower case that the registry did not link. */
    boolean lowerCaseWord(int i) {
        return Character.isLowerCase(text.charAt(words.get(i)[0])) && linkOf(i) < 0;
    }

    /**
     * Whether word i is an acronym: three to five capitals ("ISIL", "PMF", "IRGC"), or six or seven that the text
     * never writes in lower case ("CENTCOM", not a shouted "KILLED").
     */
    boolean acronym(int i) {
        int[] w = words.get(i);
        int length = w[1] - w[0];
        return length >= 3 && (length <= 5 || length <= 7 && !lowerCase.contains(plains.get(i)))
                && allUpper(w[0], w[1]) && !ADJECTIVES.contains(plains.get(i)) && !NOT_NAMES.contains(plains.get(i))
                && !shouted(i);
    }

    /**
     * Whether word i stands on a shouted line (a wire headline: "BANKS FOLLOW RATE CUT"): three words or more, three in
     * four of them in capitals. No acronym is told apart there.
     */
    boolean shouted(int i) {
        return shoutedLines.computeIfAbsent(lineOf(i), line -> mostOfLine(line, 3, k -> true,
                k -> words.get(k)[1] - words.get(k)[0] > 1 && allUpper(words.get(k)[0], words.get(k)[1])));
    }

    /**
     * Whether word i stands on a line written in title case (a headline, a menu, a byline): most of its words
     * capitalized, lower-case words included. No name is told apart there. The registry's names are left out of the
     * count: a line that names many is no headline for it.
     */
    boolean inHeadline(int i) {
        return headlines.computeIfAbsent(lineOf(i), line -> mostOfLine(line, 4, k -> linkOf(k) < 0,
                k -> Character.isUpperCase(text.charAt(words.get(k)[0]))));
    }

    /**
     * Whether the line (by its start) holds at least {@code least} words that count, three in four of them marked.
     */
    private boolean mostOfLine(int line, int least, IntPredicate counts, IntPredicate marked) {
        int all = 0;
        int hits = 0;
        int k = firstWordOf(line);
        for (; k < words.size() && lineOf(k) == line; k++) {
            if (counts.test(k)) {
                all++;
                hits += marked.test(k) ? 1 : 0;
            }
        }
        return all >= least && hits * 4 >= all * 3;
    }

    /** The first word on the line (by its start): the words are in text order. */
    private int firstWordOf(int line) {
        int low = 0;
        int high = words.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (lineOf(middle) < line) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The line a word stands on, as the offset of the line's start. */
    private int lineOf(int i) {
        return words.get(i)[2];
    }

    /** Whether the word is name-like even at a sentence's opening: a given name, a group's opener. */
    boolean nameLike(int i) {
        return GIVEN_NAMES.contains(plains.get(i)) || GROUP_OPENERS.contains(plains.get(i))
                || ORGANIZATION_WORDS.contains(plains.get(i));
    }

    boolean isCapitalized(int i) {
        int[] w = words.get(i);
        char c = text.charAt(w[0]);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        // "Iran-backed", "ISIL-held": an adjective made of a name
        for (int k = w[0] + 1; k + 1 < w[1]; k++) {
            if (text.charAt(k) == '-' && Character.isLowerCase(text.charAt(k + 1))) {
                return false;
            }
        }
        // a shouted word (a headline's) is no sign of a name; an acronym is
        return w[1] - w[0] <= 5 || !allUpper(w[0], w[1])
                || acronym(i) && !COUNTRIES.contains(plains.get(i)) && !US_STATES.contains(plains.get(i));
    }

    /** "al-Sadr", "bin-Laden": a particle, a hyphen, a capital. */
    boolean particle(int i) {
        int[] w = words.get(i);
        int hyphen = w[0]; // asked of most words: nothing copied unless a hyphen is inside
        while (hyphen < w[1] && text.charAt(hyphen) != '-') {
            hyphen++;
        }
        return hyphen > w[0] && hyphen + 1 < w[1] && Character.isUpperCase(text.charAt(hyphen + 1))
                && PARTICLES.contains(plain(text.substring(w[0], hyphen)));
    }

    boolean connector(int i) {
        int[] w = words.get(i);
        return Character.isLowerCase(text.charAt(w[0])) && CONNECTORS.contains(plains.get(i));
    }

    /** The linked span a word overlaps (the index of its start in {@code linked}), or -1; asked in text order. */
    private int linkedSpan(int start, int end) {
        while (nextLinked + 1 < linked.length && linked[nextLinked + 1] <= start) {
            nextLinked += 2;
        }
        return nextLinked + 1 < linked.length && linked[nextLinked] < end ? nextLinked : -1;
    }

    int linkOf(int i) {
        return words.get(i)[3];
    }

    /** Whether word i is part of a registered name longer than the word (a registered "Capt." is the word alone). */
    boolean inLongerLink(int i) {
        int k = linkOf(i);
        return k >= 0 && (linked[k] < words.get(i)[0] || linked[k + 1] > words.get(i)[1] + 1);
    }

    /** Whether every word of [a, b) is a registered name's (or a connector between them): nothing new there. */
    boolean allLinked(int a, int b) {
        for (int k = a; k < b; k++) {
            if (linkOf(k) < 0 && !connector(k)) {
                return false;
            }
        }
        return true;
    }

    /** An initial or an abbreviation written with dots: "L", "U.S", "U.N" (before their last dot). */
    boolean abbreviation(int i) {
        int[] w = words.get(i);
        if (w[1] - w[0] == 1) {
            return Character.isUpperCase(text.charAt(w[0]));
        }
        return w[1] - w[0] <= 5 && text.charAt(w[1] - 2) == '.' && allUpper(w[0], w[1]);
    }

    /** Whether word i ends with a possessive ("Kataib Hezbollah's"): the name after it is another. */
    boolean possessive(int i) {
        return possessiveEnd(words.get(i)) != words.get(i)[1];
    }

    /** Whether only spaces (no line break, no punctuation) stand between word i - 1 and word i. */
    boolean joined(int i) {
        if (i == 0) {
            return false;
        }
        int from = words.get(i - 1)[1];
        int to = words.get(i)[0];
        if (from < to && text.charAt(from) == '.' && (TITLES.contains(plains.get(i - 1))
                || abbreviation(i - 1) && !nameLike(i))) {
            // "Gen. Qaani", "Capt. Davis", "Isiah L. Booker", "the U.S. Embassy"; after an abbreviation, a given
            // name or a group's opener more likely opens the next sentence ("... by the U.S. Kataib ...")
            from++;
        }
        if (to - from > 2) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c != ' ' && c != '\u00a0' && Character.getType(c) != Character.FORMAT) {
                return false; // a left-to-right mark or a zero-width space joins as a space does
            }
        }
        return true;
    }

    /** Whether word i opens a sentence (or the text, a line, a quotation). */
    boolean opensSentence(int i) {
        int k = words.get(i)[0] - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '"' || text.charAt(k) == '“'
                || text.charAt(k) == '(' || text.charAt(k) == '\'' || text.charAt(k) == '‘')) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        char c = text.charAt(k);
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';' || c == '—' || c == '–'
                || c == '|' || c == '•';
    }

    boolean allCapsHeadline(int a, int b) {
        for (int k = a; k < b; k++) {
            int[] w = words.get(k);
            if (!allUpper(w[0], w[1])) {
                return false;
            }
        }
        return b - a > 1;
    }

    boolean allUpper(int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The end of a name without its possessive ("Kataib Hezbollah's" ends before the apostrophe). */
    int possessiveEnd(int[] word) {
        int end = word[1];
        char mark = end - word[0] > 2 ? text.charAt(end - 2) : ' ';
        if (end - word[0] > 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')
                && (mark == '\'' || mark == '’' || mark == 'ʼ')) {
            return end - 2;
        }
        return end;
    }

    private static boolean isLatinLetter(char c) {
        if (c < 0x80) { // most characters of most texts: the script's look-up only for the others
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    private static boolean inWordMark(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '-' || c == '.';
    }
}
