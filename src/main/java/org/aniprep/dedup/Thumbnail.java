package org.aniprep.dedup;

import org.aniprep.image.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * A small luma picture of a frame (area-averaged to {@link #WIDTH} samples wide, the frame's aspect
 * kept) for measuring camera motion between frames: at this size compression noise averages out
 * and a phase correlation costs well under a millisecond. Each cell averages every
 * {@code step}-th pixel of its rows and columns (step 2 for 1080p: still 25 pixels a cell), which
 * makes it four times cheaper than reading every pixel.
 */
record Thumbnail(int width, int height, float[] luma) {
    static final int WIDTH = 192;

    static Thumbnail of(RgbImage img) {
        byte[] px = img.rgb();
        int stride = img.width() * 3;
        return of(img.width(), img.height(), y -> px, y -> y * stride, 0, 2);
    }

    /** The thumbnail of a BGR frame as decoded: the same as of its RGB copy, reading only the rows it samples. */
    static Thumbnail ofBgr(Mat bgr) {
        int stride = bgr.cols() * 3;
        byte[] row = new byte[stride];
        return of(bgr.cols(), bgr.rows(), y -> {
            bgr.ptr(y).get(row, 0, stride);
            return row;
        }, y -> 0, 2, 0);
    }

    /** {@code rows.apply(y)} holds row y from {@code offsets.applyAsInt(y)}; red and blue at those offsets in a pixel. */
    private static Thumbnail of(int sw, int sh, IntFunction<byte[]> rows, IntUnaryOperator offsets, int red, int blue) {
        int w = Math.min(WIDTH, sw);
        int h = Math.max(8, Math.min(sh, (int) Math.round((double) sh * w / sw)));
        int step = Math.max(1, sw / (w * 5));
        long[] sums = new long[w * h];
        int[] counts = new int[w * h];
        int[] column = new int[(sw + step - 1) / step];
        for (int k = 0; k < column.length; k++) {
            column[k] = (int) ((long) k * step * w / sw);
        }
        for (int y = 0; y < sh; y += step) {
            byte[] px = rows.apply(y);
            int base = offsets.applyAsInt(y);
            int row = (int) ((long) y * h / sh) * w;
            for (int x = 0, k = 0; x < sw; x += step, k++) {
                int i = base + x * 3;
                int cell = row + column[k];
                sums[cell] += GreyPlane.luma(px[i + red] & 0xff, px[i + 1] & 0xff, px[i + blue] & 0xff);
                counts[cell]++;
            }
        }
        float[] luma = new float[w * h];
        for (int k = 0; k < luma.length; k++) {
            luma[k] = counts[k] == 0 ? 0 : sums[k] / (float) counts[k];
        }
        return new Thumbnail(w, h, luma);
    }

    float at(int x, int y) {
        return luma[y * width + x];
    }
}
