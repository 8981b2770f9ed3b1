package org.aniprep.testing;

import org.aniprep.dedup.BitHash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Synthetic perceptual hashes with planted clusters, for exact-vs-indexed grouping tests and benchmarks. */
public final class PlantedHashes {
    private PlantedHashes() {
    }

    /**
     * {@code n} hashes: a {@code distinctShare} of them random, the rest copies of n/20 random centres
     * with 0 to 1.5×threshold bits flipped (so some fall just outside the threshold), shuffled.
     */
    public static List<BitHash> generate(int n, int bits, int threshold, double distinctShare, long seed) {
        Random rnd = new Random(seed);
        List<BitHash> centres = new ArrayList<>();
        for (int c = 0; c < Math.max(1, n / 20); c++) {
            centres.add(random(bits, rnd));
        }
        List<BitHash> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < distinctShare) {
                out.add(random(bits, rnd));
            } else {
                out.add(flip(centres.get(rnd.nextInt(centres.size())), rnd.nextInt(threshold + threshold / 2 + 2), rnd));
            }
        }
        Collections.shuffle(out, rnd);
        return out;
    }

    public static BitHash random(int bits, Random rnd) {
        long[] w = new long[bits / 64];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextLong();
        }
        return new BitHash(w);
    }

    public static BitHash flip(BitHash h, int count, Random rnd) {
        long[] w = h.words().clone();
        for (int k = 0; k < count; k++) {
            int bit = rnd.nextInt(h.bits());
            w[bit >>> 6] ^= 1L << (bit & 63);
        }
        return new BitHash(w);
    }
}
