package org.aniprep.report;

/** A legend entry: what a colour (the CSS class {@code kind}) means on this page. */
public record Swatch(String kind, String label) {
}
