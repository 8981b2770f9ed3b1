package org.aniprep.filter;

import org.aniprep.model.ModelSpec;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size2f;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_LIST;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.boxPoints;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * PaddleOCR's {@code DBPostProcess} (box type quad, fast score) on the detector's probability map:
 * binarise at {@code thresh}; for each connected region's contour (OpenCV {@code findContours}) take
 * its minimum-area rectangle, drop it when its short side is under {@code min_size} or the mean
 * probability inside it is under {@code box_thresh}; grow it ("unclip") by
 * {@code d = area × unclip_ratio / perimeter} on every side — for a rectangle this is exactly the
 * minimum-area box of PaddleOCR's polygon offset (pyclipper, round joins) — and scale it to the
 * frame. Boxes are returned axis-aligned (the bounds of the rotated rectangle), clipped to the frame.
 */
final class DbPostProcess {
    private final double thresh;
    private final double boxThresh;
    private final double unclipRatio;
    private final int maxCandidates;
    private final double minSize;

    DbPostProcess(ModelSpec spec) {
        this(spec.param(TextModels.THRESH, 0.3), spec.param(TextModels.BOX_THRESH, 0.6), spec.param(TextModels.UNCLIP_RATIO, 1.5),
                (int) spec.param(TextModels.MAX_CANDIDATES, 1000), spec.param(TextModels.MIN_SIZE, 3));
    }

    DbPostProcess(double thresh, double boxThresh, double unclipRatio, int maxCandidates, double minSize) {
        this.thresh = thresh;
        this.boxThresh = boxThresh;
        this.unclipRatio = unclipRatio;
        this.maxCandidates = maxCandidates;
        this.minSize = minSize;
    }

    /**
     * @param map  probabilities, {@code mapW × mapH}, row by row
     * @param srcW width of the frame the boxes are scaled to
     */
    List<TextBox> boxes(float[] map, int mapW, int mapH, int srcW, int srcH) {
        List<TextBox> out = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            Mat pred = new Mat(mapH, mapW, CV_32FC1);
            new FloatPointer(pred.data()).put(map);
            Mat binF = new Mat();
            threshold(pred, binF, thresh, 255, THRESH_BINARY);
            Mat bin = new Mat();
            binF.convertTo(bin, CV_8UC1);
            MatVector contours = new MatVector();
            findContours(bin, contours, new Mat(), RETR_LIST, CHAIN_APPROX_SIMPLE);
            long n = Math.min(contours.size(), maxCandidates);
            for (long i = 0; i < n; i++) {
                RotatedRect r = minAreaRect(contours.get(i));
                double w = r.size().width();
                double h = r.size().height();
                if (Math.min(w, h) < minSize) {
                    continue;
                }
                double score = score(pred, r);
                if (score < boxThresh) {
                    continue;
                }
                double d = w * h * unclipRatio / (2 * (w + h));
                double ew = w + 2 * d;
                double eh = h + 2 * d;
                if (Math.min(ew, eh) < minSize + 2) {
                    continue;
                }
                out.add(bounds(new RotatedRect(r.center(), new Size2f((float) ew, (float) eh), r.angle()),
                        (double) srcW / mapW, (double) srcH / mapH, srcW, srcH, score));
            }
        }
        return out;
    }

    /** PaddleOCR's {@code box_score_fast}: the mean probability inside the box polygon, over its bounding pixels. */
    private static double score(Mat pred, RotatedRect r) {
        float[] pts = corners(r);
        int w = pred.cols();
        int h = pred.rows();
        int xmin = clip((int) Math.floor(min(pts, 0)), w - 1);
        int xmax = clip((int) Math.ceil(max(pts, 0)), w - 1);
        int ymin = clip((int) Math.floor(min(pts, 1)), h - 1);
        int ymax = clip((int) Math.ceil(max(pts, 1)), h - 1);
        Mat mask = new Mat(ymax - ymin + 1, xmax - xmin + 1, CV_8UC1, Scalar.all(0));
        Mat poly = new Mat(4, 1, CV_32SC2);
        int[] ints = new int[8];
        for (int k = 0; k < 4; k++) {
            // numpy's astype(int32) truncates towards zero
            ints[2 * k] = (int) (pts[2 * k] - xmin);
            ints[2 * k + 1] = (int) (pts[2 * k + 1] - ymin);
        }
        new org.bytedeco.javacpp.IntPointer(poly.data()).put(ints);
        fillPoly(mask, new MatVector(poly), Scalar.all(1));
        Mat roi = new Mat(pred, new Rect(xmin, ymin, xmax - xmin + 1, ymax - ymin + 1));
        return mean(roi, mask).get(0);
    }

    private static TextBox bounds(RotatedRect r, double sx, double sy, int srcW, int srcH, double score) {
        float[] pts = corners(r);
        return new TextBox(clipD(Math.round(min(pts, 0) * sx), srcW), clipD(Math.round(min(pts, 1) * sy), srcH),
                clipD(Math.round(max(pts, 0) * sx), srcW), clipD(Math.round(max(pts, 1) * sy), srcH), score);
    }

    private static float[] corners(RotatedRect r) {
        Mat pts = new Mat();
        boxPoints(r, pts);
        float[] out = new float[8];
        new FloatPointer(pts.data()).get(out);
        return out;
    }

    private static double min(float[] pts, int axis) {
        double m = Double.MAX_VALUE;
        for (int k = axis; k < pts.length; k += 2) {
            m = Math.min(m, pts[k]);
        }
        return m;
    }

    private static double max(float[] pts, int axis) {
        double m = -Double.MAX_VALUE;
        for (int k = axis; k < pts.length; k += 2) {
            m = Math.max(m, pts[k]);
        }
        return m;
    }

    private static int clip(int v, int hi) {
        return Math.max(0, Math.min(hi, v));
    }

    private static double clipD(double v, int hi) {
        return Math.max(0, Math.min(hi, v));
    }

}
