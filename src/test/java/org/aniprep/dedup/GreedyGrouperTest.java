package org.aniprep.dedup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GreedyGrouperTest {
    /** Planted clusters: centres at random, members a few flipped bits away, some just past the threshold. */
    static List<BitHash> planted(int n, int bits, int threshold, long seed) {
        Random rnd = new Random(seed);
        List<BitHash> centres = new ArrayList<>();
        for (int c = 0; c < n / 20; c++) {
            centres.add(random(bits, rnd));
        }
        List<BitHash> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(10) == 0) {
                out.add(random(bits, rnd));
            } else {
                BitHash c = centres.get(rnd.nextInt(centres.size()));
                out.add(flip(c, rnd.nextInt(threshold + threshold / 2 + 2), rnd));
            }
        }
        Collections.shuffle(out, rnd);
        return out;
    }

    static BitHash random(int bits, Random rnd) {
        long[] w = new long[bits / 64];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextLong();
        }
        return new BitHash(w);
    }

    static BitHash flip(BitHash h, int count, Random rnd) {
        long[] w = h.words().clone();
        for (int k = 0; k < count; k++) {
            int bit = rnd.nextInt(h.bits());
            w[bit >>> 6] ^= 1L << (bit & 63);
        }
        return new BitHash(w);
    }

    @ParameterizedTest
    @CsvSource({"192,20", "192,0", "192,7", "64,10", "64,3", "256,40"})
    void indexedGroupingEqualsExhaustive(int bits, int threshold) {
        List<BitHash> hashes = planted(6000, bits, threshold, 42L + bits * 31L + threshold);
        int[] indexed = GreedyGrouper.group(hashes, new HammingIndex(bits, threshold));
        int[] exhaustive = GreedyGrouper.group(hashes, new HammingIndex.Exhaustive(threshold));
        assertThat(indexed).isEqualTo(exhaustive);
        long groups = java.util.stream.IntStream.range(0, indexed.length).filter(i -> indexed[i] == i).count();
        assertThat(groups).isBetween(50L, 5999L); // the data really has both groups and singletons
    }

    @Test
    void itemJoinsTheEarliestRepresentativeWithinThreshold() {
        BitHash a = new BitHash(new long[]{0L});
        BitHash b = new BitHash(new long[]{0b111L});      // 3 from a
        BitHash c = new BitHash(new long[]{0b11111000L}); // 5 from a, 8 from b
        BitHash d = new BitHash(new long[]{0b11111111L}); // 8 from a, 5 from b, 3 from c
        int[] rep = GreedyGrouper.group(List.of(a, c, b, d), new HammingIndex(64, 4));
        // c is 5 from a: a new group; b joins a; d is 3 from c (a is 8 away): joins c, not b (b is not a representative)
        assertThat(rep).containsExactly(0, 1, 0, 1);
    }

    @Test
    void hexRoundTripAndSlices() {
        BitHash h = new BitHash(new long[]{0x0123456789abcdefL, -1L});
        assertThat(BitHash.fromHex(h.toHex())).isEqualTo(h);
        assertThat(h.toHex()).isEqualTo("0123456789abcdefffffffffffffffff");
        assertThat(h.slice(0, 8)).isEqualTo(0xef);
        assertThat(h.slice(60, 8)).isEqualTo(0xf0);
    }
}
