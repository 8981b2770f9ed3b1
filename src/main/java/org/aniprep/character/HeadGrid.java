package org.aniprep.character;

import org.aniprep.image.RgbImage;

/**
 * A head region resampled to a fixed {@value #N}×{@value #N} grid of cells, each the mean colour
 * (box filter) of the pixels under it, in OKLab. Cells outside the image are marked invalid, so a
 * face at the frame's edge keeps its geometry: the face box always covers the same cells.
 */
final class HeadGrid {
    static final int N = 48;
    /** The face box in grid cells. */
    static final double FACE_U0 = N * HeadRegion.SIDE / (1 + 2 * HeadRegion.SIDE);
    static final double FACE_U1 = N - FACE_U0;
    static final double FACE_V0 = N * HeadRegion.ABOVE / (1 + HeadRegion.ABOVE + HeadRegion.BELOW);
    static final double FACE_V1 = N * (1 + HeadRegion.ABOVE) / (1 + HeadRegion.ABOVE + HeadRegion.BELOW);

    final float[] lab = new float[N * N * 3];
    final boolean[] valid = new boolean[N * N];

    private HeadGrid() {
    }

    static HeadGrid sample(RgbImage img, FaceBox face) {
        HeadRegion r = HeadRegion.around(face);
        HeadGrid g = new HeadGrid();
        sampleInto(img, r.x0(), r.y0(), r.x1(), r.y1(), N, N, g.lab, g.valid);
        return g;
    }

    /**
     * Resamples the rectangle [x0, x1) × [y0, y1) of {@code img} to {@code nx} × {@code ny} cells (mean
     * colour of the pixels under each, in OKLab, into {@code lab}); cells outside the image stay invalid.
     */
    static void sampleInto(RgbImage img, double x0, double y0, double x1, double y1, int nx, int ny, float[] lab, boolean[] valid) {
        double sx = (x1 - x0) / nx;
        double sy = (y1 - y0) / ny;
        byte[] px = img.rgb();
        int w = img.width();
        for (int v = 0; v < ny; v++) {
            int ya = (int) Math.floor(y0 + v * sy);
            int yb = Math.max(ya + 1, (int) Math.floor(y0 + (v + 1) * sy));
            ya = Math.max(0, ya);
            yb = Math.min(img.height(), yb);
            for (int u = 0; u < nx; u++) {
                int xa = (int) Math.floor(x0 + u * sx);
                int xb = Math.max(xa + 1, (int) Math.floor(x0 + (u + 1) * sx));
                xa = Math.max(0, xa);
                xb = Math.min(w, xb);
                int cell = v * nx + u;
                if (xb <= xa || yb <= ya) {
                    continue;
                }
                long sr = 0;
                long sg = 0;
                long sb = 0;
                for (int y = ya; y < yb; y++) {
                    int i = (y * w + xa) * 3;
                    for (int x = xa; x < xb; x++, i += 3) {
                        sr += px[i] & 0xff;
                        sg += px[i + 1] & 0xff;
                        sb += px[i + 2] & 0xff;
                    }
                }
                long n = (long) (xb - xa) * (yb - ya);
                OkLab.fromSrgb((int) (sr / n), (int) (sg / n), (int) (sb / n), lab, cell * 3);
                valid[cell] = true;
            }
        }
    }

    /** Horizontal position of cell column {@code u} relative to the face box (0 = left edge, 1 = right edge). */
    static double fx(int u) {
        return (u + 0.5 - FACE_U0) / (FACE_U1 - FACE_U0);
    }

    /** Vertical position of cell row {@code v} relative to the face box (0 = top, 1 = chin). */
    static double fy(int v) {
        return (v + 0.5 - FACE_V0) / (FACE_V1 - FACE_V0);
    }
}
