package org.aniprep.character;

import org.aniprep.image.RgbImage;

/**
 * Where hair and skin lie around a face, on a coarse grid over a region larger than the head region
 * (hair length, side locks, tails, fringe, the face outline): the part of a design that colour alone
 * cannot see. Each cell holds the share of its sampled points that are hair-coloured ({@link #OUTSIDE}
 * for a cell wholly outside the frame); {@link #aligned} compares two over mirroring and a cell's shift.
 * One of the three shape measures of {@link ShapeCheck} (issue 19).
 */
final class Silhouette {
    static final double SIDE = 1.0;
    static final double ABOVE = 0.7;
    static final double BELOW = 1.2;
    static final int COLS = 12;
    static final int ROWS = 14;
    static final int SUB = 3;
    static final double HAIR_RADIUS = 0.09;
    /** A cell wholly outside the frame. */
    static final float OUTSIDE = -1;

    private Silhouette() {
    }

    static int dims() {
        return COLS * ROWS;
    }

    static float[] of(RgbImage img, FaceBox f, ColourMode hair) {
        double w = f.width();
        double h = f.height();
        double x0 = f.x0() - SIDE * w;
        double y0 = f.y0() - ABOVE * h;
        double x1 = f.x1() + SIDE * w;
        double y1 = f.y1() + BELOW * h;
        int nx = COLS * SUB;
        int ny = ROWS * SUB;
        float[] lab = new float[nx * ny * 3];
        boolean[] valid = new boolean[nx * ny];
        HeadGrid.sampleInto(img, x0, y0, x1, y1, nx, ny, lab, valid);
        boolean[] isHair = hair.nearMask(lab, valid, HAIR_RADIUS);
        double[] hairHits = new double[COLS * ROWS];
        double[] seen = new double[COLS * ROWS];
        for (int v = 0; v < ny; v++) {
            for (int u = 0; u < nx; u++) {
                int c = v * nx + u;
                if (!valid[c]) {
                    continue;
                }
                int block = (v / SUB) * COLS + u / SUB;
                seen[block]++;
                if (isHair[c]) {
                    hairHits[block]++;
                }
            }
        }
        float[] out = new float[dims()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (seen[i] == 0 ? OUTSIDE : hairHits[i] / seen[i]);
        }
        return out;
    }

    /**
     * Two silhouettes compared over mirroring and shifts of up to {@link #SHIFT} cells, each measure at its
     * best alignment: {@code rms}, the root-mean-square difference per cell seen in both (0 = same layout,
     * 1 = opposite); {@code lower}, the Jaccard distance of the hair from {@link #LOWER_ROW} down (1 − Σmin/Σmax;
     * 0 when neither has hair there). The RMS is mostly made of cells empty in both, so hair that hangs past
     * the cheeks in one design and not in the other (a bob against long hair or side locks) moves it little;
     * the Jaccard distance of that band counts only where hair is.
     */
    record Match(double rms, double lower) {
    }

    static final int SHIFT = 1;
    /** The first row of the lower band: about ¾ of the face box's height below its top (the cheeks). */
    static final int LOWER_ROW = 7;

    /** The smallest {@link #distance} over mirroring and shifts of up to {@link #SHIFT} cells. */
    static double aligned(float[] a, float[] b) {
        return match(a, 0, b, 0).rms();
    }

    /** {@link Match} of the silhouettes held in {@code a} from {@code atA} and {@code b} from {@code atB}. */
    static Match match(float[] a, int atA, float[] b, int atB) {
        double rms = Double.MAX_VALUE;
        double lower = Double.MAX_VALUE;
        double[] d = new double[2]; // one scratch pair for the 18 alignments: the vote scores millions of pairs
        for (int m = 0; m < 2; m++) {
            for (int dy = -SHIFT; dy <= SHIFT; dy++) {
                for (int dx = -SHIFT; dx <= SHIFT; dx++) {
                    if (shifted(a, atA, b, atB, m == 1, dx, dy, d)) {
                        rms = Math.min(rms, d[0]);
                        lower = Math.min(lower, d[1]);
                    }
                }
            }
        }
        return new Match(rms, lower == Double.MAX_VALUE ? 1 : lower);
    }

    /** {rms, lower} of one alignment into {@code out}; false when fewer than half the cells are seen in both. */
    private static boolean shifted(float[] a, int atA, float[] b, int atB, boolean mirror, int dx, int dy, double[] out) {
        double s = 0;
        double min = 0;
        double max = 0;
        int n = 0;
        for (int row = 0; row < ROWS; row++) {
            int rb = row + dy;
            if (rb < 0 || rb >= ROWS) {
                continue;
            }
            for (int col = 0; col < COLS; col++) {
                int cb = (mirror ? COLS - 1 - col : col) + dx;
                if (cb < 0 || cb >= COLS) {
                    continue;
                }
                float x = a[atA + row * COLS + col];
                float y = b[atB + rb * COLS + cb];
                if (x < 0 || y < 0) {
                    continue;
                }
                s += (x - y) * (x - y);
                n++;
                if (row >= LOWER_ROW) {
                    min += Math.min(x, y);
                    max += Math.max(x, y);
                }
            }
        }
        if (n < ROWS * COLS / 2) {
            return false;
        }
        out[0] = Math.sqrt(s / n);
        out[1] = max == 0 ? 0 : 1 - min / max;
        return true;
    }

    /** Root-mean-square difference per cell seen in both (0 = same layout, 1 = opposite). */
    static double distance(float[] a, float[] b) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || b[i] < 0) {
                continue;
            }
            double d = a[i] - b[i];
            s += d * d;
            n++;
        }
        return n == 0 ? 0 : Math.sqrt(s / n);
    }
}
