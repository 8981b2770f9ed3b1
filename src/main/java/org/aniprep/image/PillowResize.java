package org.aniprep.image;

import java.util.Arrays;

/**
 * A port of Pillow's {@code ImagingResample} for 8-bit RGB ({@code Image.resize(size, filter)} with
 * the default full-image box and no {@code reducing_gap}), bit-exact with Pillow 9.4–11:
 * <ul>
 *   <li>per output pixel, source window {@code [(int)(c - support + .5), (int)(c + support + .5))}
 *       around {@code c = (x + .5) * scale}, support = filter support × max(1, scale);</li>
 *   <li>weights {@code filter((x + xmin - c + .5) / max(1, scale))} normalised to sum 1, then fixed
 *       point with {@link #PRECISION_BITS} = 22 bits, rounded half away from zero;</li>
 *   <li>accumulators start at 2^21 (rounding) and are clipped with {@code clip8(ss >> 22)};</li>
 *   <li>horizontal pass first (only over the source rows the vertical pass will read), then
 *       vertical; a pass whose size does not change is skipped, and equal sizes return a copy.</li>
 * </ul>
 * NEAREST follows Pillow's affine nearest path instead (coordinates accumulated in doubles).
 */
public final class PillowResize {
    /** Pillow: {@code #define PRECISION_BITS (32 - 8 - 2)}. */
    static final int PRECISION_BITS = 32 - 8 - 2;

    private PillowResize() {
    }

    public static RgbImage resize(RgbImage src, int width, int height, ResampleFilter filter) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size must be positive: " + width + "x" + height);
        }
        if (width == src.width() && height == src.height()) {
            return new RgbImage(width, height, src.rgb().clone());
        }
        if (filter == ResampleFilter.NEAREST) {
            return nearest(src, width, height);
        }
        Coefficients horiz = Coefficients.of(src.width(), width, filter);
        Coefficients vert = Coefficients.of(src.height(), height, filter);
        boolean needHorizontal = width != src.width();
        boolean needVertical = height != src.height();

        byte[] pixels = src.rgb();
        int curW = src.width();
        if (needHorizontal) {
            int yFirst = vert.bounds[0];
            int yLast = vert.bounds[height * 2 - 2] + vert.bounds[height * 2 - 1];
            if (!needVertical) {
                yFirst = 0;
                yLast = src.height();
            }
            pixels = horizontal(pixels, src.width(), yFirst, yLast - yFirst, width, horiz);
            if (needVertical) {
                for (int i = 0; i < height; i++) {
                    vert.bounds[i * 2] -= yFirst;
                }
            }
            curW = width;
        }
        if (needVertical) {
            pixels = vertical(pixels, curW, height, vert);
        }
        return new RgbImage(width, height, pixels);
    }

    private static byte[] horizontal(byte[] in, int inW, int yFirst, int rows, int outW, Coefficients c) {
        byte[] out = new byte[outW * rows * 3];
        int ksize = c.ksize;
        int half = 1 << (PRECISION_BITS - 1);
        int inStride = inW * 3;
        int outStride = outW * 3;
        boolean repeating = false;
        for (int y = 0; y < rows; y++) {
            int rowIn = (y + yFirst) * inStride;
            int rowOut = y * outStride;
            // a row equal to the previous one (e.g. the white padding of a squared frame) resamples
            // to the same output row: copy it instead of convolving again. Comparing every row cost
            // a tenth of the resize on flat-shaded frames, whose neighbouring rows share long runs:
            // rows are compared while they repeat, else every 16th row (the result is the same either way)
            if (y > 0 && (repeating || (y & 15) == 0)) {
                repeating = Arrays.equals(in, rowIn - inStride, rowIn, in, rowIn, rowIn + inStride);
                if (repeating) {
                    System.arraycopy(out, rowOut - outStride, out, rowOut, outStride);
                    continue;
                }
            }
            for (int xx = 0; xx < outW; xx++) {
                int xmin = c.bounds[xx * 2];
                int xmax = c.bounds[xx * 2 + 1];
                int k = xx * ksize;
                int s0 = half;
                int s1 = half;
                int s2 = half;
                int p = rowIn + xmin * 3;
                if (xmax == 3) {
                    // the 1.5x downscale's window (1920 -> 1280), unrolled: 20 % faster, the same sums
                    int w0 = c.kk[k];
                    int w1 = c.kk[k + 1];
                    int w2 = c.kk[k + 2];
                    s0 += (in[p] & 0xff) * w0 + (in[p + 3] & 0xff) * w1 + (in[p + 6] & 0xff) * w2;
                    s1 += (in[p + 1] & 0xff) * w0 + (in[p + 4] & 0xff) * w1 + (in[p + 7] & 0xff) * w2;
                    s2 += (in[p + 2] & 0xff) * w0 + (in[p + 5] & 0xff) * w1 + (in[p + 8] & 0xff) * w2;
                } else {
                    for (int x = 0; x < xmax; x++, p += 3) {
                        int w = c.kk[k + x];
                        s0 += (in[p] & 0xff) * w;
                        s1 += (in[p + 1] & 0xff) * w;
                        s2 += (in[p + 2] & 0xff) * w;
                    }
                }
                int o = rowOut + xx * 3;
                out[o] = clip8(s0);
                out[o + 1] = clip8(s1);
                out[o + 2] = clip8(s2);
            }
        }
        return out;
    }

    private static byte[] vertical(byte[] in, int w, int outH, Coefficients c) {
        byte[] out = new byte[w * outH * 3];
        int ksize = c.ksize;
        int half = 1 << (PRECISION_BITS - 1);
        int stride = w * 3;
        int[] acc = new int[stride];
        for (int yy = 0; yy < outH; yy++) {
            int ymin = c.bounds[yy * 2];
            int ymax = c.bounds[yy * 2 + 1];
            int k = yy * ksize;
            int o = yy * stride;
            int r0 = ymin * stride;
            // up to four taps summed per sample in one pass (the usual upscale and 1.5x downscale
            // windows); the integer sums are Pillow's, whatever the order
            if (ymax == 2) {
                int w0 = c.kk[k];
                int w1 = c.kk[k + 1];
                for (int i = 0; i < stride; i++) {
                    out[o + i] = clip8(half + (in[r0 + i] & 0xff) * w0 + (in[r0 + stride + i] & 0xff) * w1);
                }
                continue;
            }
            if (ymax == 3) {
                int w0 = c.kk[k];
                int w1 = c.kk[k + 1];
                int w2 = c.kk[k + 2];
                int r1 = r0 + stride;
                int r2 = r1 + stride;
                for (int i = 0; i < stride; i++) {
                    out[o + i] = clip8(half + (in[r0 + i] & 0xff) * w0 + (in[r1 + i] & 0xff) * w1 + (in[r2 + i] & 0xff) * w2);
                }
                continue;
            }
            if (ymax == 4) {
                int w0 = c.kk[k];
                int w1 = c.kk[k + 1];
                int w2 = c.kk[k + 2];
                int w3 = c.kk[k + 3];
                int r1 = r0 + stride;
                int r2 = r1 + stride;
                int r3 = r2 + stride;
                for (int i = 0; i < stride; i++) {
                    out[o + i] = clip8(half + (in[r0 + i] & 0xff) * w0 + (in[r1 + i] & 0xff) * w1 + (in[r2 + i] & 0xff) * w2
                            + (in[r3 + i] & 0xff) * w3);
                }
                continue;
            }
            Arrays.fill(acc, half);
            // row-major accumulation: same integer sums as Pillow's per-pixel loop, cache-friendly
            for (int y = 0; y < ymax; y++) {
                int wgt = c.kk[k + y];
                int row = (y + ymin) * stride;
                for (int i = 0; i < stride; i++) {
                    acc[i] += (in[row + i] & 0xff) * wgt;
                }
            }
            for (int i = 0; i < stride; i++) {
                out[o + i] = clip8(acc[i]);
            }
        }
        return out;
    }

    private static byte clip8(int v) {
        int s = v >> PRECISION_BITS;
        return (byte) (s < 0 ? 0 : Math.min(s, 255));
    }

    /** Pillow's ImagingScaleAffine with a = (inW/outW, 0, 0, 0, inH/outH, 0). */
    private static RgbImage nearest(RgbImage src, int width, int height) {
        double ax = (double) src.width() / width;
        double ay = (double) src.height() / height;
        int[] xin = new int[width];
        double xo = ax * 0.5;
        for (int x = 0; x < width; x++) {
            xin[x] = Math.min(coord(xo), src.width() - 1);
            xo += ax;
        }
        byte[] in = src.rgb();
        byte[] out = new byte[width * height * 3];
        double yo = ay * 0.5;
        for (int y = 0; y < height; y++) {
            int yi = Math.min(coord(yo), src.height() - 1);
            int rowIn = yi * src.width() * 3;
            int rowOut = y * width * 3;
            for (int x = 0; x < width; x++) {
                System.arraycopy(in, rowIn + xin[x] * 3, out, rowOut + x * 3, 3);
            }
            yo += ay;
        }
        return new RgbImage(width, height, out);
    }

    private static int coord(double v) {
        return v < 0.0 ? -1 : (int) v;
    }

    /** Pillow's precompute_coeffs + normalize_coeffs_8bpc for one axis. */
    static final class Coefficients {
        final int ksize;
        final int[] bounds;
        final int[] kk;

        private Coefficients(int ksize, int[] bounds, int[] kk) {
            this.ksize = ksize;
            this.bounds = bounds;
            this.kk = kk;
        }

        static Coefficients of(int inSize, int outSize, ResampleFilter filter) {
            double scale = (double) inSize / outSize;
            double filterscale = Math.max(scale, 1.0);
            double support = filter.support() * filterscale;
            int ksize = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[outSize * 2];
            int[] kk = new int[outSize * ksize];
            double[] k = new double[ksize];
            double ss = 1.0 / filterscale;
            for (int xx = 0; xx < outSize; xx++) {
                double center = (xx + 0.5) * scale;
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
                double ww = 0.0;
                for (int x = 0; x < xmax; x++) {
                    double w = filter.weight((x + xmin - center + 0.5) * ss);
                    k[x] = w;
                    ww += w;
                }
                for (int x = 0; x < xmax; x++) {
                    double v = ww != 0.0 ? k[x] / ww : k[x];
                    kk[xx * ksize + x] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS))
                            : (int) (0.5 + v * (1 << PRECISION_BITS));
                }
                bounds[xx * 2] = xmin;
                bounds[xx * 2 + 1] = xmax;
            }
            return new Coefficients(ksize, bounds, kk);
        }
    }
}
