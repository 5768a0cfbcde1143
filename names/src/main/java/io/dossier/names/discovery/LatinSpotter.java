package io.dossier.names.discovery;

import static io.dossier.names.discovery.LatinWords.ADJECTIVES;
import static io.dossier.names.discovery.LatinWords.COUNTRIES;
import static io.dossier.names.discovery.LatinWords.ENGLISH_GIVEN_NAMES;
import static io.dossier.names.discovery.LatinWords.GIVEN_NAMES;
import static io.dossier.names.discovery.LatinWords.GROUP_OPENERS;
import static io.dossier.names.discovery.LatinWords.HEAD_MODIFIERS;
import static io.dossier.names.discovery.LatinWords.LOWER_CASE_ORGANIZATION_HEADS;
import static io.dossier.names.discovery.LatinWords.LOWER_CASE_PLACE_HEADS;
import static io.dossier.names.discovery.LatinWords.NAMED_HEADS;
import static io.dossier.names.discovery.LatinWords.NOT_NAMES;
import static io.dossier.names.discovery.LatinWords.NOT_PEOPLES_HEADS;
import static io.dossier.names.discovery.LatinWords.ORGANIZATION_HEADS;
import static io.dossier.names.discovery.LatinWords.ORGANIZATION_WORDS;
import static io.dossier.names.discovery.LatinWords.PLACE_HEADS;
import static io.dossier.names.discovery.LatinWords.PLACE_OF;
import static io.dossier.names.discovery.LatinWords.PLACE_OPENERS;
import static io.dossier.names.discovery.LatinWords.PLACE_PREPOSITIONS;
import static io.dossier.names.discovery.LatinWords.ROLES;
import static io.dossier.names.discovery.LatinWords.SENTENCE_PREPOSITIONS;
import static io.dossier.names.discovery.LatinWords.STATE_HEADS;
import static io.dossier.names.discovery.LatinWords.TITLES;
import static io.dossier.names.discovery.LatinWords.US_STATES;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dossier.common.text.TextFolding;

/**
 * Names in English text: runs of capitalized words (with the lower-case words names hold: "of the", "al-", "bin", and
 * the head some names take in lower case after them: "Iraqi forces", "Idlib province"), typed by what they hold and
 * what stands before and after them, as the news writes names of armed groups, their
 * commanders and their places. A run nothing types is left out: a guess would flood an editor's queue.
 * <p>
 * A registered name the linker found is a name's part like any other word, never cut: a run that holds it and more is
 * a name the registry lacks ("Haider al-Abadi" where "Abadi" is registered, "Kataib Hezbollah" where "Hezbollah" is),
 * a run that is all registered names is left out.
 */
final class LatinSpotter {

    /** Words of a run at most; longer runs are headlines or lists. */
    private static final int LONGEST = 8;

    /** The text as words, and what each is. */
    private final LatinText t;
    private final String text;
    /** What the registry linked: a name holds it whole or not at all. */
    private final int[] linked;
    private final List<int[]> words;
    private final List<String> plains;
    /** Single words left untyped where they stood, typed once the whole text is read. */
    private final List<Integer> pending = new ArrayList<>();
    /**
     * The type of the last word of each person's name spotted and of each single word typed where it stood; and the
     * acronyms the text defines.
     */
    private final Map<String, SpottedName.Type> typedWords = new HashMap<>();
    private final Set<String> acronyms = new HashSet<>();
    /** The type of each name spotted, at its first and at its last word. */
    private final Map<Integer, SpottedName.Type> typeAt = new HashMap<>();

    private LatinSpotter(LatinText t) {
        this.t = t;
        this.text = t.text;
        this.linked = t.linked;
        this.words = t.words;
        this.plains = t.plains;
    }

    /**
     * Adds the names of a text to {@code out}; a name holds a span of {@code linked} ((start, end) pairs, the
     * registry's names) whole or not at all.
     */
    static void spot(String text, int[] linked, List<SpottedName> out) {
        new LatinSpotter(new LatinText(text, linked)).runs(out);
    }

    private void runs(List<SpottedName> out) {
        int count = words.size();
        int i = 0;
        while (i < count) {
            if (!nameWord(i)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < count && end - i < LONGEST && t.joined(end) && !t.possessive(end - 1)) {
                if (nameWord(end)) {
                    end++;
                    continue;
                }
                // lower-case words inside a name, when a name word follows them
                int k = end;
                while (k < count && k - end < 2 && t.joined(k) && t.connector(k)) {
                    k++;
                }
                if (k > end && k < count && t.joined(k) && nameWord(k)) {
                    end = k + 1;
                } else {
                    break;
                }
            }
            end = withLowerCaseHead(i, end);
            if (!t.inHeadline(i)) {
                type(i, end, out);
            }
            i = end;
        }
        resolvePending(out);
    }

    /**
     * The end of the run [from, end) with the head the news writes in lower case after a name: "Iraqi forces", "the
     * Syrian opposition", "Iraqi security forces", "Al-Raqqa province". An organisation's head only after a name that
     * is no one's and no organisation's by itself ("Kataib Hezbollah forces" are Kataib Hezbollah, "Haider al-Abadi
     * government" holds a person) nor the registry's names alone (a registered group's "forces" are the group); no
     * head after a word capitalized only because it opens the sentence ("Government forces"), and a place's head after
     * a name, not a nationality ("the Syrian province of Idlib").
     */
    private int withLowerCaseHead(int from, int end) {
        int k = end;
        // the longest: "U.S. military forces" rather than "U.S. military"
        if (head(k + 1) && t.lowerCaseWord(k) && t.joined(k) && !t.possessive(k)
                && (HEAD_MODIFIERS.contains(plains.get(k)) || LOWER_CASE_ORGANIZATION_HEADS.contains(plains.get(k)))) {
            k++;
        }
        if (!head(k) || t.possessive(end - 1) || t.allLinked(from, end)) {
            return end;
        }
        String first = plains.get(from);
        boolean adjective = ADJECTIVES.contains(first) || COUNTRIES.contains(first) || t.abbreviation(from);
        if (t.opensSentence(from) && !adjective && !t.nameLike(from) || TITLES.contains(plains.get(end - 1))
                || ROLES.contains(plains.get(end - 1))) {
            return end;
        }
        if (LOWER_CASE_PLACE_HEADS.contains(plains.get(k))) {
            return end - from == 1 && ADJECTIVES.contains(first) ? end : k + 1;
        }
        for (int w = from; w < end; w++) {
            String word = plains.get(w);
            if (ORGANIZATION_HEADS.contains(word) || GROUP_OPENERS.contains(word) || ORGANIZATION_WORDS.contains(word)
                    || GIVEN_NAMES.contains(word) || TITLES.contains(word) || t.particle(w)) {
                return end;
            }
        }
        return k + 1;
    }

    /** Whether word i is a lower-case head: an organisation's or a place's. */
    private boolean head(int i) {
        if (i >= words.size() || !t.joined(i) || !t.lowerCaseWord(i)) {
            return false;
        }
        String word = plains.get(i);
        return LOWER_CASE_ORGANIZATION_HEADS.contains(word) || LOWER_CASE_PLACE_HEADS.contains(word);
    }

    /**
     * Single words nothing typed where they stood: a person's family name met in full in the text ("Carter" beside
     * "Ash Carter"), a word typed elsewhere in the text ("Mosul" beside "in Mosul"), or an organisation's acronym, when
     * the text defines it after the name ("... Forces (PMF)"), a role follows it ("the IRGC commander") or the text
     * uses it three times (off shouted lines).
     */
    private void resolvePending(List<SpottedName> out) {
        Map<String, Integer> uses = new HashMap<>();
        for (int i : pending) {
            uses.merge(plains.get(i), t.shouted(i) ? 0 : 1, Integer::sum);
        }
        for (int i : pending) {
            String word = plains.get(i);
            SpottedName.Type type = typedWords.get(word);
            // six or seven capitals only where the text defines them or a role follows: a shouted word more likely
            boolean often = words.get(i)[1] - words.get(i)[0] <= 5 && uses.get(word) >= 3;
            if (type == null && t.acronym(i) && (acronyms.contains(word) || often || roleAfter(i))) {
                type = SpottedName.Type.ORGANIZATION;
            }
            if (type == null) {
                type = coordinated(i);
            }
            if (type != null) {
                int[] w = words.get(i);
                int end = t.possessiveEnd(w);
                out.add(new SpottedName(text.substring(w[0], end), type, w[0], end));
            }
        }
    }

    /**
     * The type of the organisation or place word i is coordinated with, "and" or "or" between them: "the ISF and
     * Peshmerga", "Anbar and Nineveh": an organisation's type only to a word in capitals ("Iraq and ISF" says nothing
     * of ISF), a place's only to a capitalized word. People are left alone ("Obama and Congress").
     */
    private SpottedName.Type coordinated(int i) {
        SpottedName.Type type = null;
        if (i + 2 < words.size() && t.joined(i + 1) && t.joined(i + 2) && conjunction(i + 1)) {
            type = typeAt.get(i + 2);
        }
        if (type == null && i >= 2 && t.joined(i) && t.joined(i - 1) && conjunction(i - 1)) {
            type = typeAt.get(i - 2);
        }
        boolean capitals = t.allUpper(words.get(i)[0], words.get(i)[1]);
        // an organisation's type to a word in capitals only: a capitalized word beside "and" is as often a part of
        // a longer name ("the Securities and Exchange Commission", "the Department for Education and Skills")
        if (type == SpottedName.Type.ORGANIZATION && !capitals || type == SpottedName.Type.LOCATION && capitals) {
            return null;
        }
        if (type == SpottedName.Type.PERSON || ADJECTIVES.contains(plains.get(i)) || t.writesInLowerCase(i)) {
            return null; // a nationality: "French and Royal Navy assets"; a common noun
        }
        // the rest of a longer run: "York" of "New York and Boston" (a "The" opening the sentence is none: "The ISF
        // and Peshmerga forces")
        if (i > 0 && t.joined(i) && t.isCapitalized(i - 1) && !plains.get(i - 1).equals("the")
                || i + 1 < words.size() && t.joined(i + 1) && t.isCapitalized(i + 1)) {
            return null;
        }
        // a word before a noun in lower case modifies it: "U.K. and French maritime operations"
        if (i + 1 < words.size() && t.joined(i + 1) && t.lowerCaseWord(i + 1)
                && !NOT_NAMES.contains(plains.get(i + 1)) && !conjunction(i + 1)) {
            return null;
        }
        return type;
    }

    private boolean conjunction(int i) {
        String word = plains.get(i);
        return (word.equals("and") || word.equals("or")) && Character.isLowerCase(text.charAt(words.get(i)[0]));
    }

    /** Whether a role follows word i: "the IRGC commander", "a KH spokesman". */
    private boolean roleAfter(int i) {
        return i + 1 < words.size() && t.joined(i + 1) && Character.isLowerCase(text.charAt(words.get(i + 1)[0]))
                && ROLES.contains(plains.get(i + 1));
    }

    /** Types the run of words [from, to) and adds it if something types it. */
    private void type(int from, int to, List<SpottedName> out) {
        int a = from;
        int b = to;
        boolean person = false;
        // a sentence opens with a capital whatever the word; a preposition there is a place's ("Near Tal Afar")
        String opener = "";
        while (a < b && (NOT_NAMES.contains(plains.get(a)) || SENTENCE_PREPOSITIONS.contains(plains.get(a))
                || (t.opensSentence(a) && t.writesInLowerCase(a) && !t.nameLike(a)))) {
            if (a == from && SENTENCE_PREPOSITIONS.contains(plains.get(a))) {
                opener = plains.get(a); // kept past a following "The": "In The Hague"
            }
            a++;
        }
        // a common noun opening the sentence, bound to the name by "of": "Fighters of Saraya ..."
        if (a < b - 2 && t.opensSentence(a) && t.connector(a + 1) && !ORGANIZATION_HEADS.contains(plains.get(a))
                && !t.nameLike(a)) {
            a += 2;
            while (a < b && t.connector(a)) {
                a++; // "of the"
            }
        }
        // a group's name after words bound to it: "Supporters of Kataib ..." wherever it stands
        for (int k = a + 2; k < b - 1; k++) {
            if (GROUP_OPENERS.contains(plains.get(k)) && t.connector(k - 1)
                    && !ORGANIZATION_HEADS.contains(plains.get(a))) {
                a = k;
                break;
            }
        }
        // an organisation's acronym before a person's name: "the IRGC Esmail Ghaani"
        if (a < b - 2 && t.acronym(a) && GIVEN_NAMES.contains(plains.get(a + 1))) {
            a++;
        }
        // a title before the name: "Iraqi Prime Minister Haider al-Abadi", "General Qasem Soleimani"
        for (int k = b - 2; k >= a && !GROUP_OPENERS.contains(plains.get(a)); k--) {
            if (TITLES.contains(plains.get(k)) && !t.inLongerLink(k)) { // "King" of a registered "King Abdullah II"
                person = true;
                a = k + 1;
                break;
            }
        }
        while (a < b && (t.connector(a) || NOT_NAMES.contains(plains.get(a)))) {
            a++;
        }
        while (b > a && t.connector(b - 1)) {
            b--;
        }
        // a registered name is held whole or not at all
        while (a < b && t.linkOf(a) >= 0 && linked[t.linkOf(a)] < words.get(a)[0]) {
            a++;
        }
        while (b > a && t.linkOf(b - 1) >= 0 && linked[t.linkOf(b - 1) + 1] > words.get(b - 1)[1]) {
            b--;
        }
        while (a < b && (t.connector(a) || NOT_NAMES.contains(plains.get(a)))) {
            a++; // what a cut registered name left before the rest: "of Jordan"
        }
        while (b > a && t.connector(b - 1)) {
            b--;
        }
        if (a >= b || t.allCapsHeadline(a, b) || t.allLinked(a, b)) {
            return;
        }
        String before = a > 0 && t.joined(a) && !t.isCapitalized(a - 1) ? plains.get(a - 1) : opener;
        if ((before.equals("and") || before.equals("or")) && placeBefore(a - 1)) {
            before = "in"; // "in Baghdad and Najaf"
        }
        if (before.equals("of") && a > 1 && t.joined(a - 1)
                && (PLACE_HEADS.contains(plains.get(a - 2)) || PLACE_OF.contains(plains.get(a - 2)))) {
            before = "in"; // "the province of Latakia", "the liberation of Fallujah"
        }
        person |= ROLES.contains(before);
        SpottedName.Type type = typeOf(a, b, before, person);
        if (type == null) {
            if (b - a == 1) {
                pending.add(a);
            }
            return;
        }
        if ((type == SpottedName.Type.PERSON || b - a == 1) && !ORGANIZATION_HEADS.contains(plains.get(b - 1))) {
            typedWords.putIfAbsent(plains.get(b - 1), type); // "Carter" after "Ash Carter"; "Mosul" after "in Mosul"
        }
        if (type == SpottedName.Type.ORGANIZATION && definesAcronym(b)) {
            acronyms.add(plains.get(b));
        }
        int start = words.get(a)[0];
        int end = t.possessiveEnd(words.get(b - 1));
        out.add(new SpottedName(clean(text.substring(start, end)), type, start, end));
        typeAt.put(a, type);
        typeAt.put(b - 1, type);
    }

    private SpottedName.Type typeOf(int a, int b, String before, boolean titled) {
        int length = b - a;
        String first = plains.get(a);
        String last = plains.get(b - 1);
        if (length > 1 && t.lowerCaseWord(b - 1)) { // a head in lower case: "Iraqi forces", "Idlib province"
            if (LOWER_CASE_ORGANIZATION_HEADS.contains(last)) {
                return titled ? null : SpottedName.Type.ORGANIZATION;
            }
            if (LOWER_CASE_PLACE_HEADS.contains(last)) {
                return SpottedName.Type.LOCATION;
            }
        }
        boolean organization = false;
        for (int k = a; k < b; k++) {
            organization |= ORGANIZATION_HEADS.contains(plains.get(k)) && !(k == a && length == 1);
        }
        if (GROUP_OPENERS.contains(first) && length > 1 || ORGANIZATION_WORDS.contains(first) && length == 1) {
            return SpottedName.Type.ORGANIZATION;
        }
        if (organization && !titled) {
            return SpottedName.Type.ORGANIZATION;
        }
        if (length == 1 && before.equals("the") && !t.opensSentence(a) && NAMED_HEADS.contains(first)) {
            return SpottedName.Type.ORGANIZATION; // "the Coalition", "the Resistance": capitalized, one of them
        }
        if (length == 1 && (ADJECTIVES.contains(first) || TITLES.contains(first) || first.length() < 3)) {
            return null;
        }
        if (TITLES.contains(last) || ROLES.contains(last)) {
            return null; // "Iraqi MP", "Deputy Commander": a role, no one's name
        }
        if (titled || ROLES.contains(before)) {
            return length <= 5 && !organization ? SpottedName.Type.PERSON : null;
        }
        String folded = TextFolding.fold(text.substring(words.get(a)[0], words.get(b - 1)[1]));
        if (COUNTRIES.contains(folded) || US_STATES.contains(folded)) {
            return SpottedName.Type.LOCATION;
        }
        if (length > 1 && PLACE_HEADS.contains(last)) {
            return SpottedName.Type.LOCATION;
        }
        if (length > 1 && length <= 3 && PLACE_OPENERS.contains(first)) {
            return SpottedName.Type.LOCATION;
        }
        if (length <= 3 && countryAfter(b)) {
            return SpottedName.Type.LOCATION; // "Sarmada, Syria"
        }
        if (length > 2 && (PLACE_HEADS.contains(first) || STATE_HEADS.contains(first))
                && plains.get(a + 1).equals("of")
                || length > 3 && STATE_HEADS.contains(plains.get(a + 1))
                        && plains.get(a + 2).equals("of")) {
            return SpottedName.Type.LOCATION; // "Gulf of Oman", "Hashemite Kingdom of Jordan"
        }
        if (length > 1 && length <= 4 && GIVEN_NAMES.contains(first)) {
            return SpottedName.Type.PERSON;
        }
        // an English given name the text never writes in lower case ("Jonathan Cohen", not "Grace period"), with
        // no "of" inside ("Bill of Rights"), not an event's or a team's ("Davis Cup", "Man Utd"); before the places
        // after "in", which hold people too ("faith in Tony Blair")
        if (length > 1 && length <= 3 && ENGLISH_GIVEN_NAMES.contains(first) && !t.writesInLowerCase(a)
                && !hasConnector(a, b, "of", "for", "the") && !NOT_PEOPLES_HEADS.contains(last)) {
            return SpottedName.Type.PERSON;
        }
        if (length <= 3 && PLACE_PREPOSITIONS.contains(before) && !ADJECTIVES.contains(first)
                && !(length == 1 && t.acronym(a))) {
            return SpottedName.Type.LOCATION;
        }
        if (length > 1 && length <= 4 && (t.particle(b - 1) || hasConnector(a, b, "bin", "ibn", "bint"))) {
            return SpottedName.Type.PERSON;
        }
        if (length > 1 && length <= 3 && said(b)) {
            return SpottedName.Type.PERSON;
        }
        return null;
    }

    /**
     * Whether the name ending before word {@code after} is followed by its acronym in brackets: "(PMF)", "Naval
     * Forces Central Command's (NAVCENT)".
     */
    private boolean definesAcronym(int after) {
        if (after >= words.size() || !t.acronym(after)) {
            return false;
        }
        int from = words.get(after - 1)[1];
        String between = text.substring(from, words.get(after)[0]).strip();
        return between.equals("(") && words.get(after)[1] < text.length() && text.charAt(words.get(after)[1]) == ')';
    }

    /** "X said", "X told", "X, who": a speaker, a person when two or three words long. */
    private boolean said(int after) {
        if (after >= words.size()) {
            return false;
        }
        if (plains.get(after).equals("who")) {
            int[] last = words.get(after - 1);
            String between = text.substring(last[1], words.get(after)[0]);
            return between.strip().equals(",");
        }
        if (!t.joined(after)) {
            return false;
        }
        String next = plains.get(after);
        return next.equals("said") || next.equals("says") || next.equals("told") || next.equals("added");
    }

    private boolean hasConnector(int a, int b, String... connectors) {
        for (int k = a; k < b; k++) {
            for (String c : connectors) {
                if (plains.get(k).equals(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A word that may stand in a name: capitalized, or an Arabic name's part with its particle ("al-Sadr"). */
    private boolean nameWord(int i) {
        return t.isCapitalized(i) && !NOT_NAMES.contains(plains.get(i)) || t.particle(i) || t.isCapitalized(i)
                && (GROUP_OPENERS.contains(plains.get(i)) || GIVEN_NAMES.contains(plains.get(i)));
    }

    /**
     * Whether the name that ends at word {@code and - 1} (before an "and") follows a place's preposition: "in Baghdad
     * and Najaf", "near Aleppo, Homs and Hama" read as far as the "and".
     */
    private boolean placeBefore(int and) {
        int k = and - 1;
        if (k < 0 || !t.joined(and) || !(t.isCapitalized(k) || t.linkOf(k) >= 0)) {
            return false;
        }
        while (k > 0 && t.joined(k) && (t.isCapitalized(k - 1) || t.linkOf(k - 1) >= 0 || t.connector(k - 1))) {
            k--;
        }
        String first = plains.get(k);
        if (SENTENCE_PREPOSITIONS.contains(first) && t.isCapitalized(k)) {
            return true; // "In Baghdad and Najaf"
        }
        return k > 0 && t.joined(k) && !t.isCapitalized(k - 1) && PLACE_PREPOSITIONS.contains(plains.get(k - 1));
    }

    /** Whether a country's name follows word {@code after} behind a comma: "Sarmada, Syria". */
    private boolean countryAfter(int after) {
        if (after >= words.size() || !t.isCapitalized(after)) {
            return false;
        }
        int from = t.possessiveEnd(words.get(after - 1));
        if (!text.substring(from, words.get(after)[0]).strip().equals(",")) {
            return false;
        }
        for (int end = after + 1; end <= Math.min(words.size(), after + 3); end++) {
            String folded = TextFolding.fold(text.substring(words.get(after)[0], words.get(end - 1)[1]));
            if (COUNTRIES.contains(folded) || US_STATES.contains(folded)) {
                return true;
            }
        }
        return false;
    }

    /** The name as written, a no-break space as a space (so that it reads and groups as typed). */
    private static String clean(String name) {
        return name.replace('\u00a0', ' ').strip();
    }
}
