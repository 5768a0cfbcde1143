package io.dossier.names.linking;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho–Corasick automaton over folded names, each stored behind a space so that a match can only start at a word
 * boundary. It knows states and transitions only: which text is read, where words begin and end, and what a match
 * means are {@link MentionLinker}'s rules. Immutable once built.
 */
final class NameAutomaton {

    static final int ROOT = 0;
    /** The state after a word boundary: every pattern is stored behind a space, so matches can only start there. */
    static final int WORD = 1;
    static final int NONE = -1;

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

    private NameAutomaton(Trie trie) {
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
    }

    /** The automaton of the patterns; pattern p is reported as p. */
    static NameAutomaton of(List<String> patterns) {
        Trie trie = new Trie(Math.max(16, patterns.size() * 8));
        for (int p = 0; p < patterns.size(); p++) {
            trie.add(" " + patterns.get(p), p);
        }
        return new NameAutomaton(trie);
    }

    /**
     * The transition on c from {@code state}, following failure links: the next state as (state << 1 | 1 if it has
     * something to report). Inside a word, from the root, no match can start: it waits for the next space.
     */
    int step(int state, char c) {
        while (true) {
            if (state == ROOT) {
                return c == ' ' ? WORD << 1 : ROOT;
            }
            if (state == WORD) {
                return c == ' ' ? WORD << 1 : wordNext[c];
            }
            int t = child(state, c);
            if (t != NONE) {
                return t;
            }
            state = info[2 * state + 1];
        }
    }

    /**
     * The plain trie's transition on c, without failure links: the next state, or a state {@code <= WORD} when the
     * trie has no such path.
     */
    int next(int state, char c) {
        return state == WORD ? wordNext[c] >>> 1 : child(state, c) >> 1;
    }

    /** The state the trie reaches from a word boundary over {@code word}, or NONE. */
    int after(String word) {
        int state = WORD;
        for (int i = 0; i < word.length(); i++) {
            state = next(state, word.charAt(i));
            if (state <= WORD) {
                return NONE;
            }
        }
        return state;
    }

    /** The first state to report from {@code state}: itself if it ends a pattern, else its dictionary link; or NONE. */
    int report(int state) {
        return report[state];
    }

    /** The next state down the failure chain of {@code state} that ends a pattern, or NONE. */
    int dictionary(int state) {
        return dictionary[state];
    }

    /** The pattern ending at {@code state}, or NONE. */
    int output(int state) {
        return output[state];
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
}
