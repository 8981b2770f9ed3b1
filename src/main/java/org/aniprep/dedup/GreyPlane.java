package org.aniprep.dedup;

import org.aniprep.image.LumaPlane;
import org.aniprep.image.RgbImage;

/** Small float planes made from an image: luma or chroma, shrunk by area averaging. */
final class GreyPlane {
    enum Channel { LUMA, CB, CR }

    private GreyPlane() {
    }

    /** Pillow's {@code convert("L")}: ITU-R 601 luma with its fixed-point rounding. */
    static int luma(int r, int g, int b) {
        return LumaPlane.luma(r, g, b);
    }

    /**
     * The channel shrunk to {@code w × h}: each target pixel is the mean of the source pixels of its
     * cell. Area averaging is what keeps the hash stable under re-encoding noise and sub-cell shifts.
     */
    static float[] shrink(RgbImage img, Channel channel, int w, int h) {
        return shrink(img, new Channel[]{channel}, w, h)[0];
    }

    /** Several channels shrunk in one pass over the pixels (integer sums: exact and fast). */
    static float[][] shrink(RgbImage img, Channel[] channels, int w, int h) {
        int sw = img.width();
        int sh = img.height();
        int[] colCell = cells(sw, w);
        int[] rowCell = cells(sh, h);
        int nc = channels.length;
        long[] sums = new long[w * h * nc];
        int[] counts = new int[w * h];
        byte[] px = img.rgb();
        for (int y = 0; y < sh; y++) {
            int rowBase = rowCell[y] * w;
            int i = y * sw * 3;
            for (int x = 0; x < sw; x++, i += 3) {
                int r = px[i] & 0xff;
                int g = px[i + 1] & 0xff;
                int b = px[i + 2] & 0xff;
                int cell = rowBase + colCell[x];
                int base = cell * nc;
                for (int c = 0; c < nc; c++) {
                    sums[base + c] += scaled(channels[c], r, g, b);
                }
                counts[cell]++;
            }
        }
        float[][] out = new float[nc][w * h];
        for (int c = 0; c < nc; c++) {
            double scale = channels[c] == Channel.LUMA ? 1 : 65536;
            for (int k = 0; k < w * h; k++) {
                out[c][k] = counts[k] == 0 ? 0f : (float) (sums[k * nc + c] / (counts[k] * scale));
            }
            fillEmpty(out[c], counts, w, h);
        }
        return out;
    }

    /** Luma, Cb and Cr shrunk in one pass: the same sums as {@link #shrink(RgbImage, Channel[], int, int)}, unrolled (hot path). */
    static float[][] shrinkYcc(RgbImage img, int w, int h) {
        int sw = img.width();
        int sh = img.height();
        int[] colCell = cells(sw, w);
        int[] rowCell = cells(sh, h);
        long[] ys = new long[w * h];
        long[] cbs = new long[w * h];
        long[] crs = new long[w * h];
        int[] counts = new int[w * h];
        byte[] px = img.rgb();
        for (int y = 0; y < sh; y++) {
            int rowBase = rowCell[y] * w;
            int i = y * sw * 3;
            for (int x = 0; x < sw; x++, i += 3) {
                int r = px[i] & 0xff;
                int g = px[i + 1] & 0xff;
                int b = px[i + 2] & 0xff;
                int cell = rowBase + colCell[x];
                ys[cell] += (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
                cbs[cell] += -11058 * r - 21710 * g + 32768 * b + (128 << 16);
                crs[cell] += 32768 * r - 27439 * g - 5329 * b + (128 << 16);
                counts[cell]++;
            }
        }
        float[][] out = new float[3][w * h];
        for (int k = 0; k < w * h; k++) {
            if (counts[k] > 0) {
                out[0][k] = (float) (ys[k] / (double) counts[k]);
                out[1][k] = (float) (cbs[k] / (counts[k] * 65536.0));
                out[2][k] = (float) (crs[k] / (counts[k] * 65536.0));
            }
        }
        for (float[] plane : out) {
            fillEmpty(plane, counts, w, h);
        }
        return out;
    }

    /** Luma as Pillow rounds it; Cb and Cr (JPEG/JFIF, centred on 128) in units of 1/65536. */
    private static int scaled(Channel channel, int r, int g, int b) {
        return switch (channel) {
            case LUMA -> luma(r, g, b);
            case CB -> -11058 * r - 21710 * g + 32768 * b + (128 << 16);
            case CR -> 32768 * r - 27439 * g - 5329 * b + (128 << 16);
        };
    }

    /** Which target cell each source coordinate falls into. */
    private static int[] cells(int source, int target) {
        int[] cell = new int[source];
        for (int s = 0; s < source; s++) {
            cell[s] = (int) ((long) s * target / source);
        }
        return cell;
    }

    /** When the source is smaller than the target some cells get no pixel: copy the nearest filled one. */
    private static void fillEmpty(float[] out, int[] counts, int w, int h) {
        int[] col = new int[w];
        int[] row = new int[h];
        for (int x = 0; x < w; x++) {
            col[x] = counts[x] > 0 || x == 0 ? x : col[x - 1];
        }
        for (int y = 0; y < h; y++) {
            row[y] = counts[y * w] > 0 || y == 0 ? y : row[y - 1];
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (counts[y * w + x] == 0) {
                    out[y * w + x] = out[row[y] * w + col[x]];
                }
            }
        }
    }
}
