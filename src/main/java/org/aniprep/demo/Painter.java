package org.aniprep.demo;

import java.awt.Graphics2D;

/** Paints one picture onto a frame of the given size (the canvas starts black, anti-aliasing on). */
@FunctionalInterface
public interface Painter {
    void paint(Graphics2D g, int width, int height);
}
