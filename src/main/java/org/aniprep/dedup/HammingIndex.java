package org.aniprep.dedup;

import java.util.Arrays;

/**
 * Multi-index hashing (Norouzi et al.): the hash is cut into m chunks; two hashes within Hamming
 * distance t agree to within ⌊t/m⌋ bits on at least one chunk (pigeonhole), so probing every chunk's
 * table with all keys within that radius finds every neighbour: the answer is exactly the
 * exhaustive one. m is chosen so that the radius is at most 2 and chunks have at most 16 bits.
 */
public final class HammingIndex implements NeighbourIndex<BitHash> {
    private final int threshold;
    private final int bits;
    private final int wordsPerHash;
    private final int[] chunkStart;
    private final int[] chunkWidth;
    private final int radius;
    private final int[][][] buckets;
    private final int[][] bucketSizes;
    private long[] stored = new long[0];
    private int size;

    public HammingIndex(int bits, int threshold) {
        if (bits <= 0 || bits % 64 != 0 || threshold < 0) {
            throw new IllegalArgumentException("bits " + bits + ", threshold " + threshold);
        }
        this.bits = bits;
        this.threshold = threshold;
        this.wordsPerHash = bits / 64;
        int m = Math.min(bits, Math.max((threshold + 1 + 2) / 3, (bits + 15) / 16));
        this.radius = threshold / m;
        this.chunkStart = new int[m];
        this.chunkWidth = new int[m];
        this.buckets = new int[m][][];
        this.bucketSizes = new int[m][];
        for (int j = 0; j < m; j++) {
            chunkStart[j] = j * bits / m;
            chunkWidth[j] = (j + 1) * bits / m - chunkStart[j];
            buckets[j] = new int[1 << chunkWidth[j]][];
            bucketSizes[j] = new int[1 << chunkWidth[j]];
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int add(BitHash hash) {
        check(hash);
        int id = size;
        if ((id + 1) * wordsPerHash > stored.length) {
            stored = Arrays.copyOf(stored, Math.max(64, stored.length * 2));
        }
        System.arraycopy(hash.words(), 0, stored, id * wordsPerHash, wordsPerHash);
        for (int j = 0; j < chunkStart.length; j++) {
            int key = hash.slice(chunkStart[j], chunkWidth[j]);
            int[] list = buckets[j][key];
            int n = bucketSizes[j][key];
            if (list == null || n == list.length) {
                list = list == null ? new int[2] : Arrays.copyOf(list, n * 2);
                buckets[j][key] = list;
            }
            list[n] = id;
            bucketSizes[j][key] = n + 1;
        }
        size++;
        return id;
    }

    @Override
    public int earliestWithin(BitHash query) {
        check(query);
        long[] q = query.words();
        int best = Integer.MAX_VALUE;
        for (int j = 0; j < chunkStart.length; j++) {
            int key = query.slice(chunkStart[j], chunkWidth[j]);
            int w = chunkWidth[j];
            best = probe(j, key, q, best);
            if (radius >= 1) {
                for (int a = 0; a < w; a++) {
                    int k1 = key ^ (1 << a);
                    best = probe(j, k1, q, best);
                    if (radius >= 2) {
                        for (int b = a + 1; b < w; b++) {
                            best = probe(j, k1 ^ (1 << b), q, best);
                        }
                    }
                }
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    private int probe(int chunk, int key, long[] q, int best) {
        int[] list = buckets[chunk][key];
        if (list == null) {
            return best;
        }
        int n = bucketSizes[chunk][key];
        for (int i = 0; i < n; i++) {
            int id = list[i];
            if (id >= best) {
                break; // ids are stored in increasing order
            }
            if (distance(q, id) <= threshold) {
                best = id;
                break;
            }
        }
        return best;
    }

    private int distance(long[] q, int id) {
        int d = 0;
        int base = id * wordsPerHash;
        for (int k = 0; k < wordsPerHash; k++) {
            d += Long.bitCount(q[k] ^ stored[base + k]);
        }
        return d;
    }

    private void check(BitHash h) {
        if (h.bits() != bits) {
            throw new IllegalArgumentException("hash of " + h.bits() + " bits in an index of " + bits);
        }
    }

    /** The same contract answered by scanning every representative: the reference for tests and benchmarks. */
    public static final class Exhaustive implements NeighbourIndex<BitHash> {
        private final int threshold;
        private final java.util.List<BitHash> stored = new java.util.ArrayList<>();

        public Exhaustive(int threshold) {
            this.threshold = threshold;
        }

        @Override
        public int earliestWithin(BitHash query) {
            for (int i = 0; i < stored.size(); i++) {
                if (stored.get(i).distance(query) <= threshold) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int add(BitHash item) {
            stored.add(item);
            return stored.size() - 1;
        }

        @Override
        public int size() {
            return stored.size();
        }
    }
}
