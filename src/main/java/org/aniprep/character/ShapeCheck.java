package org.aniprep.character;

import org.aniprep.image.RgbImage;

/**
 * The offline embedder's second test before a face takes a reference's name (issue 19): its colours
 * ({@link OfflineSignature}) say "same palette", the drawing must say "same design" too. Five shape
 * descriptors of the face against the reference, combined by a logistic score (docs/classify.md
 * "Look-alikes without a reference"):
 * <ul>
 *   <li>HOG of the head region (the face box widened ½ its width each side, 0.6 of its height above, 0.3
 *       below): fringe, eyes, face outline;</li>
 *   <li>HOG of a wider region (1 width each side, 0.7 above, 1.2 below): hair length, tails, side locks;</li>
 *   <li>{@link Silhouette}: where the hair colour lies around the face, over the whole region and, as a
 *       Jaccard distance, from the cheeks down (hair length and side locks; {@link Silhouette.Match});</li>
 *   <li>{@link Ornament}: the hues worn in the hair above the eyes (bands, clips, ribbons);</li>
 *   <li>{@link HairOutline}: the notches in the sides of the hair above the eyes (a spiky cut's).</li>
 * </ul>
 * The score's weights were fitted (logistic regression; the test tool {@code ShapeFitReport} refits them)
 * on the tuning seeds only: the look-alike sets of seeds 1 and 2 and the accuracy set of seed 11, on
 * faces within the naming radius of a reference, "same character" against "a look-alike of another";
 * {@link #CUT} is the score below which a face is left uncertain. Each measure alone was weaker
 * (docs/classify.md). It applies to every face with a shape block, however close its colours.
 */
final class ShapeCheck {
    static final double HEAD_SIDE = 0.5;
    static final double HEAD_ABOVE = 0.6;
    static final double HEAD_BELOW = 0.3;
    static final double WIDE_SIDE = 1.0;
    static final double WIDE_ABOVE = 0.7;
    static final double WIDE_BELOW = 1.2;
    static final int DIMS = 2 * Hog.DIMS + Silhouette.dims() + Ornament.BINS + HairOutline.DIMS;
    /**
     * Logistic score = B + W_HEAD·head HOG distance + W_WIDE·wide HOG distance + W_SILHOUETTE·silhouette
     * distance + W_LOWER·the silhouettes' Jaccard distance below the cheeks ({@link Silhouette.Match}) +
     * W_ORNAMENT·the ornaments' hue distance ({@link Ornament#distance}) + W_OUTLINE·the difference of the
     * hair outlines' notches ({@link HairOutline#distance}).
     */
    static final double B = 21.03;
    static final double W_HEAD = -25.25;
    static final double W_WIDE = -12.02;
    static final double W_SILHOUETTE = -10.62;
    static final double W_LOWER = -8.97;
    static final double W_ORNAMENT = -63.46;
    static final double W_OUTLINE = -71.16;
    /** Below this score the shapes disagree (log-odds −1: tuned so the accuracy set keeps ≥ 0.91, tuning seeds only). */
    static final double CUT = -1.0;

    private ShapeCheck() {
    }

    /** Writes the shape descriptors of {@code face} into {@code vec} from {@code at}. */
    static void put(RgbImage img, FaceBox face, ColourMode hair, float[] vec, int at) {
        System.arraycopy(Hog.of(img, face, HEAD_SIDE, HEAD_ABOVE, HEAD_BELOW), 0, vec, at, Hog.DIMS);
        System.arraycopy(Hog.of(img, face, WIDE_SIDE, WIDE_ABOVE, WIDE_BELOW), 0, vec, at + Hog.DIMS, Hog.DIMS);
        float[] s = Silhouette.of(img, face, hair);
        System.arraycopy(s, 0, vec, at + 2 * Hog.DIMS, s.length);
        float[] o = Ornament.of(img, face, hair);
        System.arraycopy(o, 0, vec, at + 2 * Hog.DIMS + s.length, o.length);
        float[] l = HairOutline.of(img, face, hair);
        System.arraycopy(l, 0, vec, at + 2 * Hog.DIMS + s.length + o.length, l.length);
    }

    /** The logistic score of {@code face} against {@code ref}, both holding the shape block at {@code at}. */
    static double score(float[] face, float[] ref, int at) {
        return measures(face, ref, at).score();
    }

    /** The six shape distances of {@code face} from {@code ref}, as the score weighs them (the silhouette's RMS capped at 1). */
    record Measures(double head, double wide, double silhouette, double lower, double ornament, double outline) {
        double score() {
            return B + W_HEAD * head + W_WIDE * wide + W_SILHOUETTE * silhouette + W_LOWER * lower + W_ORNAMENT * ornament
                    + W_OUTLINE * outline;
        }
    }

    static Measures measures(float[] face, float[] ref, int at) {
        double head = Hog.distance(ref, at, face, at);
        double wide = Hog.distance(ref, at + Hog.DIMS, face, at + Hog.DIMS);
        int s = at + 2 * Hog.DIMS;
        Silhouette.Match sil = Silhouette.match(ref, s, face, s);
        int o = s + Silhouette.dims();
        int l = o + Ornament.BINS;
        return new Measures(head, wide, Math.min(1, sil.rms()), sil.lower(), Ornament.distance(ref, o, face, o),
                HairOutline.distance(ref, l, face, l));
    }

    /** Whether {@code vec} carries a shape block at {@code at} (a real HOG is of unit length; a missing one is all zeros). */
    static boolean present(float[] vec, int at) {
        if (vec.length < at + DIMS) {
            return false;
        }
        double s = 0;
        for (int i = at; i < at + Hog.DIMS; i++) {
            s += vec[i] * vec[i];
        }
        return s > 0.5;
    }

    /** Whether the shapes allow {@code face} to be {@code ref}'s character. */
    static boolean plausible(float[] face, float[] ref, int at) {
        return score(face, ref, at) >= CUT;
    }
}
