package io.dossier.names.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.dossier.names.NameKind;

/**
 * In-memory index of entity names that finds the entities a name may refer to, across spellings, word order, the
 * Arabic article and the Arabic and Latin scripts.
 * <p>
 * A query never scans all names: equal folded forms come from hash maps, and spelling variants from postings of
 * bigrams and trigrams of the names' coarse consonant skeletons ({@link SpellingKey#coarse}); only the names sharing
 * most n-grams with the query (at most {@value #MAX_SCORED}) are scored. Thread-safe: queries share a read lock,
 * {@link #put} and {@link #remove} take the write lock.
 */
public final class NameIndex {

    /** Candidates under this score are dropped. */
    public static final double THRESHOLD = 0.75;
    private static final int MAX_SCORED = 64;
    private static final int ALPHABET = 16;
    private static final int TRIGRAMS = ALPHABET * ALPHABET * ALPHABET;
    private static final int GRAMS = TRIGRAMS + ALPHABET * ALPHABET;
    private static final int DICE_BUCKETS = 64;
    /**
     * Names sharing less of their n-grams with the query are not scored. On the cross-script benchmark this floor and
     * MAX_SCORED lose no answer that 300 candidates without a floor find, and keep look-alikes from crowding the top.
     */
    private static final double MIN_DICE = 0.35;
    /** An n-gram found in more than this share of the names tells little about a query (see {@link #retrieve}). */
    private static final double COMMON_SHARE = 0.1;
    /** ... unless the registry is small: n-grams of at most this many names are always telling. */
    private static final int MIN_COMMON = 200;
    /** The fewest n-grams of the query walked; its rarest when too few are telling. */
    private static final int MIN_TELLING = 6;

    private record Entry(UUID entityId, String entityType, IndexedName name, NameForm form, int gramCount) {
    }

    private static final class Scratch {
        int[] counts = new int[0];
        int[] touched = new int[0];
        byte[] bucketOf = new byte[0];
        int[] sorted = new int[0];
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Entry> entries = new ArrayList<>();
    /** Per ordinal, for the retrieval loop (no object per name touched): n-gram count, -1 once removed. */
    private int[] gramCounts = new int[1024];
    /** Per ordinal: the entity type's code in typeCodes. */
    private int[] typeOf = new int[1024];
    private final Map<String, Integer> typeCodes = new HashMap<>();
    private final Map<UUID, int[]> byEntity = new HashMap<>();
    private final Map<String, int[]> byFolded = new HashMap<>();
    private final Map<String, int[]> bySortedTokens = new HashMap<>();
    /** Every name's n-grams; their sizes tell the common n-grams from the telling ones. */
    private final Postings postings = new Postings();
    /**
     * The same per entity type (by code): a query for one type walks only its names' postings, in the same order
     * as in {@link #postings}, so it finds what walking them all and dropping the other types finds. Twice the
     * postings' memory (about 5 MB for the 24,258 names of the OFAC and UN lists) for a quarter off a typed query.
     */
    private final List<Postings> typedPostings = new ArrayList<>();
    private int dead;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** Per n-gram code, the ordinals of the names that have it, in the order they were added. */
    private static final class Postings {
        final int[][] lists = new int[GRAMS][];
        final int[] sizes = new int[GRAMS];

        void add(int gram, int ordinal) {
            int[] list = lists[gram];
            if (list == null) {
                list = lists[gram] = new int[4];
            } else if (sizes[gram] == list.length) {
                list = lists[gram] = Arrays.copyOf(list, list.length * 2);
            }
            list[sizes[gram]++] = ordinal;
        }
    }
    /** Whether every n-gram of a query is walked (benchmarks compare the telling ones with all). */
    private final boolean exhaustive;

    public NameIndex() {
        this(false);
    }

    NameIndex(boolean exhaustive) {
        this.exhaustive = exhaustive;
    }

    /** Replaces all names of the entity with these (none: the entity is removed). */
    public void put(UUID entityId, String entityType, List<IndexedName> names) {
        Objects.requireNonNull(entityId, "entityId");
        List<Entry> prepared = new ArrayList<>(names.size());
        for (IndexedName name : names) {
            if (name.value() == null || name.value().isBlank()) {
                continue;
            }
            NameForm form = NameForm.of(name.value());
            if (form.isEmpty()) {
                continue;
            }
            NameKind kind = name.kind() == null ? NameKind.ALIAS : name.kind();
            IndexedName indexed = new IndexedName(entityId, entityType, name.value(), kind);
            int gramCount = kind.matchesLoosely() ? grams(form).length : 0;
            prepared.add(new Entry(entityId, entityType, indexed, form, gramCount));
        }
        lock.writeLock().lock();
        try {
            removeLocked(entityId);
            if (prepared.isEmpty()) {
                return;
            }
            int[] ordinals = new int[prepared.size()];
            for (int i = 0; i < prepared.size(); i++) {
                ordinals[i] = add(prepared.get(i));
            }
            byEntity.put(entityId, ordinals);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(UUID entityId) {
        lock.writeLock().lock();
        try {
            removeLocked(entityId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The names indexed for the entity (none when it is not indexed). */
    public List<IndexedName> namesOf(UUID entityId) {
        lock.readLock().lock();
        try {
            int[] ordinals = byEntity.get(entityId);
            if (ordinals == null) {
                return List.of();
            }
            List<IndexedName> names = new ArrayList<>(ordinals.length);
            for (int ordinal : ordinals) {
                names.add(entries.get(ordinal).name);
            }
            return names;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of entities indexed. */
    public int size() {
        lock.readLock().lock();
        try {
            return byEntity.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The entities the query may name, best first, one candidate each (its best-matching name), scores in
     * ({@value #THRESHOLD}, 1].
     *
     * @param entityType only entities of this type; null for any
     */
    public List<Candidate> match(String query, String entityType, int limit) {
        return match(query, entityType, limit, true, THRESHOLD);
    }

    /**
     * As {@link #match}, without its last resort: when the names sharing the query's telling n-grams give no
     * candidate, the postings of all its n-grams, the commonest included, are not walked again. For a caller that
     * wants a close spelling of a registered name and nothing looser (a possible mention, an alias expansion), which
     * shares the telling n-grams with it: on a name the registry lacks, that walk is most of the time {@link #match}
     * takes (docs/decisions.md #37). Only candidates scoring {@code minScore} or more, each
     * scored as {@link #match} scores it; names that cannot reach it are given up early.
     */
    public List<Candidate> matchClose(String query, String entityType, int limit, double minScore) {
        return match(query, entityType, limit, false, Math.max(THRESHOLD, minScore));
    }

    private List<Candidate> match(String query, String entityType, int limit, boolean lastResort,
            double minScore) {
        if (query == null || limit <= 0) {
            return List.of();
        }
        NameForm q = NameForm.of(query);
        if (q.isEmpty()) {
            return List.of();
        }
        int[] queryGrams = grams(q);
        Map<UUID, Candidate> best = new HashMap<>();
        lock.readLock().lock();
        try {
            scoreAll(byFolded.get(q.folded), query, q, entityType, best, minScore);
            scoreAll(bySortedTokens.get(q.sortedStripped), query, q, entityType, best, minScore);
            int[] telling = exhaustive ? queryGrams : telling(queryGrams);
            scoreAll(retrieve(telling, queryGrams.length, entityType), query, q, entityType, best, minScore);
            if (lastResort && best.isEmpty() && telling.length < queryGrams.length) {
                // nothing among the names sharing the query's telling n-grams: the common ones may still find one
                scoreAll(retrieve(queryGrams, queryGrams.length, entityType), query, q, entityType, best, minScore);
            }
        } finally {
            lock.readLock().unlock();
        }
        List<Candidate> result = new ArrayList<>(best.values());
        result.sort(Candidate.BEST_FIRST);
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    private void scoreAll(int[] ordinals, String query, NameForm q, String entityType, Map<UUID, Candidate> best,
            double minScore) {
        // a floor of its own a hair lower (the similarities are sums of doubles: one exactly at it may come out a
        // hair under); the score itself is held to minScore below
        double minSimilarity = minScore == THRESHOLD
                ? NameScorer.MIN_SIMILARITY
                : minScore / NameScorer.VARIANT_SCALE - 1e-9;
        if (ordinals == null) {
            return;
        }
        for (int ordinal : ordinals) {
            Entry e = entries.get(ordinal);
            if (e == null || entityType != null && !entityType.equals(e.entityType)) {
                continue;
            }
            Candidate previous = best.get(e.entityId);
            if (previous != null && previous.score() >= NameScorer.EXACT) {
                continue;
            }
            NameScorer.Scored s = NameScorer.score(query, q, e.name.value(), e.form, e.name.kind(), minSimilarity);
            if (s == null || s.score() < minScore) {
                continue;
            }
            Candidate candidate = new Candidate(e.entityId, e.entityType, Math.min(1.0, s.score()), e.name.value(),
                    e.name.kind(), s.rule(), s.letters());
            if (previous == null || Candidate.BEST_FIRST.compare(candidate, previous) < 0) {
                best.put(e.entityId, candidate);
            }
        }
    }

    /**
     * The names sharing the most skeleton n-grams with the query (by Dice coefficient), at most MAX_SCORED, walking
     * the postings of {@code walked}, some or all of the query's {@code queryGrams} n-grams. With some, the Dice
     * coefficient is estimated as if each name shared with the whole query what it shares with the walked share of it.
     */
    private int[] retrieve(int[] walked, int queryGrams, String entityType) {
        Scratch s = scratch.get();
        int n = entries.size();
        if (s.counts.length < n) {
            s.counts = new int[Math.max(n, s.counts.length * 2)];
            s.touched = new int[s.counts.length];
        }
        int[] counts = s.counts;
        int[] touched = s.touched;
        int touchedCount = 0;
        double walkedShare = walked.length / (double) queryGrams;
        int wantedType = entityType == null ? -1 : typeCodes.getOrDefault(entityType, -2);
        if (wantedType == -2) {
            return new int[0]; // no name of that type
        }
        Postings walkedPostings = wantedType == -1 ? postings : typedPostings.get(wantedType);
        for (int gram : walked) {
            int[] list = walkedPostings.lists[gram];
            int size = walkedPostings.sizes[gram];
            for (int k = 0; k < size; k++) {
                int ordinal = list[k];
                if (counts[ordinal]++ == 0) {
                    touched[touchedCount++] = ordinal;
                }
            }
        }
        // a counting sort by Dice bucket, best first, cut at MAX_SCORED
        int[] bucketStart = new int[DICE_BUCKETS + 1];
        if (s.bucketOf.length < touchedCount) {
            s.bucketOf = new byte[Math.max(touchedCount, s.bucketOf.length * 2)];
        }
        byte[] bucketOf = s.bucketOf;
        int[] gramCounts = this.gramCounts;
        int[] typeOf = this.typeOf;
        for (int t = 0; t < touchedCount; t++) {
            int ordinal = touched[t];
            int gramCount = gramCounts[ordinal];
            double dice = 2.0 * counts[ordinal] / (walkedShare * (queryGrams + gramCount));
            if (gramCount < 0 || dice < MIN_DICE || wantedType != -1 && typeOf[ordinal] != wantedType) {
                bucketOf[t] = -1;
                continue;
            }
            int bucket = DICE_BUCKETS - 1 - Math.min(DICE_BUCKETS - 1, (int) (dice * DICE_BUCKETS));
            bucketOf[t] = (byte) bucket;
            bucketStart[bucket + 1]++;
        }
        for (int b = 0; b < DICE_BUCKETS; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int kept = bucketStart[DICE_BUCKETS];
        if (s.sorted.length < kept) {
            s.sorted = new int[Math.max(kept, s.sorted.length * 2)];
        }
        int[] sorted = s.sorted;
        for (int t = 0; t < touchedCount; t++) {
            if (bucketOf[t] >= 0) {
                sorted[bucketStart[bucketOf[t]]++] = touched[t];
            }
        }
        for (int t = 0; t < touchedCount; t++) {
            counts[touched[t]] = 0;
        }
        return Arrays.copyOf(sorted, Math.min(kept, MAX_SCORED));
    }

    /**
     * The query's telling n-grams: those whose postings hold at most {@value #COMMON_SHARE} of the names' ordinals
     * (and at most {@value #MIN_COMMON} in a small registry), or, when fewer than {@value #MIN_TELLING} are, its
     * {@value #MIN_TELLING} rarest. A skeleton alphabet of a dozen letters makes the commonest n-grams lead to most
     * names of a large registry: walking them made retrieval a scan. Ordinals are counted as the postings count them,
     * removed names included until a compaction. Package-private for tests; call under the read lock.
     */
    int[] telling(int[] queryGrams) {
        int commonAbove = Math.max(MIN_COMMON, (int) (entries.size() * COMMON_SHARE));
        int[] out = new int[queryGrams.length];
        int size = 0;
        for (int gram : queryGrams) {
            if (postings.sizes[gram] <= commonAbove) {
                out[size++] = gram;
            }
        }
        if (size == queryGrams.length || queryGrams.length <= MIN_TELLING) {
            return queryGrams;
        }
        if (size >= MIN_TELLING) {
            return Arrays.copyOf(out, size);
        }
        // by posting size (in the high bits), rarest first
        long[] bySize = new long[queryGrams.length];
        for (int i = 0; i < queryGrams.length; i++) {
            bySize[i] = (long) postings.sizes[queryGrams[i]] << 32 | queryGrams[i];
        }
        Arrays.sort(bySize);
        int[] rarest = new int[Math.min(MIN_TELLING, bySize.length)];
        for (int i = 0; i < rarest.length; i++) {
            rarest[i] = (int) bySize[i];
        }
        Arrays.sort(rarest); // walked in the order of the query's n-grams, as all of them would be
        return rarest;
    }

    private int add(Entry e) {
        int ordinal = entries.size();
        entries.add(e);
        if (ordinal == gramCounts.length) {
            gramCounts = Arrays.copyOf(gramCounts, ordinal * 2);
            typeOf = Arrays.copyOf(typeOf, ordinal * 2);
        }
        gramCounts[ordinal] = e.gramCount;
        typeOf[ordinal] = e.entityType == null ? -3 : typeCodes.computeIfAbsent(e.entityType, t -> typeCodes.size());
        if (typeOf[ordinal] == typedPostings.size()) {
            typedPostings.add(new Postings());
        }
        byFolded.merge(e.form.folded, new int[]{ordinal}, NameIndex::concat);
        if (e.name.kind().matchesLoosely()) {
            bySortedTokens.merge(e.form.sortedStripped, new int[]{ordinal}, NameIndex::concat);
            Postings typed = typeOf[ordinal] < 0 ? null : typedPostings.get(typeOf[ordinal]);
            for (int gram : grams(e.form)) {
                postings.add(gram, ordinal);
                if (typed != null) {
                    typed.add(gram, ordinal);
                }
            }
        }
        return ordinal;
    }

    private void removeLocked(UUID entityId) {
        int[] ordinals = byEntity.remove(entityId);
        if (ordinals == null) {
            return;
        }
        for (int ordinal : ordinals) {
            Entry e = entries.get(ordinal);
            entries.set(ordinal, null);
            gramCounts[ordinal] = -1;
            dead++;
            without(byFolded, e.form.folded, ordinal);
            if (e.name.kind().matchesLoosely()) {
                without(bySortedTokens, e.form.sortedStripped, ordinal);
            }
        }
        // postings keep dead ordinals (skipped when read) until they are the larger part
        if (dead > 1024 && dead > entries.size() / 2) {
            compact();
        }
    }

    private void compact() {
        List<Entry> live = new ArrayList<>(entries.size() - dead);
        for (Entry e : entries) {
            if (e != null) {
                live.add(e);
            }
        }
        entries.clear();
        byEntity.clear();
        byFolded.clear();
        bySortedTokens.clear();
        Arrays.fill(postings.lists, null);
        Arrays.fill(postings.sizes, 0);
        for (Postings typed : typedPostings) {
            Arrays.fill(typed.lists, null);
            Arrays.fill(typed.sizes, 0);
        }
        dead = 0;
        Map<UUID, List<Integer>> owned = new HashMap<>();
        for (Entry e : live) {
            owned.computeIfAbsent(e.entityId, k -> new ArrayList<>()).add(add(e));
        }
        owned.forEach((id, list) -> byEntity.put(id, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static void without(Map<String, int[]> map, String key, int ordinal) {
        int[] list = map.get(key);
        if (list == null) {
            return;
        }
        int[] rest = Arrays.stream(list).filter(o -> o != ordinal).toArray();
        if (rest.length == 0) {
            map.remove(key);
        } else {
            map.put(key, rest);
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The distinct n-gram codes of a name: bigrams and trigrams of each token's coarse skeleton between boundary
     * marks (with and without the article), and trigrams of the skeleton of all tokens run together (so "Abdul
     * Rahman" meets "Abdulrahman").
     */
    static int[] grams(NameForm form) {
        int[] out = new int[32];
        int size = 0;
        StringBuilder joined = new StringBuilder();
        String[] keys = form.tokenKeys;
        if (form.articled) {
            keys = Arrays.copyOf(form.tokenKeys, form.tokenKeys.length + form.fullTokenKeys.length);
            System.arraycopy(form.fullTokenKeys, 0, keys, form.tokenKeys.length, form.fullTokenKeys.length);
        }
        for (int t = 0; t < keys.length; t++) {
            String coarse = SpellingKey.coarse(keys[t]);
            if (t < form.tokenKeys.length) {
                joined.append(coarse);
            }
            int len = coarse.length() + 2;
            int[] codes = new int[len];
            codes[0] = 1;
            codes[len - 1] = 2;
            for (int i = 0; i < coarse.length(); i++) {
                codes[i + 1] = code(coarse.charAt(i));
            }
            for (int i = 0; i + 1 < len; i++) {
                if (size + 2 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[size++] = TRIGRAMS + codes[i] * ALPHABET + codes[i + 1];
                if (i + 2 < len) {
                    out[size++] = (codes[i] * ALPHABET + codes[i + 1]) * ALPHABET + codes[i + 2];
                }
            }
        }
        for (int i = 0; i + 2 < joined.length(); i++) {
            if (size + 1 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[size++] = (code(joined.charAt(i)) * ALPHABET + code(joined.charAt(i + 1))) * ALPHABET
                    + code(joined.charAt(i + 2));
        }
        return Arrays.stream(out, 0, size).sorted().distinct().toArray();
    }

    private static int code(char coarse) {
        return switch (coarse) {
            case 'K' -> 3;
            case 'S' -> 4;
            case 'X' -> 5;
            case 'T' -> 6;
            case 'B' -> 7;
            case 'F' -> 8;
            case 'L' -> 9;
            case 'R' -> 10;
            case 'M' -> 11;
            case 'N' -> 12;
            case 'V' -> 13;
            default -> 14;
        };
    }
}
