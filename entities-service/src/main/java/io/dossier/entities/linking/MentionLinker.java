package io.dossier.entities.linking;

import java.util.ArrayList;
import java.util.Arrays;
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

    private static final int ROOT = 0;
    /** The state after a word boundary: every pattern is stored behind a space, so matches can only start there. */
    private static final int WORD = 1;
    private static final int NONE = -1;
    /** Which Arabic names a walk after clitics takes: any, those without the article ال, those with it. */
    private static final int ANY = 0;
    private static final int WITHOUT_ARTICLE = 1;
    private static final int WITH_ARTICLE = 2;

    // Transitions: the word-start state's in a direct table (it has thousands of children), every other state's as
    // a slice [info[2s], info[2s + 2]) of edges sorted by char, each (char << 32 | target) in one long so that a
    // lookup touches one array; info[2s + 1] is the state's failure link, on the same cache line as its edges' bounds.
    // The root has one child, WORD.
    // States are numbered breadth first, so the shallow ones that most text touches share cache lines. A target is
    // stored as (state << 1 | 1 if the state has something to report), sparing a lookup on every character.
    private final int[] wordNext;
    private final int[] info;
    private final long[] edges;
    /** The pattern ending at each state, or NONE. */
    private final int[] output;
    /** The nearest state down the failure chain that ends a pattern, or NONE. */
    private final int[] dictionary;
    /** The state itself if it ends a pattern, else its dictionary link: where reporting starts. */
    private final int[] report;
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

    private MentionLinker(Trie trie, List<String> patterns, List<List<Entry>> entries) {
        int states = trie.size;
        // The trie's edges in (parent, char) order, in the trie's own numbering.
        long[] keys = trie.sortedKeys();
        int[] first = new int[states + 1];
        int[] target = new int[keys.length];
        for (int e = 0; e < keys.length; e++) {
            first[Trie.parent(keys[e]) + 1]++;
            target[e] = trie.get(Trie.parent(keys[e]), Trie.symbol(keys[e]));
        }
        for (int s = 0; s < states; s++) {
            first[s + 1] += first[s];
        }
        // Renumbered breadth first: a state's children get consecutive numbers after everything shallower.
        int[] order = new int[states];
        int[] renumbered = new int[states];
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            int old = order[head];
            for (int e = first[old]; e < first[old + 1]; e++) {
                renumbered[target[e]] = tail;
                order[tail++] = target[e];
            }
        }
        this.output = new int[states];
        this.info = new int[2 * states + 1];
        this.edges = new long[keys.length];
        this.wordNext = new int[Character.MAX_VALUE + 1];
        int edge = 0;
        for (int s = 0; s < states; s++) {
            int old = order[s];
            output[s] = trie.terminal[old];
            info[2 * s] = edge;
            for (int e = first[old]; e < first[old + 1]; e++) {
                edges[edge++] = ((long) Trie.symbol(keys[e]) << 32) | (renumbered[target[e]] << 1);
            }
        }
        info[2 * states] = edge;
        this.dictionary = new int[states];
        this.report = new int[states];
        linkFailures(states);
        for (int s = 0; s < states; s++) {
            report[s] = output[s] != NONE ? s : dictionary[s];
        }
        for (int e = 0; e < edge; e++) {
            edges[e] |= report[(int) edges[e] >>> 1] != NONE ? 1 : 0;
        }
        for (int e = info[2 * WORD]; e < info[2 * WORD + 2]; e++) {
            wordNext[(int) (edges[e] >>> 32)] = (int) edges[e];
        }

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
        int alef = wordNext['ا'] >>> 1;
        int article = alef > WORD ? child(alef, 'ل') >> 1 : NONE;
        this.articleState = article > WORD ? article : NONE;
    }

    public static MentionLinker build(Collection<LinkName> names) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> patterns = new ArrayList<>();
        List<List<Entry>> entries = new ArrayList<>();
        Trie trie = new Trie(Math.max(16, names.size() * 8));
        for (LinkName name : names) {
            String folded = TextFolding.fold(name.value());
            boolean weak = name.kind() == LinkNameKind.WEAK;
            if (significant(folded) < (weak ? 2 : 3)) {
                continue;
            }
            Integer id = ids.get(folded);
            if (id == null) {
                id = patterns.size();
                ids.put(folded, id);
                patterns.add(folded);
                entries.add(new ArrayList<>(1));
                trie.add(" " + folded, id);
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
        return new MentionLinker(trie, patterns, entries);
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
            int t;
            while (true) {
                if (state == ROOT) {
                    t = c == ' ' ? WORD << 1 : ROOT; // inside a word no match can start: wait for the next space
                    break;
                }
                if (state == WORD) {
                    t = c == ' ' ? WORD << 1 : wordNext[c];
                    break;
                }
                t = child(state, c);
                if (t != NONE) {
                    break;
                }
                state = info[2 * state + 1];
            }
            state = t >>> 1;
            if ((t & 1) == 0) {
                continue;
            }
            int hit = report[state];
            int end = i + 1;
            if (end < n && f.charAt(end) != ' ' && !EnglishPossessive.at(text, folded, end)) {
                continue;
            }
            for (; hit != NONE; hit = dictionary[hit]) {
                int p = output[hit];
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
            state = state == WORD ? wordNext[c] >>> 1 : child(state, c) >> 1;
            if (state <= WORD) {
                return;
            }
            int p = output[state];
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

    /** The child of a non-root state on c (as stored: state << 1 | report flag), or NONE. */
    private int child(int state, char c) {
        int lo = info[2 * state];
        int hi = info[2 * state + 2];
        if (hi - lo <= 8) {
            for (int e = lo; e < hi; e++) {
                long edge = edges[e];
                if ((int) (edge >>> 32) == c) {
                    return (int) edge;
                }
            }
            return NONE;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int m = (int) (edges[mid] >>> 32);
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return (int) edges[mid];
            }
        }
        return NONE;
    }

    /** Failure and dictionary links, in state order: breadth first, so a state's failure is settled before. */
    private void linkFailures(int states) {
        info[2 * ROOT + 1] = ROOT;
        dictionary[ROOT] = NONE;
        for (int s = 0; s < states; s++) {
            for (int e = info[2 * s]; e < info[2 * s + 2]; e++) {
                char c = (char) (edges[e] >>> 32);
                int t = (int) edges[e] >>> 1;
                int f = ROOT;
                if (s != ROOT) {
                    for (int g = info[2 * s + 1];; g = info[2 * g + 1]) {
                        if (g == ROOT) {
                            f = c == ' ' ? WORD : ROOT;
                            break;
                        }
                        int x = child(g, c);
                        if (x != NONE) {
                            f = x >>> 1;
                            break;
                        }
                    }
                }
                info[2 * t + 1] = f;
                dictionary[t] = output[f] != NONE ? f : dictionary[f];
            }
        }
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

    /** The trie while it is built: an open-addressing map from (parent, char) to child. */
    private static final class Trie {

        private long[] keys;
        private int[] children;
        private int mask;
        private int edges;
        int size = 2;
        int[] terminal = {NONE, NONE};

        Trie(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            children = new int[capacity];
            mask = capacity - 1;
            put(key(ROOT, ' '), WORD);
        }

        static long key(int parent, char c) {
            return (((long) parent << 16) | c) + 1; // + 1: zero marks an empty slot
        }

        static int parent(long key) {
            return (int) ((key - 1) >>> 16);
        }

        static char symbol(long key) {
            return (char) ((key - 1) & 0xFFFF);
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        int get(int parent, char c) {
            long key = key(parent, c);
            for (int i = slot(key);; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return children[i];
                }
                if (keys[i] == 0) {
                    return NONE;
                }
            }
        }

        void add(String pattern, int id) {
            int state = ROOT;
            for (int k = 0; k < pattern.length(); k++) {
                char c = pattern.charAt(k);
                int next = get(state, c);
                if (next == NONE) {
                    next = size++;
                    put(key(state, c), next);
                    if (next == terminal.length) {
                        int old = terminal.length;
                        terminal = Arrays.copyOf(terminal, old * 2);
                        Arrays.fill(terminal, old, terminal.length, NONE);
                    }
                    terminal[next] = NONE;
                }
                state = next;
            }
            terminal[state] = id;
        }

        private void put(long key, int child) {
            if ((edges + 1) * 2 > keys.length) {
                grow();
            }
            int i = slot(key);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            children[i] = child;
            edges++;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldChildren = children;
            keys = new long[oldKeys.length * 2];
            children = new int[oldKeys.length * 2];
            mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int j = slot(oldKeys[i]);
                    while (keys[j] != 0) {
                        j = (j + 1) & mask;
                    }
                    keys[j] = oldKeys[i];
                    children[j] = oldChildren[i];
                }
            }
        }

        /** Every edge key in (parent, char) order: the order of the flat transition arrays. */
        long[] sortedKeys() {
            long[] sorted = new long[edges];
            int n = 0;
            for (long key : keys) {
                if (key != 0) {
                    sorted[n++] = key;
                }
            }
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** Matches found in the text, (start, end, pattern) triples. */
    private static final class Candidates {

        private int[] data = new int[48];
        private int size;

        void add(int start, int end, int pattern) {
            if (size + 3 > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = start;
            data[size++] = end;
            data[size++] = pattern;
        }

        /** The leftmost-longest non-overlapping matches, as (start, end, pattern) triples in text order. */
        int[] leftmostLongest() {
            int count = size / 3;
            long[] order = new long[count];
            for (int k = 0; k < count; k++) {
                order[k] = ((long) data[3 * k] << 32) | k;
            }
            Arrays.sort(order);
            int[] chosen = new int[size];
            int n = 0;
            int taken = 0;
            for (int i = 0; i < count;) {
                int start = (int) (order[i] >>> 32);
                int best = (int) order[i];
                int j = i + 1;
                for (; j < count && (int) (order[j] >>> 32) == start; j++) {
                    int k = (int) order[j];
                    if (data[3 * k + 1] > data[3 * best + 1]) {
                        best = k;
                    }
                }
                i = j;
                if (start >= taken) {
                    chosen[n++] = start;
                    chosen[n++] = data[3 * best + 1];
                    chosen[n++] = data[3 * best + 2];
                    taken = data[3 * best + 1];
                }
            }
            return Arrays.copyOf(chosen, n);
        }
    }
}
