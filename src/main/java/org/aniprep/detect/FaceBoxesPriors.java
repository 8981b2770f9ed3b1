package org.aniprep.detect;

import java.util.List;

/**
 * FaceBoxes' fixed prior (anchor) boxes for one input size, in the order the model's outputs use
 * (FaceBoxes {@code layers/functions/prior_box.py}): for each feature map (one per step), each row
 * i, each column j, each of that map's anchor sizes: 32-px anchors densified 4×4 (offsets 0, .25,
 * .5, .75 of a step, y outer, x inner), 64-px anchors 2×2 (0, .5), larger ones once at the cell
 * centre. Each prior is (cx, cy, w, h) relative to the input.
 */
public final class FaceBoxesPriors {
    private FaceBoxesPriors() {
    }

    /**
     * @param steps    feature-map strides, e.g. 32, 64, 128
     * @param minSizes anchor sizes per feature map, e.g. [[32, 64, 128], [256], [512]]
     * @return 4 values per prior: cx, cy, w, h
     */
    public static double[] generate(int width, int height, int[] steps, List<int[]> minSizes) {
        int total = count(width, height, steps, minSizes);
        double[] out = new double[4 * total];
        int n = 0;
        for (int k = 0; k < steps.length; k++) {
            int step = steps[k];
            int rows = ceilDiv(height, step);
            int cols = ceilDiv(width, step);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    for (int size : minSizes.get(k)) {
                        double[] offsets = densify(size);
                        double w = size / (double) width;
                        double h = size / (double) height;
                        for (double oy : offsets) {
                            for (double ox : offsets) {
                                out[n++] = (j + ox) * step / width;
                                out[n++] = (i + oy) * step / height;
                                out[n++] = w;
                                out[n++] = h;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    public static int count(int width, int height, int[] steps, List<int[]> minSizes) {
        int total = 0;
        for (int k = 0; k < steps.length; k++) {
            int per = 0;
            for (int size : minSizes.get(k)) {
                int d = densify(size).length;
                per += d * d;
            }
            total += ceilDiv(height, steps[k]) * ceilDiv(width, steps[k]) * per;
        }
        return total;
    }

    private static final double[] DENSE4 = {0, 0.25, 0.5, 0.75};
    private static final double[] DENSE2 = {0, 0.5};
    private static final double[] CENTRE = {0.5};

    private static double[] densify(int size) {
        return size == 32 ? DENSE4 : size == 64 ? DENSE2 : CENTRE;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
