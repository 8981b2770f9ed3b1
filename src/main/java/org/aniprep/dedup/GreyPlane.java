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

    /**
     * Luma, Cb and Cr shrunk in one pass: the same sums as {@link #shrink(RgbImage, Channel[], int, int)}
     * (hot path: every frame extract's dedup looks at). Cb and Cr are linear in R, G and B, so their
     * cell sums come from the cells' R, G and B sums; only luma is rounded per pixel. Each row adds
     * up a cell's pixels in locals and touches the cell arrays once.
     */
    static float[][] shrinkYcc(RgbImage img, int w, int h) {
        int sw = img.width();
        int sh = img.height();
        int[] colCell = cells(sw, w);
        int[] rowCell = cells(sh, h);
        int[] from = new int[w + 1];
        for (int c = 0, x = 0; c <= w; c++) {
            while (x < sw && colCell[x] < c) {
                x++;
            }
            from[c] = x;
        }
        long[] ys = new long[w * h];
        long[] rs = new long[w * h];
        long[] gs = new long[w * h];
        long[] bs = new long[w * h];
        int[] counts = new int[w * h];
        byte[] px = img.rgb();
        for (int y = 0; y < sh; y++) {
            int rowBase = rowCell[y] * w;
            int i = y * sw * 3;
            for (int c = 0; c < w; c++) {
                int x0 = from[c];
                int x1 = from[c + 1];
                int sy = 0;
                int sr = 0;
                int sg = 0;
                int sb = 0;
                for (int x = x0; x < x1; x++, i += 3) {
                    int r = px[i] & 0xff;
                    int g = px[i + 1] & 0xff;
                    int b = px[i + 2] & 0xff;
                    sy += (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
                    sr += r;
                    sg += g;
                    sb += b;
                }
                int cell = rowBase + c;
                ys[cell] += sy;
                rs[cell] += sr;
                gs[cell] += sg;
                bs[cell] += sb;
                counts[cell] += x1 - x0;
            }
        }
        float[][] out = new float[3][w * h];
        for (int k = 0; k < w * h; k++) {
            if (counts[k] > 0) {
                long offset = (long) counts[k] * (128 << 16);
                long cb = -11058 * rs[k] - 21710 * gs[k] + 32768 * bs[k] + offset;
                long cr = 32768 * rs[k] - 27439 * gs[k] - 5329 * bs[k] + offset;
                out[0][k] = (float) (ys[k] / (double) counts[k]);
                out[1][k] = (float) (cb / (counts[k] * 65536.0));
                out[2][k] = (float) (cr / (counts[k] * 65536.0));
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
