package org.aniprep.demo.art;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** Cel-shading helpers: flat fills with dark outlines, colour shades, a few path shortcuts. */
final class Ink {
    /** The line colour of every outline: a warm near-black, as ink lines in anime are. */
    static final Color LINE = new Color(0x2a, 0x1c, 0x24);

    private Ink() {
    }

    static void fill(Graphics2D g, Shape s, Color c) {
        g.setColor(c);
        g.fill(s);
    }

    static void outline(Graphics2D g, Shape s, double width) {
        outline(g, s, width, LINE);
    }

    static void outline(Graphics2D g, Shape s, double width, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    /** A flat fill with a dark outline: the basic cel stroke. */
    static void cel(Graphics2D g, Shape s, Color fill, double lineWidth) {
        fill(g, s, fill);
        outline(g, s, lineWidth);
    }

    /** Fills {@code shade} only where it overlaps {@code inside} (a shadow or highlight on a part). */
    static void within(Graphics2D g, Shape inside, Shape shade, Color c) {
        Area a = new Area(inside);
        a.intersect(new Area(shade));
        fill(g, a, c);
    }

    /** The colour scaled towards black by {@code f} (0.75 = a shadow tone). */
    static Color shade(Color c, double f) {
        return new Color(clamp(c.getRed() * f), clamp(c.getGreen() * f), clamp(c.getBlue() * f));
    }

    /** The colour moved towards white by {@code f} (0.4 = a highlight tone). */
    static Color tint(Color c, double f) {
        return new Color(clamp(c.getRed() + (255 - c.getRed()) * f), clamp(c.getGreen() + (255 - c.getGreen()) * f),
                clamp(c.getBlue() + (255 - c.getBlue()) * f));
    }

    /**
     * The cel shadow tone of a colour: multiplied by a slightly violet grey, as anime colour
     * designs do, so a yellow shades to amber rather than olive.
     */
    static Color shadow(Color c) {
        return new Color(clamp(c.getRed() * 0.80), clamp(c.getGreen() * 0.70), clamp(c.getBlue() * 0.82));
    }

    static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    static Ellipse2D ellipse(double cx, double cy, double w, double h) {
        return new Ellipse2D.Double(cx - w / 2, cy - h / 2, w, h);
    }

    /** A closed polygon through the given x,y pairs. */
    static Path2D polygon(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /** An open quadratic stroke from (x0,y0) bending towards (cx,cy) to (x1,y1). */
    static Path2D quad(double x0, double y0, double cx, double cy, double x1, double y1) {
        Path2D p = new Path2D.Double();
        p.moveTo(x0, y0);
        p.quadTo(cx, cy, x1, y1);
        return p;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
