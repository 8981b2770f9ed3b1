package org.aniprep.dedup;

import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.DedupInfo.Quality;

/**
 * Measures {@link Quality} in one pass over the luma (Pillow's {@code convert("L")}), read on every
 * {@code step}-th row and column ({@code step} = width ÷ 960, so 1 up to 720p and 2 at 1080p): the
 * measures only compare frames of one group, which share a size.
 */
public final class FrameQuality {
    /** The top and bottom bands, as a share of the height: where burned-in subtitles sit. */
    static final double BAND = 0.2;

    private FrameQuality() {
    }

    public static Quality of(RgbImage img) {
        int step = Math.max(1, img.width() / 960);
        int w = img.width() / step;
        int h = img.height() / step;
        if (w < 3 || h < 3) {
            return new Quality(0, 0, 0, 0, 0);
        }
        int[] luma = new int[w * h];
        byte[] px = img.rgb();
        long sum = 0;
        long sumSq = 0;
        for (int y = 0; y < h; y++) {
            int row = y * step * img.width();
            for (int x = 0; x < w; x++) {
                int p = (row + x * step) * 3;
                int l = GreyPlane.luma(px[p] & 0xff, px[p + 1] & 0xff, px[p + 2] & 0xff);
                luma[y * w + x] = l;
                sum += l;
                sumSq += (long) l * l;
            }
        }
        double n = (double) w * h;
        double mean = sum / n;
        double contrast = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        int top = (int) Math.round(h * BAND);
        int bottom = h - top;
        return new Quality(round(mean), round(contrast), laplacianVariance(luma, w, 1, top),
                laplacianVariance(luma, w, top, bottom), laplacianVariance(luma, w, bottom, h - 1));
    }

    /** Variance of the 4-neighbour Laplacian over rows {@code [from, to)} (interior columns). */
    private static double laplacianVariance(int[] luma, int w, int from, int to) {
        long sum = 0;
        long sumSq = 0;
        long n = 0;
        for (int y = Math.max(1, from); y < to; y++) {
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                long lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4L * luma[i];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / (double) n;
        return round(sumSq / (double) n - mean * mean);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
