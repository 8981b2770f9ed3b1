package org.aniprep.dedup;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2d;
import org.bytedeco.opencv.opencv_core.Size;

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

    /** The best of the tried zoom steps: the one leaving the smallest mean difference. */
    static CameraMove between(Thumbnail earlier, Thumbnail later) {
        if (earlier.width() != later.width() || earlier.height() != later.height()) {
            return NONE;
        }
        CameraMove best = NONE;
        try (Mat b = mat(later.luma(), later.width(), later.height());
             Mat window = new Mat()) {
            opencv_imgproc.createHanningWindow(window, new Size(later.width(), later.height()), opencv_core.CV_32F);
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
        for (int y = 0; y < h; y++) {
            double ey = (y - cy - dy) / s + cy;
            int iy = (int) Math.round(ey);
            if (iy < 0 || iy >= h) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                double ex = (x - cx - dx) / s + cx;
                int ix = (int) Math.round(ex);
                if (ix < 0 || ix >= w) {
                    continue;
                }
                inside++;
                float d = Math.abs(later.at(x, y) - earlier.at(ix, iy));
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
        for (int y = 0; y < h; y++) {
            int iy = clamp((int) Math.round((y - cy) / s + cy), h);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = t.at(clamp((int) Math.round((x - cx) / s + cx), w), iy);
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
