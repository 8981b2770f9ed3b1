package org.aniprep.report;

import java.util.List;

/** Boxes over a thumbnail, in a coordinate system {@code width} × {@code height} (pixels, or 1 × 1 for fractions). */
public record Overlay(double width, double height, List<Box> boxes) {
    /** A coordinate as SVG wants it: whole numbers without a fraction, the rest to 4 places. */
    public static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /**
     * @param kind   CSS class giving the colour ({@code face}, {@code head}, {@code person}, {@code text})
     * @param dashed drawn dashed (e.g. found by only one of two detectors)
     * @param title  hover text
     */
    public record Box(double x, double y, double w, double h, String kind, boolean dashed, String title) {
    }
}
