package org.aniprep.dedup;

import org.aniprep.testing.PlantedHashes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GreedyGrouperTest {
    @ParameterizedTest
    @CsvSource({"192,20", "192,0", "192,7", "64,10", "64,3", "256,40"})
    void indexedGroupingEqualsExhaustive(int bits, int threshold) {
        List<BitHash> hashes = PlantedHashes.generate(6000, bits, threshold, 0.1, 42L + bits * 31L + threshold);
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
