package org.aniprep.extract;

import org.aniprep.image.RgbImage;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** Conversions between OpenCV Mats and aniprep's images. */
public final class Mats {
    private Mats() {
    }

    /** A BGR (CV_8UC3) Mat as an RGB image (copied). */
    public static RgbImage toRgb(Mat bgr) {
        if (bgr.type() != opencv_core.CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR Mat");
        }
        int w = bgr.cols();
        int h = bgr.rows();
        byte[] row = new byte[w * 3];
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            bgr.ptr(y).get(row);
            int o = y * w * 3;
            for (int i = 0; i < row.length; i += 3) {
                rgb[o + i] = row[i + 2];
                rgb[o + i + 1] = row[i + 1];
                rgb[o + i + 2] = row[i];
            }
        }
        return new RgbImage(w, h, rgb);
    }
}
