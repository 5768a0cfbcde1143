package io.dossier.names.matching;

/**
 * Similarity of two {@link SpellingKey spelling keys}: a Levenshtein distance whose costs follow how transliterations
 * differ (a vowel or an h dropped or added costs little, k/q/g/gh/kh or s/z/th swapped costs little), normalized by
 * the weight of the longer key. 1 for equal keys, 0 for nothing in common.
 */
final class KeySimilarity {

    private static final double VOWEL_INDEL = 0.35;
    private static final double H_INDEL = 0.45;
    private static final double CONSONANT_INDEL = 1.0;
    private static final double VOWEL_SWAP = 0.4;
    private static final double NEAR_SWAP = 0.35;
    private static final double FAR_SWAP = 1.0;

    /** Pairs of key letters that transliterations confuse, each as two chars. */
    private static final String[] NEAR = {"kq", "kg", "qg", "kx", "qx", "gx", "GG", "Gg", "Gq", "Gk", "Gx", "hx",
            "gj", "jJ", "zJ", "SJ", "Sj", "sz", "sc", "zc", "tc", "dc", "td", "dD", "zD", "cD", "sS", "bf", "ts",
            "ui", "iu"};
    private static final boolean[][] NEAR_TABLE = new boolean[128][128];

    static {
        for (String pair : NEAR) {
            NEAR_TABLE[pair.charAt(0)][pair.charAt(1)] = true;
            NEAR_TABLE[pair.charAt(1)][pair.charAt(0)] = true;
        }
    }

    /**
     * A lower bound of the distance per unit of weight difference: no edit changes the weight by more than its cost
     * divided by this (the cheapest weight change is h for x, 0.35 for 0.55).
     */
    private static final double COST_PER_WEIGHT = NEAR_SWAP / (CONSONANT_INDEL - H_INDEL) - 1e-9;

    private KeySimilarity() {
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'i' || c == 'u';
    }

    static double indel(char c) {
        return isVowel(c) ? VOWEL_INDEL : c == 'h' ? H_INDEL : CONSONANT_INDEL;
    }

    static double swap(char a, char b) {
        if (a == b) {
            return 0;
        }
        if (isVowel(a) && isVowel(b)) {
            return VOWEL_SWAP;
        }
        if (a < 128 && b < 128 && NEAR_TABLE[a][b]) {
            return NEAR_SWAP;
        }
        return FAR_SWAP;
    }

    static double weight(String key) {
        double w = 0;
        for (int i = 0; i < key.length(); i++) {
            w += indel(key.charAt(i));
        }
        return w;
    }

    /**
     * The similarity when it is at least {@code floor}, else 0, found without finishing the distance table when the
     * weights differ too much or a row of the table already costs more than the floor allows.
     */
    static double similarity(String a, String b, double floor) {
        if (a.equals(b)) {
            return a.isEmpty() ? 0 : 1;
        }
        double wa = weight(a);
        double wb = weight(b);
        double norm = Math.max(wa, wb);
        if (norm == 0) {
            return 0;
        }
        double limit = (1 - floor) * norm;
        if (COST_PER_WEIGHT * Math.abs(wa - wb) > limit) {
            return 0;
        }
        double d = distance(a, b, limit);
        return d > limit ? 0 : Math.max(0, 1 - d / norm);
    }

    /** The weighted distance, or any value over {@code limit} once it is sure to exceed it. */
    static double distance(String a, String b, double limit) {
        int n = a.length();
        int m = b.length();
        double[] prev = new double[m + 1];
        double[] cur = new double[m + 1];
        for (int j = 1; j <= m; j++) {
            prev[j] = prev[j - 1] + indel(b.charAt(j - 1));
        }
        for (int i = 1; i <= n; i++) {
            char ca = a.charAt(i - 1);
            double del = indel(ca);
            cur[0] = prev[0] + del;
            double rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                double best = prev[j - 1] + swap(ca, cb);
                double d = prev[j] + del;
                if (d < best) {
                    best = d;
                }
                double ins = cur[j - 1] + indel(cb);
                if (ins < best) {
                    best = ins;
                }
                cur[j] = best;
                if (best < rowMin) {
                    rowMin = best;
                }
            }
            if (rowMin > limit) {
                // every later row costs at least as much
                return rowMin;
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /** Plain normalized Levenshtein similarity of two folded strings when at least {@code floor}, else 0. */
    static double levenshtein(String a, String b, double floor) {
        int n = a.length();
        int m = b.length();
        if (n == 0 || m == 0) {
            return 0;
        }
        int longer = Math.max(n, m);
        int maxEdits = (int) Math.floor((1 - floor) * longer + 1e-9);
        if (Math.abs(n - m) > maxEdits) {
            return 0;
        }
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > maxEdits) {
                return 0;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m] > maxEdits ? 0 : 1 - (double) prev[m] / longer;
    }
}
