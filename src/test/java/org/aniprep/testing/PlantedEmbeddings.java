package org.aniprep.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Synthetic unit embeddings with planted clusters (near-duplicates around n/20 centres), shuffled. */
public final class PlantedEmbeddings {
    private PlantedEmbeddings() {
    }

    /**
     * @param noise members get per-dimension Gaussian noise of sigma uniform in [0, 2·noise] added to a
     *              unit centre (at 128 dims, 0.015 gives cosines to the centre from 1 down to about 0.9)
     */
    public static List<float[]> generate(int n, int dim, double distinctShare, double noise, long seed) {
        Random rnd = new Random(seed);
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < Math.max(1, n / 20); c++) {
            centres.add(unit(gaussian(dim, rnd, 1.0)));
        }
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < distinctShare) {
                out.add(unit(gaussian(dim, rnd, 1.0)));
            } else {
                float[] c = centres.get(rnd.nextInt(centres.size()));
                float[] v = gaussian(dim, rnd, noise * rnd.nextDouble() * 2);
                for (int k = 0; k < dim; k++) {
                    v[k] += c[k];
                }
                out.add(unit(v));
            }
        }
        Collections.shuffle(out, rnd);
        return out;
    }

    static float[] gaussian(int dim, Random rnd, double sigma) {
        float[] v = new float[dim];
        for (int k = 0; k < dim; k++) {
            v[k] = (float) (rnd.nextGaussian() * sigma);
        }
        return v;
    }

    public static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        double inv = n == 0 ? 0 : 1 / Math.sqrt(n);
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (v[k] * inv);
        }
        return v;
    }
}
