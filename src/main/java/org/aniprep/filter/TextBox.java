package org.aniprep.filter;

/** A text region as PaddleOCR's DB post-processing gives it, as an axis-aligned box in frame pixels. */
record TextBox(double x0, double y0, double x1, double y1, double score) {
    double width() {
        return x1 - x0;
    }

    double height() {
        return y1 - y0;
    }
}
