package org.aniprep.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.util.Locale;

/**
 * OpenCV area-averaged downscaling (INTER_AREA: every source pixel counts, so line art does not
 * alias) and encoding to WebP, JPEG, PNG or BMP/TIFF, for training copies and report thumbnails.
 */
public final class OpenCvImages {
    private OpenCvImages() {
    }

    /** An 8-bit BGR Mat of the image (the caller closes it). */
    public static Mat toBgr(RgbImage img) {
        Mat m = new Mat(img.height(), img.width(), opencv_core.CV_8UC3);
        byte[] px = img.rgb();
        byte[] bgr = new byte[px.length];
        for (int i = 0; i < px.length; i += 3) {
            bgr[i] = px[i + 2];
            bgr[i + 1] = px[i + 1];
            bgr[i + 2] = px[i];
        }
        m.data().put(bgr);
        return m;
    }

    /** {@code bgr} scaled to w×h with INTER_AREA (a new Mat; the caller closes it). */
    public static Mat resizeArea(Mat bgr, int w, int h) {
        Mat out = new Mat();
        opencv_imgproc.resize(bgr, out, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
        return out;
    }

    /** Encodes as {@code ext} ({@code webp}, {@code jpg}, {@code png}, ...); {@code quality} 1-100 for WebP/JPEG. */
    public static byte[] encode(Mat bgr, String ext, int quality) throws IOException {
        String e = ext.toLowerCase(Locale.ROOT);
        int[] params = switch (e) {
            case "webp" -> new int[]{opencv_imgcodecs.IMWRITE_WEBP_QUALITY, quality};
            case "jpg", "jpeg" -> new int[]{opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality};
            case "png" -> new int[]{opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 6};
            default -> new int[0];
        };
        try (BytePointer buf = new BytePointer(); IntPointer p = new IntPointer(params)) {
            if (!opencv_imgcodecs.imencode("." + e, bgr, buf, p)) {
                throw new IOException("cannot be encoded as " + e);
            }
            byte[] bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
            return bytes;
        }
    }
}
