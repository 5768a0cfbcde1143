package io.dossier.names.linking;

import static io.dossier.names.linking.NameAutomaton.NONE;
import static io.dossier.names.linking.NameAutomaton.WORD;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dossier.common.text.ArabicPrefixes;
import io.dossier.common.text.EnglishPossessive;
import io.dossier.common.text.TextFolding;

/**
 * Finds the registered names of entities in a text, in one pass: an Aho–Corasick automaton over the folded names
 * ({@link TextFolding}) runs over the folded text, and each match is mapped back to a span of the original text.
 * Immutable once built, so one instance serves any number of threads.
 * <p>
 * The rules, in the order they apply:
 * <ul>
 * <li><b>Build.</b> Names are folded; strong names with fewer than three letters or digits ("US", "Al") and weak
 * names with fewer than two are dropped, being more noise than signal. An entity registered twice under names that
 * fold alike keeps one, the strong one if either is.</li>
 * <li><b>Whole words.</b> A match starts and ends at a word boundary of the folded text. Two exceptions follow the
 * languages, with the rules search uses too (module common). An English possessive may follow the end
 * ({@link EnglishPossessive}): "Iraq's" holds a mention of "Iraq". In Arabic script a match may start after the clitics
 * glued to the word ({@link ArabicPrefixes}): an optional conjunction (و, ف), an optional preposition (ب, ل, ك), an
 * optional article ال, at least one of them, so "وكتائب حزب الله" and "لكتائب" hold "كتائب". The article is only allowed
 * when the name does not itself start with ال, except in its contraction with ل: "للحشد الشعبي" (ل + الحشد, the
 * article's alef dropped) holds "الحشد الشعبي", and the mention starts at the article's lam. Names are never
 * stemmed.</li>
 * <li><b>Longest match.</b> Among overlapping matches the leftmost wins, and of those the longest; the others are
 * dropped, so "Kataib Hezbollah" hides the "Hezbollah" inside it.</li>
 * <li><b>Ambiguous names.</b> A name registered for several entities gives one mention per entity, all with the same
 * span, in registration order: the linker does not guess, the caller (or an analyst) decides.</li>
 * <li><b>Weak names.</b> A weak name written all in capitals ("KH", "PMF") matches only where the original text has
 * the same letters in the same case, so "kh" or "Kh" never links. A weak name then links only with support from the
 * same text: if the text defines it, in parentheses right after a strong mention of an entity that has it ("Kataib
 * Hezbollah (KH)"), every occurrence links to that entity alone; otherwise it links to each of its entities that
 * has a strong mention somewhere in the text; otherwise not at all. An unsupported weak match still takes its span,
 * so a shorter name inside it is not linked either.</li>
 * </ul>
 */
public final class MentionLinker {

    /** Which Arabic names a walk after clitics takes: any, those without the article ال, those with it. */
    private static final int ANY = 0;
    private static final int WITHOUT_ARTICLE = 1;
    private static final int WITH_ARTICLE = 2;

    private final NameAutomaton automaton;
    private final boolean anyArabic;
    private final boolean anyWeak;
    /** The state after " ال" (names that start with the article), or NONE. */
    private final int articleState;

    private final int[] patternLength;
    private final boolean[] patternArabic;
    private final boolean[] patternArticle;
    /** Entries of pattern p: [entryFirst[p], entryFirst[p + 1]). */
    private final int[] entryFirst;
    private final UUID[] entryEntity;
    private final String[] entryValue;
    private final boolean[] entryWeak;
    /** For weak names in capitals: their letters and digits, which the surface must repeat exactly; else null. */
    private final String[] entryCapitals;
    /** Whether every entry of the pattern is a weak name in capitals (checked before the longest-match choice). */
    private final boolean[] patternCapitalsOnly;

    private MentionLinker(List<String> patterns, List<List<Entry>> entries) {
        this.automaton = NameAutomaton.of(patterns);
        int patternCount = patterns.size();
        this.patternLength = new int[patternCount];
        this.patternArabic = new boolean[patternCount];
        this.patternArticle = new boolean[patternCount];
        this.patternCapitalsOnly = new boolean[patternCount];
        this.entryFirst = new int[patternCount + 1];
        int total = 0;
        for (List<Entry> list : entries) {
            total += list.size();
        }
        this.entryEntity = new UUID[total];
        this.entryValue = new String[total];
        this.entryWeak = new boolean[total];
        this.entryCapitals = new String[total];
        int next = 0;
        for (int p = 0; p < patternCount; p++) {
            String pattern = patterns.get(p);
            patternLength[p] = pattern.length();
            patternArabic[p] = Character.UnicodeScript.of(pattern.charAt(0)) == Character.UnicodeScript.ARABIC;
            patternArticle[p] = pattern.startsWith("ال");
            entryFirst[p] = next;
            boolean capitalsOnly = true;
            for (Entry entry : entries.get(p)) {
                entryEntity[next] = entry.entityId;
                entryValue[next] = entry.value;
                entryWeak[next] = entry.weak;
                entryCapitals[next] = entry.weak ? capitals(entry.value) : null;
                capitalsOnly &= entryCapitals[next] != null;
                next++;
            }
            patternCapitalsOnly[p] = capitalsOnly;
        }
        entryFirst[patternCount] = next;
        boolean arabic = false;
        for (boolean a : patternArabic) {
            arabic |= a;
        }
        this.anyArabic = arabic;
        boolean weak = false;
        for (boolean w : entryWeak) {
            weak |= w;
        }
        this.anyWeak = weak;
        this.articleState = automaton.after("ال");
    }

    public static MentionLinker build(Collection<LinkName> names) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> patterns = new ArrayList<>();
        List<List<Entry>> entries = new ArrayList<>();
        for (LinkName name : names) {
            String folded = TextFolding.fold(name.value());
            boolean weak = !name.kind().matchesLoosely();
            if (significant(folded) < (weak ? 2 : 3)) {
                continue;
            }
            Integer id = ids.get(folded);
            if (id == null) {
                id = patterns.size();
                ids.put(folded, id);
                patterns.add(folded);
                entries.add(new ArrayList<>(1));
            }
            List<Entry> list = entries.get(id);
            Entry entry = new Entry(name.entityId(), name.value(), weak);
            int same = indexOfEntity(list, name.entityId());
            if (same < 0) {
                list.add(entry);
            } else if (list.get(same).weak && !weak) {
                list.set(same, entry);
            }
        }
        return new MentionLinker(patterns, entries);
    }

    /** How many names the linker looks for: distinct (entity, folded name) pairs that survived the build rules. */
    public int names() {
        return entryEntity.length;
    }

    /** The mentions in the text, in text order; mentions of several entities with the same span are adjacent. */
    public List<Mention> link(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        TextFolding.Folded folded = TextFolding.foldWithOffsets(text);
        String f = folded.text();
        Candidates candidates = new Candidates();
        int n = f.length();
        int state = WORD; // the text starts at a word boundary
        for (int i = 0; i < n; i++) {
            char c = f.charAt(i);
            if (anyArabic && (i == 0 || f.charAt(i - 1) == ' ') && ArabicPrefixes.mayStart(c)) {
                afterClitics(text, folded, i, candidates);
            }
            int t = automaton.step(state, c);
            state = t >>> 1;
            if ((t & 1) == 0) {
                continue;
            }
            int hit = automaton.report(state);
            int end = i + 1;
            if (end < n && f.charAt(end) != ' ' && !EnglishPossessive.at(text, folded, end)) {
                continue;
            }
            for (; hit != NONE; hit = automaton.dictionary(hit)) {
                int p = automaton.output(hit);
                accept(text, folded, end - patternLength[p], end, p, candidates);
            }
        }
        return resolve(text, folded, candidates.leftmostLongest());
    }

    /**
     * Matches that start after Arabic clitics glued to the word at i: for each clitic prefix the word starts with,
     * plain trie walks over the rest of the word and the words after it.
     */
    private void afterClitics(String text, TextFolding.Folded folded, int i, Candidates candidates) {
        String f = folded.text();
        int n = f.length();
        for (int k = 1; k <= ArabicPrefixes.LONGEST && i + k < n; k++) {
            int clitics = ArabicPrefixes.parse(f, i, i + k);
            if (clitics == ArabicPrefixes.NONE) {
                continue;
            }
            boolean article = (clitics & ArabicPrefixes.ARTICLE) != 0;
            walk(text, folded, WORD, i + k, i + k, article ? WITHOUT_ARTICLE : ANY, candidates);
            if ((clitics & ArabicPrefixes.CONTRACTED) != 0 && articleState != NONE) {
                // ل + a name with its own article, whose alef is dropped: the name's "ال" stands as the second ل.
                walk(text, folded, articleState, i + k, i + k - 1, WITH_ARTICLE, candidates);
            }
        }
    }

    /**
     * The Arabic names the trie reads from {@code state} over f[from, ...) that end at a word boundary, as mentions
     * from {@code spanStart}; {@code articles} says whether names starting with ال may, must not or must be taken.
     */
    private void walk(String text, TextFolding.Folded folded, int state, int from, int spanStart, int articles,
            Candidates candidates) {
        String f = folded.text();
        int n = f.length();
        for (int j = from; j < n; j++) {
            char c = f.charAt(j);
            state = automaton.next(state, c);
            if (state <= WORD) {
                return;
            }
            int p = automaton.output(state);
            if (p != NONE && patternArabic[p] && (j + 1 == n || f.charAt(j + 1) == ' ')
                    && (articles == ANY || patternArticle[p] == (articles == WITH_ARTICLE))) {
                accept(text, folded, spanStart, j + 1, p, candidates);
            }
        }
    }

    private void accept(String text, TextFolding.Folded folded, int start, int end, int p, Candidates candidates) {
        if (patternCapitalsOnly[p] && capitalsAt(text, folded, start, end, p) < 0) {
            return;
        }
        candidates.add(start, end, p);
    }

    private List<Mention> resolve(String text, TextFolding.Folded folded, int[] chosen) {
        int count = chosen.length / 3;
        int[] originalStart = new int[count];
        int[] originalEnd = new int[count];
        Set<UUID> strong = new HashSet<>();
        for (int k = 0; k < count; k++) {
            originalStart[k] = folded.originalStart(chosen[3 * k]);
            originalEnd[k] = folded.originalEnd(chosen[3 * k + 1], text);
            if (!anyWeak) {
                continue; // only weak names need the context
            }
            int p = chosen[3 * k + 2];
            for (int e = entryFirst[p]; e < entryFirst[p + 1]; e++) {
                if (!entryWeak[e]) {
                    strong.add(entryEntity[e]);
                }
            }
        }
        // Abbreviations the text defines: "Kataib Hezbollah (KH)" ties KH to that entity for the whole text.
        Map<Integer, Set<UUID>> defined = new HashMap<>();
        for (int k = 1; k < count && anyWeak; k++) {
            int p = chosen[3 * k + 2];
            if (!parenthesized(text, originalEnd[k - 1], originalStart[k], originalEnd[k])) {
                continue;
            }
            int before = chosen[3 * (k - 1) + 2];
            for (int e = entryFirst[p]; e < entryFirst[p + 1]; e++) {
                if (entryWeak[e] && casePasses(text, originalStart[k], originalEnd[k], e)
                        && hasStrong(before, entryEntity[e])) {
                    defined.computeIfAbsent(p, x -> new HashSet<>()).add(entryEntity[e]);
                }
            }
        }
        List<Mention> mentions = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int p = chosen[3 * k + 2];
            int start = originalStart[k];
            int end = originalEnd[k];
            String surface = null;
            Set<UUID> definedFor = defined.get(p);
            for (int e = entryFirst[p]; e < entryFirst[p + 1]; e++) {
                UUID entity = entryEntity[e];
                if (entryWeak[e]) {
                    if (!casePasses(text, start, end, e)) {
                        continue;
                    }
                    if (definedFor != null ? !definedFor.contains(entity) : !strong.contains(entity)) {
                        continue;
                    }
                }
                if (surface == null) {
                    surface = text.substring(start, end);
                }
                mentions.add(new Mention(entity, start, end, surface, entryValue[e]));
            }
        }
        return mentions;
    }

    private boolean hasStrong(int pattern, UUID entity) {
        for (int e = entryFirst[pattern]; e < entryFirst[pattern + 1]; e++) {
            if (!entryWeak[e] && entryEntity[e].equals(entity)) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first entry of p whose capitals the original span repeats, or -1. */
    private int capitalsAt(String text, TextFolding.Folded folded, int start, int end, int p) {
        int from = folded.originalStart(start);
        int to = folded.originalEnd(end, text);
        for (int e = entryFirst[p]; e < entryFirst[p + 1]; e++) {
            if (casePasses(text, from, to, e)) {
                return e;
            }
        }
        return -1;
    }

    private boolean casePasses(String text, int from, int to, int entry) {
        String capitals = entryCapitals[entry];
        if (capitals == null) {
            return true;
        }
        int k = 0;
        for (int o = from; o < to; o++) {
            char c = text.charAt(o);
            if (Character.isLetterOrDigit(c)) {
                if (k == capitals.length() || capitals.charAt(k) != c) {
                    return false;
                }
                k++;
            }
        }
        return k == capitals.length();
    }

    /** Whether the span [start, end) sits in parentheses right after a mention ending at previousEnd. */
    private static boolean parenthesized(String text, int previousEnd, int start, int end) {
        int i = previousEnd;
        while (i < start && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= start || text.charAt(i) != '(') {
            return false;
        }
        i++;
        while (i < start && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i != start) {
            return false;
        }
        int j = end;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == ')';
    }

    /** The letters and digits of a weak name written in capitals ("KH" of "K.H."), or null if it is not. */
    private static String capitals(String value) {
        StringBuilder letters = new StringBuilder(value.length());
        boolean upper = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLowerCase(c)) {
                return null;
            }
            if (Character.isUpperCase(c)) {
                upper = true;
            }
            if (Character.isLetterOrDigit(c)) {
                letters.append(c);
            }
        }
        return upper ? letters.toString() : null;
    }

    private static int significant(String folded) {
        int count = 0;
        for (int i = 0; i < folded.length(); i++) {
            if (folded.charAt(i) != ' ') {
                count++;
            }
        }
        return count;
    }

    private static int indexOfEntity(List<Entry> entries, UUID entity) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).entityId.equals(entity)) {
                return i;
            }
        }
        return -1;
    }

    private record Entry(UUID entityId, String value, boolean weak) {
    }
}
