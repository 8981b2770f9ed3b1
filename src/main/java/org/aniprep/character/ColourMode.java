package org.aniprep.character;

/**
 * The dominant colour of a set of grid cells: the densest bin of a coarse OKLab histogram, refined
 * by a few mean-shift steps (mean of the cells within {@link #RADIUS} of the estimate). Robust to
 * the background and line art that a zone also catches, as long as the wanted colour is the
 * largest single patch.
 *
 * @param share fraction of the zone's cells within the radius of the mode (0 when the zone was empty)
 */
record ColourMode(double l, double a, double b, double share) {
    static final double RADIUS = 0.07;
    private static final int BL = 10;
    private static final int BC = 16;
    private static final double CMAX = 0.32;
    static final ColourMode NONE = new ColourMode(0.5, 0, 0, 0);

    static ColourMode of(float[] lab, int[] cells, int count) {
        if (count == 0) {
            return NONE;
        }
        int[] hist = new int[BL * BC * BC];
        for (int k = 0; k < count; k++) {
            hist[bin(lab, cells[k] * 3)]++;
        }
        int[] mass = boxSum3(hist);
        int best = 0;
        for (int i = 1; i < mass.length; i++) {
            if (mass[i] > mass[best]) {
                best = i;
            }
        }
        // start from the mean of the cells in the densest neighbourhood, then mean-shift
        int bl = best / (BC * BC);
        int ba = (best / BC) % BC;
        int bb = best % BC;
        double l = 0;
        double a = 0;
        double b = 0;
        int start = 0;
        for (int k = 0; k < count; k++) {
            int i = cells[k] * 3;
            int bin = bin(lab, i);
            if (Math.abs(bin / (BC * BC) - bl) <= 1 && Math.abs((bin / BC) % BC - ba) <= 1 && Math.abs(bin % BC - bb) <= 1) {
                l += lab[i];
                a += lab[i + 1];
                b += lab[i + 2];
                start++;
            }
        }
        l /= start;
        a /= start;
        b /= start;
        int inside = 0;
        for (int step = 0; step < 4; step++) {
            double sl = 0;
            double sa = 0;
            double sb = 0;
            inside = 0;
            for (int k = 0; k < count; k++) {
                int i = cells[k] * 3;
                if (dist(lab[i], lab[i + 1], lab[i + 2], l, a, b) <= RADIUS) {
                    sl += lab[i];
                    sa += lab[i + 1];
                    sb += lab[i + 2];
                    inside++;
                }
            }
            if (inside == 0) {
                break;
            }
            l = sl / inside;
            a = sa / inside;
            b = sb / inside;
        }
        return new ColourMode(l, a, b, inside / (double) count);
    }

    /** Each bin's mass summed over its 3×3×3 neighbourhood (separable: one pass per axis). */
    private static int[] boxSum3(int[] h) {
        int[] a = h;
        int[] strides = {BC * BC, BC, 1};
        int[] sizes = {BL, BC, BC};
        for (int axis = 0; axis < 3; axis++) {
            int[] out = new int[a.length];
            int stride = strides[axis];
            int size = sizes[axis];
            for (int i = 0; i < a.length; i++) {
                int pos = (i / stride) % size;
                int s = a[i];
                if (pos > 0) {
                    s += a[i - stride];
                }
                if (pos < size - 1) {
                    s += a[i + stride];
                }
                out[i] = s;
            }
            a = out;
        }
        return a;
    }

    boolean near(float[] lab, int i, double radius) {
        return dist(lab[i], lab[i + 1], lab[i + 2], l, a, b) <= radius;
    }

    /** Which of the sampled cells ({@code valid}, colours in {@code lab}) lie within {@code radius} of this colour; none when the zone was empty. */
    boolean[] nearMask(float[] lab, boolean[] valid, double radius) {
        boolean[] out = new boolean[valid.length];
        for (int c = 0; c < out.length && share > 0; c++) {
            out[c] = valid[c] && near(lab, c * 3, radius);
        }
        return out;
    }

    double chroma() {
        return Math.hypot(a, b);
    }

    static double dist(double l1, double a1, double b1, double l2, double a2, double b2) {
        double dl = l1 - l2;
        double da = a1 - a2;
        double db = b1 - b2;
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    private static int bin(float[] lab, int i) {
        int l = clamp((int) (lab[i] * BL), BL);
        int a = clamp((int) ((lab[i + 1] + CMAX) / (2 * CMAX) * BC), BC);
        int b = clamp((int) ((lab[i + 2] + CMAX) / (2 * CMAX) * BC), BC);
        return (l * BC + a) * BC + b;
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
