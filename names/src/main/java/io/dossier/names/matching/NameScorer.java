package io.dossier.names.matching;

import io.dossier.names.NameKind;

/**
 * Scores one query against one indexed name, naming the rule that matched. Exact and folded equality score 1; the
 * same tokens without the article 0.97 and in another order 0.96; spelling variants score by {@link KeySimilarity}
 * (or plain edit distance for typos), scaled under 0.95 so they never outrank an equality.
 */
final class NameScorer {

    static final double EXACT = 1.0;
    static final double SHORT_FORM = 0.9;
    static final double ARTICLE = 0.97;
    static final double WORD_ORDER = 0.96;
    static final double VARIANT_SCALE = 0.95;
    /** A spelling similarity under this scores under the index's threshold: it needs no exact value. */
    static final double MIN_SIMILARITY = NameIndex.THRESHOLD / VARIANT_SCALE;
    /** Paired tokens less alike than this count as unpaired. */
    static final double MIN_TOKEN_SIMILARITY = 0.5;

    /**
     * @param letters across scripts, how alike the names' letters are ({@link NameForm#letters}): it orders candidates
     *            of equal score; 1 otherwise
     */
    record Scored(double score, String rule, double letters) {

        Scored(double score, String rule) {
            this(score, rule, 1);
        }
    }

    private NameScorer() {
    }

    static Scored score(String query, NameForm q, String value, NameForm n, NameKind kind) {
        return score(query, q, value, n, kind, MIN_SIMILARITY);
    }

    /**
     * As above, for a caller that wants scores of at least {@code minSimilarity} times {@value #VARIANT_SCALE} only:
     * the spelling similarities stop early under it (a score under it may come out lower than it is, never one over
     * it).
     */
    static Scored score(String query, NameForm q, String value, NameForm n, NameKind kind, double minSimilarity) {
        if (!kind.matchesLoosely()) {
            return q.folded.equals(n.folded)
                    ? new Scored(SHORT_FORM, kind == NameKind.ABBREVIATION ? "abbreviation" : "weak-alias")
                    : null;
        }
        if (query.strip().equals(value.strip())) {
            return new Scored(EXACT, "exact");
        }
        if (q.folded.equals(n.folded)) {
            return new Scored(EXACT, "folded");
        }
        if (!q.stripped.isEmpty() && q.stripped.equals(n.stripped)) {
            return new Scored(ARTICLE, "article");
        }
        if (!q.sortedStripped.isEmpty() && q.sortedStripped.equals(n.sortedStripped)) {
            return new Scored(WORD_ORDER, "word-order");
        }
        if (q.joinedKey.isEmpty() || n.joinedKey.isEmpty()) {
            return null;
        }
        double keySim = KeySimilarity.similarity(q.joinedKey, n.joinedKey, minSimilarity);
        if (keySim < 1 && (q.articled || n.articled)) {
            keySim = Math.max(keySim, KeySimilarity.similarity(q.fullJoinedKey, n.fullJoinedKey, minSimilarity));
        }
        if (keySim < 1 && (q.tokenKeys.length > 1 || n.tokenKeys.length > 1)) {
            keySim = Math.max(keySim, tokenSetSimilarity(q.tokenKeys, n.tokenKeys));
        }
        if (q.arabic != n.arabic) {
            // names of equal keys (Manik and Maneck for مانيك) are told apart by their letters
            double score = VARIANT_SCALE * keySim;
            return new Scored(score, "cross-script",
                    score < NameIndex.THRESHOLD ? 0 : KeySimilarity.levenshtein(q.letters, n.letters, 0));
        }
        double sim = Math.max(keySim, KeySimilarity.levenshtein(q.compact, n.compact, minSimilarity));
        // the same consonant skeleton: a spelling convention, not a typo
        return new Scored(VARIANT_SCALE * sim, q.skeleton.equals(n.skeleton) ? "transliteration" : "fuzzy");
    }

    /**
     * Tokens paired greedily, best pair first, in any order; each pair counts by its similarity and weight, unpaired
     * tokens (and pairs less alike than {@value #MIN_TOKEN_SIMILARITY}) count as nothing.
     */
    static double tokenSetSimilarity(String[] a, String[] b) {
        double[] wa = new double[a.length];
        double[] wb = new double[b.length];
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            wa[i] = KeySimilarity.weight(a[i]);
            total += wa[i];
        }
        for (int j = 0; j < b.length; j++) {
            wb[j] = KeySimilarity.weight(b[j]);
            total += wb[j];
        }
        if (total == 0) {
            return 0;
        }
        double[][] sim = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                sim[i][j] = KeySimilarity.similarity(a[i], b[j], MIN_TOKEN_SIMILARITY);
            }
        }
        boolean[] usedA = new boolean[a.length];
        boolean[] usedB = new boolean[b.length];
        double sum = 0;
        for (int round = Math.min(a.length, b.length); round > 0; round--) {
            int bi = -1;
            int bj = -1;
            double best = -1;
            for (int i = 0; i < a.length; i++) {
                if (usedA[i]) {
                    continue;
                }
                for (int j = 0; j < b.length; j++) {
                    if (!usedB[j] && sim[i][j] > best) {
                        best = sim[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            usedA[bi] = true;
            usedB[bj] = true;
            sum += best * (wa[bi] + wb[bj]);
        }
        return sum / total;
    }
}
