package org.aniprep.dedup;

import org.aniprep.image.RgbImage;

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
        int sw = img.width();
        int sh = img.height();
        int w = Math.min(WIDTH, sw);
        int h = Math.max(8, Math.min(sh, (int) Math.round((double) sh * w / sw)));
        int step = Math.max(1, sw / (w * 5));
        long[] sums = new long[w * h];
        int[] counts = new int[w * h];
        byte[] px = img.rgb();
        int[] column = new int[(sw + step - 1) / step];
        for (int k = 0; k < column.length; k++) {
            column[k] = (int) ((long) k * step * w / sw);
        }
        for (int y = 0; y < sh; y += step) {
            int row = (int) ((long) y * h / sh) * w;
            for (int x = 0, k = 0; x < sw; x += step, k++) {
                int i = (y * sw + x) * 3;
                int cell = row + column[k];
                sums[cell] += GreyPlane.luma(px[i] & 0xff, px[i + 1] & 0xff, px[i + 2] & 0xff);
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
