package org.aniprep.character;

/**
 * The part of a frame that tells a character apart: the face box widened to take in the hair above
 * and beside it. Anime face boxes run from the fringe to the chin, so the hair lies mostly above
 * and to the sides. The same geometry is used the other way round when a whole reference image is
 * taken as one head (a close-up with no detected face), and for the exported face crops, so an
 * exported crop moved into refs/ reads back as the same head.
 */
public record HeadRegion(double x0, double y0, double x1, double y1) {
    /** Margins in face-box widths/heights. */
    static final double SIDE = 0.5;
    static final double ABOVE = 0.6;
    static final double BELOW = 0.3;

    public static HeadRegion around(FaceBox f) {
        double w = f.width();
        double h = f.height();
        return new HeadRegion(f.x0() - SIDE * w, f.y0() - ABOVE * h, f.x1() + SIDE * w, f.y1() + BELOW * h);
    }

    /** The face box that has this whole image as its head region. */
    public static FaceBox faceOfWholeImage(String kind, int index, int width, int height) {
        double fw = width / (1 + 2 * SIDE);
        double fh = height / (1 + ABOVE + BELOW);
        int x0 = (int) Math.round(SIDE * fw);
        int y0 = (int) Math.round(ABOVE * fh);
        return new FaceBox(kind, index, x0, y0, Math.max(x0 + 1, (int) Math.round(x0 + fw)), Math.max(y0 + 1, (int) Math.round(y0 + fh)));
    }

    /** Integer pixel rectangle clipped to the image: {x0, y0, x1, y1}. */
    public int[] clipped(int width, int height) {
        int a = (int) Math.max(0, Math.floor(x0));
        int b = (int) Math.max(0, Math.floor(y0));
        int c = (int) Math.min(width, Math.ceil(x1));
        int d = (int) Math.min(height, Math.ceil(y1));
        return new int[] {a, b, Math.max(a + 1, c), Math.max(b + 1, d)};
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }
}
