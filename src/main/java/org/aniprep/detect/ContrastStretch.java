package org.aniprep.detect;

import org.aniprep.image.RgbImage;

/**
 * A linear stretch of a low-contrast frame (a fade, a night grade, a washed-out high key) before a
 * face detector sees it: each channel's {@link #CLIP} and {@code 1 − CLIP} quantiles are mapped to 0
 * and 255. A frame whose luma already spans {@code minRange} levels between those quantiles is
 * returned as it is, so ordinary frames cost one histogram (every 4th pixel) and nothing else.
 * Stretching each channel on its own also takes out a colour cast (night blue, sunset orange), which
 * FaceBoxes, trained on ordinary anime colours, otherwise scores low (docs/detect.md).
 */
final class ContrastStretch {
    /** Share of the pixels clipped at either end: specks of pure black or white do not hold the range open. */
    static final double CLIP = 0.005;
    private static final int STEP = 4;

    private ContrastStretch() {
    }

    /** The luma range between the quantiles, 0–255 (Rec. 601 weights, as the cascade's grey frame). */
    static int range(RgbImage image) {
        int[] hist = new int[256];
        byte[] px = image.rgb();
        int n = 0;
        for (int i = 0; i < px.length; i += 3 * STEP) {
            int y = (299 * (px[i] & 0xff) + 587 * (px[i + 1] & 0xff) + 114 * (px[i + 2] & 0xff) + 500) / 1000;
            hist[y]++;
            n++;
        }
        return quantile(hist, n, 1 - CLIP) - quantile(hist, n, CLIP);
    }

    /** The frame stretched when its luma range is under {@code minRange} (0: never), else the frame itself. */
    static RgbImage apply(RgbImage image, int minRange) {
        if (minRange <= 0 || range(image) >= minRange) {
            return image;
        }
        byte[] px = image.rgb();
        int[][] hist = new int[3][256];
        int n = 0;
        for (int i = 0; i < px.length; i += 3 * STEP) {
            for (int c = 0; c < 3; c++) {
                hist[c][px[i + c] & 0xff]++;
            }
            n++;
        }
        byte[][] lut = new byte[3][256];
        for (int c = 0; c < 3; c++) {
            int lo = quantile(hist[c], n, CLIP);
            int hi = quantile(hist[c], n, 1 - CLIP);
            double gain = hi > lo ? 255.0 / (hi - lo) : 1;
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (byte) Math.max(0, Math.min(255, (int) Math.round((v - lo) * gain)));
            }
        }
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i += 3) {
            out[i] = lut[0][px[i] & 0xff];
            out[i + 1] = lut[1][px[i + 1] & 0xff];
            out[i + 2] = lut[2][px[i + 2] & 0xff];
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    /** The lowest level whose cumulative count reaches {@code q} of {@code n}. */
    private static int quantile(int[] hist, int n, double q) {
        long need = Math.max(1, (long) Math.ceil(q * n));
        long sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += hist[v];
            if (sum >= need) {
                return v;
            }
        }
        return 255;
    }
}
