package org.aniprep.character;

import org.aniprep.image.RgbImage;

/**
 * A gradient-orientation histogram (HOG, Dalal-Triggs layout) of the head region resampled to a fixed
 * grid: the line art of hair outline, fringe, eyes and face outline, independent of colour. Experiment
 * for issue 19 (HogGateReport).
 */
final class Hog {
    static int SIZE = 48;
    static int CELL = 6;
    static int BINS = 9;
    static double SIDE = 0.5;
    static double ABOVE = 0.6;
    static double BELOW = 0.3;

    private Hog() {
    }

    /** {plain, mirrored} descriptors. */
    static float[][] of(RgbImage img, FaceBox f) {
        double w = f.width();
        double h = f.height();
        double x0 = f.x0() - SIDE * w;
        double y0 = f.y0() - ABOVE * h;
        double x1 = f.x1() + SIDE * w;
        double y1 = f.y1() + BELOW * h;
        float[] g = new float[SIZE * SIZE];
        float[] m = new float[SIZE * SIZE];
        byte[] px = img.rgb();
        for (int v = 0; v < SIZE; v++) {
            double sy = y0 + (v + 0.5) * (y1 - y0) / SIZE - 0.5;
            for (int u = 0; u < SIZE; u++) {
                double sx = x0 + (u + 0.5) * (x1 - x0) / SIZE - 0.5;
                g[v * SIZE + u] = bilinear(px, img.width(), img.height(), sx, sy);
            }
            for (int u = 0; u < SIZE; u++) {
                m[v * SIZE + u] = g[v * SIZE + SIZE - 1 - u];
            }
        }
        return new float[][] {hog(g), hog(m)};
    }

    private static float bilinear(byte[] px, int w, int h, double x, double y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int xi = (int) x;
        int yi = (int) y;
        int xj = Math.min(w - 1, xi + 1);
        int yj = Math.min(h - 1, yi + 1);
        double fx = x - xi;
        double fy = y - yi;
        double a = lum(px, w, xi, yi) * (1 - fx) + lum(px, w, xj, yi) * fx;
        double b = lum(px, w, xi, yj) * (1 - fx) + lum(px, w, xj, yj) * fx;
        return (float) (a * (1 - fy) + b * fy);
    }

    private static double lum(byte[] px, int w, int x, int y) {
        int i = (y * w + x) * 3;
        return 0.299 * (px[i] & 255) + 0.587 * (px[i + 1] & 255) + 0.114 * (px[i + 2] & 255);
    }

    static float[] hog(float[] g) {
        int nc = SIZE / CELL;
        float[] cells = new float[nc * nc * BINS];
        for (int y = 1; y < SIZE - 1; y++) {
            for (int x = 1; x < SIZE - 1; x++) {
                double gx = g[y * SIZE + x + 1] - g[y * SIZE + x - 1];
                double gy = g[(y + 1) * SIZE + x] - g[(y - 1) * SIZE + x];
                double mag = Math.sqrt(gx * gx + gy * gy);
                if (mag == 0) {
                    continue;
                }
                double ang = Math.atan2(gy, gx);
                if (ang < 0) {
                    ang += Math.PI;
                }
                double b = ang / Math.PI * BINS - 0.5;
                int b0 = (int) Math.floor(b);
                double fb = b - b0;
                int cx = Math.min(nc - 1, x / CELL);
                int cy = Math.min(nc - 1, y / CELL);
                int base = (cy * nc + cx) * BINS;
                cells[base + Math.floorMod(b0, BINS)] += (float) (mag * (1 - fb));
                cells[base + Math.floorMod(b0 + 1, BINS)] += (float) (mag * fb);
            }
        }
        int nb = nc - 1;
        float[] out = new float[nb * nb * 4 * BINS];
        int o = 0;
        for (int by = 0; by < nb; by++) {
            for (int bx = 0; bx < nb; bx++) {
                int start = o;
                double s = 1e-6;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int base = ((by + dy) * nc + bx + dx) * BINS;
                        for (int k = 0; k < BINS; k++) {
                            out[o++] = cells[base + k];
                            s += cells[base + k] * cells[base + k];
                        }
                    }
                }
                double n = Math.sqrt(s);
                double s2 = 1e-6;
                for (int i = start; i < o; i++) {
                    out[i] = (float) Math.min(0.2, out[i] / n);
                    s2 += out[i] * out[i];
                }
                double n2 = Math.sqrt(s2);
                for (int i = start; i < o; i++) {
                    out[i] /= (float) n2;
                }
            }
        }
        double s = 0;
        for (float v : out) {
            s += v * v;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int i = 0; i < out.length; i++) {
            out[i] *= inv;
        }
        return out;
    }

    /** Cosine distance, the smaller over mirroring. */
    static double distance(float[][] ref, float[][] face) {
        return Math.min(cos(ref[0], face[0]), cos(ref[1], face[0]));
    }

    private static double cos(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return 1 - d;
    }
}
