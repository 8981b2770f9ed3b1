package org.aniprep.filter;

import org.aniprep.image.LumaPlane;
import org.aniprep.image.RgbImage;
import org.aniprep.image.Sharpness;

import java.util.Optional;

/**
 * The checks that need one frame only, usable by any stage (extract's gate, dedup's choice of the
 * kept frame): {@link #measure} an image once, then ask whether it is black, white or near-uniform,
 * or how alike two frames are and whether one is a faded copy of the other.
 */
public final class FrameChecks {
    static final int THUMB_W = 32;
    static final int THUMB_H = 18;
    static final int FLAT_HALF_WIDTH = 10;

    /**
     * @param flat      a frame whose {@link FrameScores#flat} reaches this is near-uniform
     * @param blackMax  a near-uniform frame whose level is at most this is black
     * @param whiteMin  a near-uniform frame whose level is at least this is white
     */
    public record Settings(double flat, int blackMax, int whiteMin) {
        public static final Settings DEFAULT = new Settings(0.98, 40, 215);
    }

    private final Settings settings;

    public FrameChecks(Settings settings) {
        this.settings = settings;
    }

    public static FrameChecks defaults() {
        return new FrameChecks(Settings.DEFAULT);
    }

    /** Measures a frame (sharpness included). */
    public static FrameScores measure(RgbImage img) {
        LumaPlane plane = LumaPlane.of(img);
        return measure(plane, Sharpness.varianceOfLaplacian(plane));
    }

    /** Measures a frame whose sharpness is already known (e.g. from its dedup section). */
    public static FrameScores measure(RgbImage img, double sharpness) {
        return measure(LumaPlane.of(img), sharpness);
    }

    static FrameScores measure(LumaPlane plane, double sharpness) {
        int[] luma = plane.luma();
        long[] hist = new long[256];
        long sum = 0;
        long sumSq = 0;
        for (int v : luma) {
            hist[v]++;
            sum += v;
            sumSq += (long) v * v;
        }
        double n = luma.length;
        double mean = sum / n;
        double contrast = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        long window = 0;
        for (int v = 0; v <= Math.min(255, 2 * FLAT_HALF_WIDTH); v++) {
            window += hist[v];
        }
        long best = window;
        int level = FLAT_HALF_WIDTH;
        for (int c = FLAT_HALF_WIDTH + 1; c + FLAT_HALF_WIDTH <= 255; c++) {
            window += hist[c + FLAT_HALF_WIDTH] - hist[c - FLAT_HALF_WIDTH - 1];
            if (window > best) {
                best = window;
                level = c;
            }
        }
        return new FrameScores(mean, contrast, best / n, level, sharpness, shrink(plane, THUMB_W, THUMB_H));
    }

    /** BLACK, WHITE or UNIFORM when the frame is (nearly) one flat colour. */
    public Optional<Reason> uniformity(FrameScores s) {
        if (s.flat() < settings.flat()) {
            return Optional.empty();
        }
        if (s.level() <= settings.blackMax()) {
            return Optional.of(Reason.BLACK);
        }
        return Optional.of(s.level() >= settings.whiteMin() ? Reason.WHITE : Reason.UNIFORM);
    }

    /**
     * Pearson correlation of the two frames' luma thumbnails: near 1 for the same picture, also when
     * one is a darker, brighter or lower-contrast copy of the other (a fade); low across a cut. 0 when
     * either is flat.
     */
    public static double correlation(FrameScores a, FrameScores b) {
        float[] x = a.thumb();
        float[] y = b.thumb();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx < 1e-6 || syy < 1e-6 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * How far {@code frame} is faded compared with {@code reference}, a frame of the same shot:
     * 1 − contrast ratio (0 = as contrasty as the reference, 1 = flat), or 0 when the frame is not
     * less contrasty.
     */
    public static double fadeDepth(FrameScores frame, FrameScores reference) {
        if (reference.contrast() <= 0) {
            return 0;
        }
        return Math.max(0, 1 - frame.contrast() / reference.contrast());
    }

    private static float[] shrink(LumaPlane plane, int w, int h) {
        int sw = plane.width();
        int sh = plane.height();
        long[] sums = new long[w * h];
        int[] counts = new int[w * h];
        int[] luma = plane.luma();
        int[] col = new int[sw];
        for (int x = 0; x < sw; x++) {
            col[x] = (int) ((long) x * w / sw);
        }
        for (int y = 0; y < sh; y++) {
            int rowBase = (int) ((long) y * h / sh) * w;
            int i = y * sw;
            for (int x = 0; x < sw; x++) {
                sums[rowBase + col[x]] += luma[i + x];
                counts[rowBase + col[x]]++;
            }
        }
        float[] out = new float[w * h];
        for (int k = 0; k < out.length; k++) {
            out[k] = counts[k] == 0 ? 0 : (float) sums[k] / counts[k];
        }
        return out;
    }
}
