package org.aniprep.character;

import org.aniprep.image.RgbImage;

/**
 * Colours worn in the hair (bands, clips, ribbons, bows): points above the eyes that are saturated, of
 * another hue than the hair, and lie between hair points in their row or column. Kept as a histogram of
 * their hue, each bin the share of the region's points; two designs of one palette often differ only
 * there and in the hairstyle (issue 19). One of {@link ShapeCheck}'s measures.
 */
final class Ornament {
    static final int BINS = 6;
    static final double SIDE = 0.5;
    static final double ABOVE = 0.9;
    /** The region ends this far below the face box's top: above the eyes. */
    static final double BELOW_TOP = 0.1;
    static final int NX = 48;
    static final int NY = 26;
    static final double MIN_CHROMA = 0.08;
    /** Hair whose chroma is below this has no hue of its own: every saturated point is foreign to it. */
    static final double HUED_HAIR = 0.05;
    static final double HUE_APART = Math.toRadians(35);

    private Ornament() {
    }

    static float[] of(RgbImage img, FaceBox f, ColourMode hair) {
        double w = f.width();
        double h = f.height();
        float[] lab = new float[NX * NY * 3];
        boolean[] valid = new boolean[NX * NY];
        HeadGrid.sampleInto(img, f.x0() - SIDE * w, f.y0() - ABOVE * h, f.x1() + SIDE * w, f.y0() + BELOW_TOP * h, NX, NY, lab, valid);
        boolean[] isHair = hair.nearMask(lab, valid, Silhouette.HAIR_RADIUS);
        double[] hist = new double[BINS];
        int seen = 0;
        for (int v = 0; v < NY; v++) {
            for (int u = 0; u < NX; u++) {
                int c = v * NX + u;
                if (!valid[c]) {
                    continue;
                }
                seen++;
                if (foreign(lab, c * 3, hair) && enclosed(isHair, u, v)) {
                    double hue = Math.atan2(lab[c * 3 + 2], lab[c * 3 + 1]);
                    int bin = (int) Math.floor((hue + Math.PI) / (2 * Math.PI) * BINS);
                    hist[Math.min(BINS - 1, Math.max(0, bin))]++;
                }
            }
        }
        float[] out = new float[BINS];
        for (int k = 0; k < BINS && seen > 0; k++) {
            out[k] = (float) (hist[k] / seen);
        }
        return out;
    }

    private static boolean foreign(float[] lab, int i, ColourMode hair) {
        double a = lab[i + 1];
        double b = lab[i + 2];
        if (Math.hypot(a, b) < MIN_CHROMA || hair.near(lab, i, 2 * Silhouette.HAIR_RADIUS)) {
            return false;
        }
        if (hair.share() <= 0 || hair.chroma() < HUED_HAIR) {
            return true;
        }
        double d = Math.abs(Math.atan2(b, a) - Math.atan2(hair.b(), hair.a()));
        return Math.min(d, 2 * Math.PI - d) > HUE_APART;
    }

    private static boolean enclosed(boolean[] isHair, int u, int v) {
        return (any(isHair, v * NX, v * NX + u, 1) && any(isHair, v * NX + u + 1, (v + 1) * NX, 1))
                || (any(isHair, u, v * NX + u, NX) && any(isHair, (v + 1) * NX + u, NX * NY, NX));
    }

    private static boolean any(boolean[] mask, int from, int to, int step) {
        for (int i = from; i < to; i += step) {
            if (mask[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The hue histograms' L1 distance after spreading each bin a quarter to its neighbours (hues near a
     * bin's edge, lighting); mirroring does not matter, as the histogram has no place.
     */
    static double distance(float[] a, int atA, float[] b, int atB) {
        double s = 0;
        for (int k = 0; k < BINS; k++) {
            s += Math.abs(spread(a, atA, k) - spread(b, atB, k));
        }
        return s;
    }

    private static double spread(float[] x, int at, int k) {
        return 0.5 * x[at + k] + 0.25 * x[at + (k + 1) % BINS] + 0.25 * x[at + (k + BINS - 1) % BINS];
    }
}
