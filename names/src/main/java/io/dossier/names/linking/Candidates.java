package io.dossier.names.linking;

import java.util.Arrays;

/** Matches found in the text, (start, end, pattern) triples. */
final class Candidates {

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
