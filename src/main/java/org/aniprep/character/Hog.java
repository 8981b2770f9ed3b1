package org.aniprep.character;

import org.aniprep.image.RgbImage;

/**
 * A histogram of gradient orientations (HOG, Dalal–Triggs layout: 6 px cells, 9 unsigned bins, 2×2-cell
 * blocks, L2-Hys) of a region around the face resampled to 48×48 grey levels: the line art of hair
 * outline, fringe, eyes and face outline, whatever the colours. Only the plain descriptor is stored;
 * the mirrored one is a permutation of it ({@link #mirror}), so a mirrored shot matches. One of the
 * shape measures of {@link ShapeCheck} (issue 19).
 */
final class Hog {
    static final int SIZE = 48;
    static final int CELL = 6;
    static final int BINS = 9;
    private static final int NC = SIZE / CELL;
    private static final int NB = NC - 1;
    static final int DIMS = NB * NB * 4 * BINS;
    /** Index of each component of the mirrored descriptor in the plain one. */
    private static final int[] MIRROR = mirrorIndex();

    private Hog() {
    }

    /** The descriptor of the face box widened by {@code side} × its width each side, {@code above}/{@code below} × its height. */
    static float[] of(RgbImage img, FaceBox f, double side, double above, double below) {
        double w = f.width();
        double h = f.height();
        double x0 = f.x0() - side * w;
        double y0 = f.y0() - above * h;
        double x1 = f.x1() + side * w;
        double y1 = f.y1() + below * h;
        float[] g = new float[SIZE * SIZE];
        byte[] px = img.rgb();
        for (int v = 0; v < SIZE; v++) {
            double sy = y0 + (v + 0.5) * (y1 - y0) / SIZE - 0.5;
            for (int u = 0; u < SIZE; u++) {
                double sx = x0 + (u + 0.5) * (x1 - x0) / SIZE - 0.5;
                g[v * SIZE + u] = bilinear(px, img.width(), img.height(), sx, sy);
            }
        }
        return hog(g);
    }

    /** Cosine distance of a face's descriptor to a reference's, the smaller over mirroring the reference. */
    static double distance(float[] ref, int refAt, float[] face, int faceAt) {
        double plain = 0;
        double mirrored = 0;
        for (int i = 0; i < DIMS; i++) {
            float x = face[faceAt + i];
            plain += ref[refAt + i] * x;
            mirrored += ref[refAt + MIRROR[i]] * x;
        }
        return 1 - Math.max(plain, mirrored);
    }

    /** The descriptor of the mirrored region. */
    static float[] mirror(float[] d) {
        float[] out = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            out[i] = d[MIRROR[i]];
        }
        return out;
    }

    private static int[] mirrorIndex() {
        int[] m = new int[DIMS];
        for (int by = 0; by < NB; by++) {
            for (int bx = 0; bx < NB; bx++) {
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        for (int k = 0; k < BINS; k++) {
                            int at = (((by * NB + bx) * 4) + dy * 2 + dx) * BINS + k;
                            // columns reversed, orientation θ → π − θ: bin k → BINS − 1 − k
                            m[at] = (((by * NB + NB - 1 - bx) * 4) + dy * 2 + 1 - dx) * BINS + BINS - 1 - k;
                        }
                    }
                }
            }
        }
        return m;
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

    private static float[] hog(float[] g) {
        float[] cells = new float[NC * NC * BINS];
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
                int base = ((y / CELL) * NC + x / CELL) * BINS;
                cells[base + Math.floorMod(b0, BINS)] += (float) (mag * (1 - fb));
                cells[base + Math.floorMod(b0 + 1, BINS)] += (float) (mag * fb);
            }
        }
        float[] out = new float[DIMS];
        int o = 0;
        for (int by = 0; by < NB; by++) {
            for (int bx = 0; bx < NB; bx++) {
                int start = o;
                double s = 1e-6;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int base = ((by + dy) * NC + bx + dx) * BINS;
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
}
