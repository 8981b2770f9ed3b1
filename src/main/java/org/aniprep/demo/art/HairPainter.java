package org.aniprep.demo.art;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;

/**
 * Hair in head coordinates (see {@link FacePainter}): a back part drawn behind the body and face,
 * and a front part (top of the head, bangs, side locks) drawn over the face. Back hair is a shade
 * darker than the front, strands get shadow wedges, and a band of light lozenges makes the
 * "angel ring" highlight: the usual cel-shading of anime hair.
 */
final class HairPainter {
    private HairPainter() {
    }

    static void back(Graphics2D g, CharacterDesign c) {
        // halfway to the full shadow tone: hair behind the head is in shade but must still read as the same hair
        Color base = c.hairColor();
        Color shadow = Ink.shadow(base);
        Color dark = new Color((base.getRed() + shadow.getRed()) / 2, (base.getGreen() + shadow.getGreen()) / 2,
                (base.getBlue() + shadow.getBlue()) / 2);
        for (Shape part : backParts(c.hair())) {
            Ink.cel(g, part, dark, 2.6);
        }
    }

    /** The front hair outline, also used to cast the bangs' shadow on the forehead. */
    static Shape front(HairStyle style) {
        return switch (style) {
            case BOB -> frontHair(50, 46, new double[]{
                36, -24, 28, -4, 18, -20, 6, 4, -6, -22, -18, -2, -28, -20, -38, -6});
            case LONG -> frontHair(54, 150, new double[]{
                38, -12, 30, -6, 20, -12, 10, -4, 0, -12, -10, -4, -20, -12, -30, -6, -38, -12});
            case TWINTAILS -> frontHair(50, 30, new double[]{
                34, -26, 22, -6, 14, -22, 0, 6, -10, -20, -24, -4, -30, -22, -40, -8});
            case SPIKY -> spikyFront();
        };
    }

    static Shape bangsShadow(HairStyle style) {
        return AffineTransform.getTranslateInstance(3, 7).createTransformedShape(front(style));
    }

    static void front(Graphics2D g, CharacterDesign c) {
        Shape hair = front(c.hair());
        Color base = c.hairColor();
        Ink.fill(g, hair, base);
        Area shadow = new Area();
        // a darker side lock and strand wedges on the side away from the light
        shadow.add(new Area(Ink.polygon(40, -70, 80, -40, 80, 200, 40, 200, 46, 0)));
        for (double x : new double[]{-30, -8, 14, 34}) {
            shadow.add(new Area(Ink.polygon(x - 5, 10, x + 2, -62, x + 6, 10)));
        }
        Ink.within(g, hair, shadow, Ink.shadow(Ink.tint(base, 0.1)));
        Area ring = new Area();
        for (int i = -4; i <= 4; i++) {
            double x = i * 11;
            double y = -64 + i * i * 1.1;
            double len = i % 2 == 0 ? 9 : 6;
            ring.add(new Area(Ink.polygon(x - 3.5, y, x, y - len, x + 3.5, y, x, y + len)));
        }
        Ink.within(g, hair, ring, Ink.tint(base, 0.45));
        Ink.outline(g, hair, 2.6);
        accessory(g, c);
    }

    private static Shape frontHair(double sideX, double tipY, double[] bangs) {
        Path2D p = new Path2D.Double();
        p.moveTo(-sideX, tipY);
        p.curveTo(-66, tipY * 0.5, -70, -40, -60, -62);
        p.curveTo(-42, -100, 42, -100, 60, -62);
        p.curveTo(70, -40, 66, tipY * 0.5, sideX, tipY);
        p.quadTo(sideX - 2, (tipY - 10) / 2, 44, -12);
        // bangs: valley, tip, valley, tip ... from right to left, each strand slightly curved
        double px = 44;
        double py = -12;
        for (int i = 0; i < bangs.length; i += 2) {
            double x = bangs[i];
            double y = bangs[i + 1];
            p.quadTo((px + x) / 2 + 2, Math.min(py, y) + (y > py ? 2 : -2), x, y);
            px = x;
            py = y;
        }
        p.quadTo((px - 44) / 2, py - 4, -44, -12);
        p.quadTo(-sideX + 2, (tipY - 10) / 2, -sideX, tipY);
        p.closePath();
        return p;
    }

    private static Shape spikyFront() {
        Path2D p = new Path2D.Double();
        p.moveTo(-54, 14);
        p.lineTo(-64, -20);
        p.lineTo(-78, -30);
        p.lineTo(-64, -50);
        p.lineTo(-74, -72);
        p.lineTo(-48, -78);
        p.lineTo(-44, -104);
        p.lineTo(-20, -90);
        p.lineTo(0, -112);
        p.lineTo(16, -92);
        p.lineTo(44, -104);
        p.lineTo(48, -78);
        p.lineTo(76, -70);
        p.lineTo(64, -48);
        p.lineTo(78, -28);
        p.lineTo(62, -18);
        p.lineTo(54, 14);
        p.lineTo(46, -12);
        p.lineTo(36, -22);
        p.lineTo(24, 0);
        p.lineTo(18, -22);
        p.lineTo(4, 8);
        p.lineTo(-6, -22);
        p.lineTo(-20, -2);
        p.lineTo(-26, -22);
        p.lineTo(-40, -4);
        p.lineTo(-46, -14);
        p.closePath();
        return p;
    }

    private static Shape[] backParts(HairStyle style) {
        return switch (style) {
            case BOB -> new Shape[]{bobBack(62)};
            case LONG -> new Shape[]{longBack()};
            case TWINTAILS -> new Shape[]{tail(-1), tail(1), bobBack(40)};
            case SPIKY -> new Shape[]{spikyBack()};
        };
    }

    private static Shape bobBack(double bottom) {
        Path2D p = new Path2D.Double();
        p.moveTo(-62, -40);
        p.curveTo(-50, -100, 50, -100, 62, -40);
        p.curveTo(72, 0, 72, bottom - 20, 64, bottom - 4);
        p.quadTo(58, bottom + 8, 44, bottom + 2);
        p.lineTo(-44, bottom + 2);
        p.quadTo(-58, bottom + 8, -64, bottom - 4);
        p.curveTo(-72, bottom - 20, -72, 0, -62, -40);
        p.closePath();
        return p;
    }

    private static Shape longBack() {
        Path2D p = new Path2D.Double();
        p.moveTo(-62, -40);
        p.curveTo(-50, -100, 50, -100, 62, -40);
        p.curveTo(80, 40, 86, 200, 94, 330);
        double[] tips = {76, 316, 62, 342, 44, 318, 24, 338, 0, 320, -24, 338, -44, 318, -62, 342, -76, 316, -94, 330};
        for (int i = 0; i < tips.length; i += 2) {
            p.lineTo(tips[i], tips[i + 1]);
        }
        p.curveTo(-86, 200, -80, 40, -62, -40);
        p.closePath();
        return p;
    }

    private static Shape tail(int side) {
        Path2D p = new Path2D.Double();
        p.moveTo(side * 50, -64);
        p.curveTo(side * 124, -70, side * 136, 60, side * 114, 190);
        p.curveTo(side * 104, 270, side * 124, 330, side * 100, 390);
        p.curveTo(side * 96, 330, side * 80, 260, side * 84, 170);
        p.curveTo(side * 88, 70, side * 84, -10, side * 56, -36);
        p.closePath();
        return p;
    }

    private static Shape spikyBack() {
        return Ink.polygon(-62, -40, -50, -92, 50, -92, 62, -40, 68, 10, 60, 4, 62, 36, 50, 24, 40, 48,
                -40, 48, -50, 24, -62, 36, -60, 4, -68, 10);
    }

    private static void accessory(Graphics2D g, CharacterDesign c) {
        Color a = c.accent();
        switch (c.hair()) {
            case BOB -> {
                // two crossed hair clips over the right temple
                for (double angle : new double[]{-0.5, 0.2}) {
                    Graphics2D clip = (Graphics2D) g.create();
                    clip.translate(38, -36);
                    clip.rotate(angle);
                    Ink.cel(clip, new java.awt.geom.RoundRectangle2D.Double(-14, -3, 28, 6, 5, 5), a, 1.8);
                    clip.dispose();
                }
            }
            case LONG -> {
                Path2D band = Ink.quad(-62, -44, 0, -104, 62, -44);
                g.setColor(Ink.LINE);
                g.setStroke(new BasicStroke(11f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(band);
                g.setColor(a);
                g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(band);
            }
            case TWINTAILS -> {
                for (int side = -1; side <= 1; side += 2) {
                    double x = side * 58;
                    double y = -64;
                    Ink.cel(g, Ink.polygon(x, y, x + side * 4 - 16, y - 16, x + side * 4 - 16, y + 14), a, 2);
                    Ink.cel(g, Ink.polygon(x, y, x + side * 4 + 16, y - 16, x + side * 4 + 16, y + 14), a, 2);
                    Ink.cel(g, Ink.ellipse(x, y, 10, 10), Ink.shade(a, 0.85), 2);
                }
            }
            case SPIKY -> {
                // no accessory: the silhouette is his mark
            }
        }
    }
}
