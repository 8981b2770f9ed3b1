package org.aniprep.detect;

/**
 * Maps a detector's box onto the face box aniprep reports (fringe to chin, cheek to cheek): scaled
 * about its centre by {@code width} and {@code height}, the centre moved down by {@code shiftDown}
 * box heights (negative: up). Each detector's factors were measured on composited scenes
 * (docs/detect.md), so face sizes and positions mean the same whichever detector found them.
 */
public record BoxFit(double width, double height, double shiftDown) {
    public static final BoxFit NONE = new BoxFit(1, 1, 0);

    public static BoxFit parse(String csv) {
        String[] p = csv.split(",");
        return new BoxFit(Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()), Double.parseDouble(p[2].strip()));
    }

    /** The fitted box of corners (x0, y0)–(x1, y1), rounded and clipped to a frame of {@code w × h}. */
    public Detection apply(double x0, double y0, double x1, double y1, String label, float score, int w, int h) {
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2 + shiftDown * (y1 - y0);
        double hw = (x1 - x0) * width / 2;
        double hh = (y1 - y0) * height / 2;
        int left = clamp(Math.round(cx - hw), w);
        int top = clamp(Math.round(cy - hh), h);
        return new Detection(left, top, Math.max(left, clamp(Math.round(cx + hw), w)), Math.max(top, clamp(Math.round(cy + hh), h)), label, score);
    }

    public Detection apply(Detection d, int w, int h) {
        return apply(d.x0(), d.y0(), d.x1(), d.y1(), d.label(), d.score(), w, h).withFoundBy(d.foundBy());
    }

    /**
     * The fitted box clipped to a frame of {@code w × h}, or null when less than {@code minInside}
     * of the fitted box (unclipped) lies inside the frame: for boxes found on a padded frame.
     */
    /**
     * The fitted box clipped to a frame of {@code w × h}, or null when less than {@code minInside}
     * of the (unclipped) fitted box lies inside the frame: for boxes found on a padded frame.
     */
    public Detection applyInside(Detection d, int w, int h, double minInside) {
        double area = d.width() * width * d.height() * height;
        Detection in = apply(d, w, h);
        return area > 0 && in.area() >= minInside * area ? in : null;
    }

    private static int clamp(long v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }
}
