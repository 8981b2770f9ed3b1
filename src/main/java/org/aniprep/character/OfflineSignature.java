package org.aniprep.character;

import org.aniprep.image.RgbImage;

/**
 * The offline character signature: what anime designs use to tell characters apart, read from the
 * face box and the hair around it, as one vector whose Euclidean distance is the signature distance.
 * <ul>
 *   <li>hair colour: the dominant OKLab colour above the face box and in the fringe;</li>
 *   <li>eye colour: the dominant colour in the eye band that is neither skin, white nor line art;</li>
 *   <li>skin colour: the dominant colour of the lower face;</li>
 *   <li>hairstyle: where hair-coloured cells lie on a coarse grid of the head region (length,
 *       fringe, side locks), folded left onto right so a mirrored shot matches.</li>
 * </ul>
 * Lightness is weighted less than hue/chroma, since scene lighting moves it most. docs/classify.md
 * has the weights, the threshold and the measurements behind them.
 */
public final class OfflineSignature {
    public static final String ID = "offline-v4";
    /** Same character ⇔ distance ≤ this (tuned on varied scenes, see docs/classify.md). */
    public static final double THRESHOLD = 0.14;

    static final double LIGHTNESS_WEIGHT = 0.5;
    /** Eyes: hue and chroma tell iris colours apart; lightness mostly says whether the eyes are open (a smile shuts them). */
    static final double EYE_LIGHTNESS_WEIGHT = 0.2;
    static final double HAIR_WEIGHT = 1.0;
    static final double EYE_WEIGHT = 1.0;
    static final double SKIN_WEIGHT = 0.25;
    static final double SHAPE_WEIGHT = 0.05;
    static final int GRID_COLS = 6;
    static final int GRID_ROWS = 8;
    static final int FOLDED = GRID_COLS / 2 * GRID_ROWS;
    /** The colour part (hair L a b, eyes L a b, skin L a b, the folded hair grid): its Euclidean distance is the difference. */
    public static final int COLOUR_DIMS = 9 + FOLDED;
    /** Colour part, then {@link ShapeCheck}'s shape block. */
    public static final int DIMS = COLOUR_DIMS + ShapeCheck.DIMS;
    static final double HAIR_LIKE = 0.09;
    static final double SKIN_L = 0.93;

    /** A signature and the colours it was made of (for readable cluster names). */
    public record Signature(float[] vector, ColourMode hair, ColourMode eyes, ColourMode skin) {
    }

    private OfflineSignature() {
    }

    public static Signature of(RgbImage image, FaceBox face) {
        HeadGrid g = HeadGrid.sample(image, face);
        int n = HeadGrid.N;
        int[] hair = new int[n * n];
        int[] skin = new int[n * n];
        int[] eyeBand = new int[n * n];
        int nh = 0;
        int ns = 0;
        int ne = 0;
        for (int v = 0; v < n; v++) {
            double fy = HeadGrid.fy(v);
            for (int u = 0; u < n; u++) {
                int c = v * n + u;
                if (!g.valid[c]) {
                    continue;
                }
                double fx = HeadGrid.fx(u);
                boolean above = fy >= -0.45 && fy < 0 && fx >= 0.05 && fx <= 0.95;
                boolean fringe = fy >= 0 && fy < 0.2 && fx >= 0.15 && fx <= 0.85;
                if (above || fringe) {
                    hair[nh++] = c;
                }
                if (fy >= 0.62 && fy < 0.85 && fx >= 0.25 && fx <= 0.75) {
                    skin[ns++] = c;
                }
                if (fy >= 0.3 && fy < 0.65 && fx >= 0.1 && fx <= 0.9) {
                    eyeBand[ne++] = c;
                }
            }
        }
        ColourMode hairMode = ColourMode.of(g.lab, hair, nh);
        ColourMode skinMode = ColourMode.of(g.lab, skin, ns);
        int[] eyes = new int[ne];
        int k = 0;
        for (int i = 0; i < ne; i++) {
            int at = eyeBand[i] * 3;
            float l = g.lab[at];
            if (l > 0.15 && l < 0.75 && !skinMode.near(g.lab, at, 0.1) && !hairMode.near(g.lab, at, 0.06)) {
                eyes[k++] = eyeBand[i];
            }
        }
        ColourMode eyeMode = ColourMode.of(g.lab, eyes, k);
        float[] vec = new float[DIMS];
        double gain = lightingGain(skinMode);
        put(vec, 0, hairMode, HAIR_WEIGHT, LIGHTNESS_WEIGHT, gain);
        put(vec, 3, eyeMode, EYE_WEIGHT, EYE_LIGHTNESS_WEIGHT, gain);
        put(vec, 6, skinMode, SKIN_WEIGHT, LIGHTNESS_WEIGHT, gain);
        hairGrid(g, hairMode, vec, 9);
        ShapeCheck.put(image, face, hairMode, vec, COLOUR_DIMS);
        return new Signature(vec, hairMode, eyeMode, skinMode);
    }

    /**
     * Scene lighting moves every lightness alike; anime skin is drawn near {@link #SKIN_L}, so when
     * the skin was seen clearly its lightness undoes the scene's (within limits: a tanned character
     * stays a little darker).
     */
    static double lightingGain(ColourMode skin) {
        if (skin.share() < 0.3 || skin.chroma() > 0.12) {
            return 1;
        }
        return Math.max(0.9, Math.min(1.4, SKIN_L / skin.l()));
    }

    private static void put(float[] vec, int at, ColourMode m, double weight, double lightness, double gain) {
        double s = Math.sqrt(weight);
        vec[at] = (float) (Math.min(1, m.l() * gain) * lightness * s);
        vec[at + 1] = (float) (m.a() * s);
        vec[at + 2] = (float) (m.b() * s);
    }

    /** Fraction of hair-coloured cells per grid block, left and right halves averaged (mirror-proof). */
    private static void hairGrid(HeadGrid g, ColourMode hair, float[] vec, int at) {
        int n = HeadGrid.N;
        double[] hits = new double[GRID_COLS * GRID_ROWS];
        double[] seen = new double[GRID_COLS * GRID_ROWS];
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                int c = v * n + u;
                if (!g.valid[c]) {
                    continue;
                }
                int block = (v * GRID_ROWS / n) * GRID_COLS + u * GRID_COLS / n;
                seen[block]++;
                if (hair.near(g.lab, c * 3, HAIR_LIKE)) {
                    hits[block]++;
                }
            }
        }
        double s = Math.sqrt(SHAPE_WEIGHT / FOLDED);
        int half = GRID_COLS / 2;
        for (int row = 0; row < GRID_ROWS; row++) {
            for (int col = 0; col < half; col++) {
                int left = row * GRID_COLS + col;
                int right = row * GRID_COLS + (GRID_COLS - 1 - col);
                double h = hits[left] + hits[right];
                double t = seen[left] + seen[right];
                vec[at + row * half + col] = (float) ((t == 0 ? 0.5 : h / t) * s);
            }
        }
    }

    /** Euclidean distance of the colour parts of two signature vectors (the shape block is {@link ShapeCheck}'s). */
    public static double distance(float[] a, float[] b) {
        double s = 0;
        int n = Math.min(COLOUR_DIMS, Math.min(a.length, b.length));
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
