package org.aniprep.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference scripts' face summary of a frame: facepos strings and the face height ratio bucket.
 * Arithmetic is in doubles exactly as the Python ({@code int(y0 / h * 100)}), so values agree to
 * the digit, including the truncation of e.g. 0.29 × 100 = 28.999… to 28.
 */
public final class FaceSummary {
    public static final int BUCKET = 25;

    private FaceSummary() {
    }

    /** {@code "fvp T B fhp L R"} for one face. */
    public static String facepos(Detection face, int width, int height) {
        return "fvp " + pct(face.y0(), height) + " " + pct(face.y1(), height)
                + " fhp " + pct(face.x0(), width) + " " + pct(face.x1(), width);
    }

    public static List<String> facepos(List<Detection> faces, int width, int height) {
        List<String> out = new ArrayList<>(faces.size());
        for (Detection f : faces) {
            out.add(facepos(f, width, height));
        }
        return out;
    }

    /** The tallest face's height over the image height; 0 without faces. */
    public static double heightRatio(List<Detection> faces, int height) {
        double max = 0;
        for (Detection f : faces) {
            max = Math.max(max, f.height() / (double) height);
        }
        return max;
    }

    /** {@code "0-25"}, {@code "25-50"}, {@code "50-75"} or {@code "75-100"}. */
    public static String bucket(double ratio) {
        int r = Math.min((int) (ratio * 100), 99);
        int lower = r / BUCKET * BUCKET;
        return lower + "-" + (lower + BUCKET);
    }

    private static int pct(int v, int size) {
        return (int) (v / (double) size * 100);
    }
}
