package org.aniprep.dedup;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2d;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the camera moved from one thumbnail to the next: {@code later(p) ≈ earlier((p - shift) / scale)}
 * in thumbnail pixels about the centre, i.e. a point of the earlier picture at {@code p} is seen at
 * {@code scale·p + shift}. The shift is OpenCV's phase correlation (Hann window, sub-pixel), tried
 * at a few zoom steps; {@code disagree} is the share of overlapping samples that still differ by
 * more than {@link #DIFFERENT} grey levels once aligned (a rigid move of the whole picture leaves
 * almost none; a cut to another shot, most), {@code meanDiff} their mean difference (which picks
 * the zoom step).
 */
record CameraMove(double scale, double dx, double dy, double disagree, double overlap, double meanDiff) {
    /** Grey levels (of 255) two aligned samples may differ by and still show the same thing (thumbnail noise is ~1). */
    static final int DIFFERENT = 20;
    /** Zoom steps tried between consecutive frames: a slow zoom changes scale by well under 3 % a frame. */
    private static final double[] SCALES = {1.0, 0.995, 1.005, 0.99, 1.01, 0.98, 1.02, 0.97, 1.03};

    static final CameraMove NONE = new CameraMove(1, 0, 0, 1, 0, 255);
    /** Hann windows by thumbnail size (width << 32 | height): made once, only read by phaseCorrelate. */
    private static final Map<Long, Mat> WINDOWS = new ConcurrentHashMap<>();

    /** The best of the tried zoom steps: the one leaving the smallest mean difference. */
    static CameraMove between(Thumbnail earlier, Thumbnail later) {
        if (earlier.width() != later.width() || earlier.height() != later.height()) {
            return NONE;
        }
        CameraMove best = NONE;
        Mat window = WINDOWS.computeIfAbsent(((long) later.width() << 32) | later.height(), k -> {
            Mat m = new Mat();
            opencv_imgproc.createHanningWindow(m, new Size(later.width(), later.height()), opencv_core.CV_32F);
            return m;
        });
        try (Mat b = mat(later.luma(), later.width(), later.height())) {
            for (double s : SCALES) {
                float[] scaled = s == 1.0 ? earlier.luma() : zoom(earlier, s);
                try (Mat a = mat(scaled, earlier.width(), earlier.height()); DoublePointer response = new DoublePointer(1)) {
                    Point2d shift = opencv_imgproc.phaseCorrelate(a, b, window, response);
                    CameraMove m = measure(earlier, later, s, shift.x(), shift.y());
                    shift.close();
                    if (m.meanDiff < best.meanDiff) {
                        best = m;
                    }
                }
            }
        }
        return best;
    }

    /** Whether the move is a move at all: at least a quarter sample of shift or a zoom step. */
    boolean moves() {
        return Math.abs(dx) >= 0.25 || Math.abs(dy) >= 0.25 || Math.abs(scale - 1) >= 0.004;
    }

    /** Aligns {@code earlier} onto {@code later} with the given zoom and shift and counts the samples that differ. */
    static CameraMove measure(Thumbnail earlier, Thumbnail later, double s, double dx, double dy) {
        int w = later.width();
        int h = later.height();
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        int inside = 0;
        int differ = 0;
        double sum = 0;
        // the source column of x does not depend on the row: computed once (same arithmetic)
        int[] column = new int[w];
        for (int x = 0; x < w; x++) {
            column[x] = (int) Math.round((x - cx - dx) / s + cx);
        }
        float[] a = earlier.luma();
        float[] b = later.luma();
        int aw = earlier.width();
        for (int y = 0; y < h; y++) {
            double ey = (y - cy - dy) / s + cy;
            int iy = (int) Math.round(ey);
            if (iy < 0 || iy >= h) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int ix = column[x];
                if (ix < 0 || ix >= w) {
                    continue;
                }
                inside++;
                float d = Math.abs(b[y * w + x] - a[iy * aw + ix]);
                sum += d;
                if (d > DIFFERENT) {
                    differ++;
                }
            }
        }
        double overlap = inside / (double) (w * h);
        return inside == 0 ? NONE : new CameraMove(s, dx, dy, differ / (double) inside, overlap, sum / inside);
    }

    /** The picture zoomed by {@code s} about its centre (nearest sample; edges repeated). */
    private static float[] zoom(Thumbnail t, double s) {
        int w = t.width();
        int h = t.height();
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        float[] out = new float[w * h];
        int[] column = new int[w];
        for (int x = 0; x < w; x++) {
            column[x] = clamp((int) Math.round((x - cx) / s + cx), w);
        }
        float[] in = t.luma();
        for (int y = 0; y < h; y++) {
            int row = clamp((int) Math.round((y - cy) / s + cy), h) * w;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = in[row + column[x]];
            }
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : Math.min(v, n - 1);
    }

    private static Mat mat(float[] data, int w, int h) {
        Mat m = new Mat(h, w, opencv_core.CV_32F);
        java.nio.FloatBuffer buffer = m.createBuffer();
        buffer.put(data);
        return m;
    }
}
