package org.aniprep.dedup;

import org.aniprep.image.RgbImage;

import java.util.Arrays;

/**
 * Perceptual hashes of an image (the candidates measured in docs/dedup.md). The {@link #id} names
 * the algorithm and its version: cached hashes are reused only when it matches.
 */
public enum PerceptualHash {
    /** pHash (imagehash's): 32×32 luma, 2-D DCT-II, the 8×8 lowest frequencies above their median. */
    PHASH64("phash64-v1") {
        @Override
        public BitHash hash(RgbImage img) {
            return dctHash(GreyPlane.shrink(img, GreyPlane.Channel.LUMA, 32, 32), 32, 8);
        }
    },
    /** pHash at twice the resolution: 64×64 luma, the 16×16 lowest frequencies (256 bits). */
    PHASH256("phash256-v1") {
        @Override
        public BitHash hash(RgbImage img) {
            return dctHash(GreyPlane.shrink(img, GreyPlane.Channel.LUMA, 64, 64), 64, 16);
        }
    },
    /** pHash64 of luma, Cb and Cr concatenated (192 bits): sees hue changes that luma misses. */
    PHASH_YCC192("phash-ycc192-v1") {
        @Override
        public BitHash hash(RgbImage img) {
            long[] w = new long[3];
            float[][] planes = GreyPlane.shrinkYcc(img, 32, 32);
            for (int c = 0; c < 3; c++) {
                w[c] = dctHash(planes[c], 32, 8).words()[0];
            }
            return new BitHash(w);
        }
    },
    /** dHash (imagehash's): 9×8 luma, bit = pixel brighter than its left neighbour. */
    DHASH64("dhash64-v1") {
        @Override
        public BitHash hash(RgbImage img) {
            float[] p = GreyPlane.shrink(img, GreyPlane.Channel.LUMA, 9, 8);
            long bits = 0;
            int k = 0;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++, k++) {
                    if (p[y * 9 + x + 1] > p[y * 9 + x]) {
                        bits |= 1L << k;
                    }
                }
            }
            return new BitHash(new long[]{bits});
        }
    };

    private final String id;

    PerceptualHash(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public abstract BitHash hash(RgbImage img);

    public static PerceptualHash byId(String id) {
        for (PerceptualHash h : values()) {
            if (h.id.equals(id)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown hash method " + id);
    }

    /** Unnormalised DCT-II of an n×n plane (rows, then columns), keeping the k×k lowest frequencies. */
    static BitHash dctHash(float[] plane, int n, int k) {
        double[][] cos = cosTable(n, k);
        double[] rows = new double[n * k];
        for (int y = 0; y < n; y++) {
            for (int u = 0; u < k; u++) {
                double s = 0;
                for (int x = 0; x < n; x++) {
                    s += plane[y * n + x] * cos[u][x];
                }
                rows[y * k + u] = s;
            }
        }
        double[] coef = new double[k * k];
        for (int v = 0; v < k; v++) {
            for (int u = 0; u < k; u++) {
                double s = 0;
                for (int y = 0; y < n; y++) {
                    s += rows[y * k + u] * cos[v][y];
                }
                coef[v * k + u] = s;
            }
        }
        double[] sorted = coef.clone();
        Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long[] words = new long[(k * k + 63) / 64];
        for (int i = 0; i < coef.length; i++) {
            if (coef[i] > median) {
                words[i >>> 6] |= 1L << (i & 63);
            }
        }
        return new BitHash(words);
    }

    private static double[][] cosTable(int n, int k) {
        double[][] t = new double[k][n];
        for (int u = 0; u < k; u++) {
            for (int x = 0; x < n; x++) {
                t[u][x] = 2 * Math.cos(Math.PI * u * (2 * x + 1) / (2.0 * n));
            }
        }
        return t;
    }
}
