package org.aniprep.character;

import org.aniprep.image.RgbImage;

/**
 * How far the sides of the hair above the eyes fall short of their convex hull: the notches between the
 * spikes of a spiky cut against the smooth sides of a bob, of long hair or of tails (issue 19). The hair is
 * the region's cells near the hair colour that are connected to the hair just above the face box. Its
 * outline is read from each side, one point per row, and the result is that outline's mean gap to its
 * convex envelope, as a share of the region's width ({@link #UNKNOWN} when the hair runs into the region's
 * top or the upper half of its sides: the background then has the hair's colour, and the outline is the
 * background's). The outline from the top was measured too and left out: the crown's line against the
 * sky or a wall is noisier than the sides, and it gained nothing (docs/classify.md). A design keeps
 * its outline across poses and expressions; one of {@link ShapeCheck}'s measures.
 */
final class HairOutline {
    static final int DIMS = 1;
    static final double SIDE = 0.5;
    /** Spikes rise higher than a bob's crown: the region reaches 1.1 face heights above the box. */
    static final double ABOVE = 1.1;
    static final double BELOW_TOP = 0.1;
    static final int NX = 48;
    static final int NY = 32;
    /** As {@link Silhouette}'s: twice this let the background in on most scenes. */
    static final double RADIUS = Silhouette.HAIR_RADIUS;
    /** No outline: no hair colour was found, or the hair mask runs into the region's top or its sides' upper half. */
    static final float UNKNOWN = -1;
    private static final int NONE = -1;

    private HairOutline() {
    }

    static float[] of(RgbImage img, FaceBox f, ColourMode hair) {
        float[] out = {UNKNOWN};
        if (hair.share() <= 0) {
            return out;
        }
        boolean[] mask = hairMask(img, f, hair);
        if (reachesTheRim(mask)) {
            return out;
        }
        int[] left = new int[NY];
        int[] right = new int[NY];
        for (int v = 0; v < NY; v++) {
            left[v] = first(mask, v * NX, 1, NX);
            right[v] = first(mask, v * NX + NX - 1, -1, NX);
        }
        out[0] = (float) ((gap(left) + gap(right)) / 2 / NX);
        return out;
    }

    private static boolean reachesTheRim(boolean[] mask) {
        for (int u = 0; u < NX; u++) {
            if (mask[u]) {
                return true;
            }
        }
        for (int v = 0; v < NY / 2; v++) {
            if (mask[v * NX] || mask[v * NX + NX - 1]) {
                return true;
            }
        }
        return false;
    }

    /** The region's hair cells ({@link #NX} × {@link #NY}, row by row): near the hair colour and connected to the crown. */
    private static boolean[] hairMask(RgbImage img, FaceBox f, ColourMode hair) {
        double w = f.width();
        double h = f.height();
        float[] lab = new float[NX * NY * 3];
        boolean[] valid = new boolean[NX * NY];
        HeadGrid.sampleInto(img, f.x0() - SIDE * w, f.y0() - ABOVE * h, f.x1() + SIDE * w, f.y0() + BELOW_TOP * h, NX, NY, lab, valid);
        return connectedToCrown(hair.nearMask(lab, valid, RADIUS));
    }

    /** The hair cells 4-connected to those just above the face box (its columns, the rows within 0.3 h above its top). */
    private static boolean[] connectedToCrown(boolean[] near) {
        boolean[] in = new boolean[near.length];
        int[] stack = new int[near.length];
        int n = 0;
        int u0 = (int) Math.floor(NX * SIDE / (1 + 2 * SIDE));
        int u1 = NX - u0;
        int v1 = (int) Math.floor(NY * ABOVE / (ABOVE + BELOW_TOP));
        int v0 = Math.max(0, (int) Math.floor(NY * (ABOVE - 0.3) / (ABOVE + BELOW_TOP)));
        for (int v = v0; v < v1; v++) {
            for (int u = u0; u < u1; u++) {
                int c = v * NX + u;
                if (near[c] && !in[c]) {
                    in[c] = true;
                    stack[n++] = c;
                }
            }
        }
        while (n > 0) {
            int c = stack[--n];
            int u = c % NX;
            int v = c / NX;
            for (int d = 0; d < 4; d++) {
                int uu = u + (d == 0 ? 1 : d == 1 ? -1 : 0);
                int vv = v + (d == 2 ? 1 : d == 3 ? -1 : 0);
                int k = vv * NX + uu;
                if (uu >= 0 && uu < NX && vv >= 0 && vv < NY && near[k] && !in[k]) {
                    in[k] = true;
                    stack[n++] = k;
                }
            }
        }
        return in;
    }

    /** The index (0 … count−1) of the first of two hair cells in a row along the line from {@code start} by {@code step}; {@link #NONE} if none. */
    private static int first(boolean[] mask, int start, int step, int count) {
        for (int i = 0; i + 1 < count; i++) {
            if (mask[start + i * step] && mask[start + (i + 1) * step]) {
                return i;
            }
        }
        return NONE;
    }

    /**
     * The mean gap, in cells, between an outline (the depth at which the hair begins along each line,
     * {@link #NONE} where a line meets none) and its convex envelope (the hull of the region beyond it);
     * 0 when fewer than three lines meet hair.
     */
    static double gap(int[] depth) {
        int[] hull = new int[depth.length];
        int m = 0;
        for (int i = 0; i < depth.length; i++) {
            if (depth[i] == NONE) {
                continue;
            }
            while (m >= 2 && cross(hull[m - 2], depth[hull[m - 2]], hull[m - 1], depth[hull[m - 1]], i, depth[i]) <= 0) {
                m--;
            }
            hull[m++] = i;
        }
        if (m < 2) {
            return 0;
        }
        double sum = 0;
        int lines = 0;
        for (int k = 0; k + 1 < m; k++) {
            int a = hull[k];
            int b = hull[k + 1];
            for (int i = a; i < b + (k + 2 == m ? 1 : 0); i++) {
                if (depth[i] == NONE) {
                    continue;
                }
                double env = depth[a] + (depth[b] - depth[a]) * (double) (i - a) / (b - a);
                sum += depth[i] - env;
                lines++;
            }
        }
        return lines < 3 ? 0 : sum / lines;
    }

    /** The z of (b − a) × (c − a): positive when a, b, c turn so that b lies below the chord a–c (a convex envelope keeps b). */
    private static long cross(int ax, int ay, int bx, int by, int cx, int cy) {
        return (long) (bx - ax) * (cy - ay) - (long) (by - ay) * (cx - ax);
    }

    /**
     * The two gaps' difference (from {@code atA} and {@code atB}); 0 when either is {@link #UNKNOWN}, so a
     * background of the hair's colour is no evidence. Mirroring changes neither gap.
     */
    static double distance(float[] a, int atA, float[] b, int atB) {
        return a[atA] < 0 || b[atB] < 0 ? 0 : Math.abs(a[atA] - b[atB]);
    }
}
