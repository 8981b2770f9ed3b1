package org.aniprep.detect;

import java.util.Map;

/**
 * One detected object: a pixel box [x0, x1) × [y0, y1) in the frame's coordinates, its label
 * ({@code face}, {@code head}, {@code person}) and the detector's score. {@code foundBy}: for a
 * box merged from several detectors, each detector that found it with its own score (else null).
 */
public record Detection(int x0, int y0, int x1, int y1, String label, float score, Map<String, Float> foundBy) {
    public Detection {
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException("inverted box " + x0 + "," + y0 + "," + x1 + "," + y1);
        }
        foundBy = foundBy == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(foundBy));
    }

    public Detection(int x0, int y0, int x1, int y1, String label, float score) {
        this(x0, y0, x1, y1, label, score, null);
    }

    public int width() {
        return x1 - x0;
    }

    public int height() {
        return y1 - y0;
    }

    public long area() {
        return (long) width() * height();
    }

    public double centerX() {
        return (x0 + x1) / 2.0;
    }

    public double centerY() {
        return (y0 + y1) / 2.0;
    }

    /** Intersection over union with the usual continuous convention (area = w × h). */
    public double iou(Detection o) {
        long iw = Math.max(0, Math.min(x1, o.x1) - Math.max(x0, o.x0));
        long ih = Math.max(0, Math.min(y1, o.y1) - Math.max(y0, o.y0));
        long inter = iw * ih;
        long union = area() + o.area() - inter;
        return union <= 0 ? 0 : (double) inter / union;
    }

    /** The fraction of this box's area that lies inside {@code o}. */
    public double coveredBy(Detection o) {
        long iw = Math.max(0, Math.min(x1, o.x1) - Math.max(x0, o.x0));
        long ih = Math.max(0, Math.min(y1, o.y1) - Math.max(y0, o.y0));
        return area() == 0 ? 0 : (double) (iw * ih) / area();
    }

    public Detection withScore(float s) {
        return new Detection(x0, y0, x1, y1, label, s, foundBy);
    }

    public Detection withFoundBy(Map<String, Float> by) {
        return new Detection(x0, y0, x1, y1, label, score, by);
    }
}
