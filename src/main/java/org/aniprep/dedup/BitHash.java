package org.aniprep.dedup;

import java.util.Arrays;
import java.util.HexFormat;

/** A fixed-length bit string (a perceptual hash), compared by Hamming distance. */
public record BitHash(long[] words) {
    public BitHash {
        if (words.length == 0) {
            throw new IllegalArgumentException("empty hash");
        }
    }

    public int bits() {
        return words.length * 64;
    }

    public int distance(BitHash other) {
        long[] o = other.words;
        if (o.length != words.length) {
            throw new IllegalArgumentException("hashes of different lengths: " + bits() + " vs " + other.bits());
        }
        int d = 0;
        for (int i = 0; i < words.length; i++) {
            d += Long.bitCount(words[i] ^ o[i]);
        }
        return d;
    }

    /** The bits {@code [from, from + count)} (count ≤ 32) as an int; bit 0 is the lowest bit of word 0. */
    public int slice(int from, int count) {
        int value = 0;
        for (int k = 0; k < count; k++) {
            int bit = from + k;
            if ((words[bit >>> 6] >>> (bit & 63) & 1L) != 0) {
                value |= 1 << k;
            }
        }
        return value;
    }

    public String toHex() {
        StringBuilder sb = new StringBuilder(words.length * 16);
        for (long w : words) {
            sb.append(HexFormat.of().toHexDigits(w));
        }
        return sb.toString();
    }

    public static BitHash fromHex(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() % 16 != 0) {
            throw new IllegalArgumentException("not a hash: " + hex);
        }
        long[] w = new long[hex.length() / 16];
        for (int i = 0; i < w.length; i++) {
            w[i] = Long.parseUnsignedLong(hex.substring(i * 16, i * 16 + 16), 16);
        }
        return new BitHash(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitHash h && Arrays.equals(words, h.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
