package org.aniprep.demo.art;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;

/**
 * Neck, torso, arms, skirt or trousers and legs in head coordinates (see {@link FacePainter}):
 * shoulders at y ≈ 100, waist at 250, hem at 420, feet at 722 — about five heads tall, the
 * proportions of a TV anime schoolgirl. Light from the upper left, so the right side is shaded.
 */
final class BodyPainter {
    private static final Color SHOE = new Color(0x4a, 0x30, 0x28);
    private static final Color SOCK = new Color(0x2a, 0x2a, 0x36);

    private BodyPainter() {
    }

    static void paint(Graphics2D g, CharacterDesign c) {
        legs(g, c);
        if (c.outfit() == Outfit.GAKURAN) {
            trousers(g, c);
        } else {
            skirt(g, c);
        }
        neck(g, c.skin());
        torso(g, c);
        arms(g, c);
    }

    private static void legs(Graphics2D g, CharacterDesign c) {
        for (int side = -1; side <= 1; side += 2) {
            double x = side * 24;
            Shape leg = Ink.polygon(x - 15, 400, x + 15, 400, x + 10, 690, x - 9, 690);
            Ink.cel(g, leg, c.skin(), 2.4);
            Ink.cel(g, Ink.polygon(x - 12, 560, x + 12, 560, x + 10, 690, x - 9, 690), SOCK, 2.4);
            Path2D shoe = new Path2D.Double();
            shoe.moveTo(x - 12, 684);
            shoe.lineTo(x + 12, 684);
            shoe.quadTo(x + 14 + side * 8, 700, x + 12 + side * 8, 722);
            shoe.lineTo(x - 14 + side * 2, 722);
            shoe.quadTo(x - 16, 700, x - 12, 684);
            shoe.closePath();
            Ink.cel(g, shoe, SHOE, 2.4);
        }
    }

    private static void skirt(Graphics2D g, CharacterDesign c) {
        Shape skirt = Ink.polygon(-52, 240, 52, 240, 90, 420, -90, 420);
        Ink.fill(g, skirt, c.bottom());
        Color dark = Ink.shade(c.bottom(), 0.75);
        for (int k = -4; k <= 4; k += 2) {
            double top = k * 10.4;
            double hem = k * 18;
            Ink.within(g, skirt, Ink.polygon(top, 240, top + 10.4, 240, hem + 18, 420, hem, 420), dark);
        }
        Ink.within(g, skirt, Ink.polygon(30, 240, 80, 240, 100, 420, 50, 420), dark);
        Ink.outline(g, skirt, 2.6);
    }

    private static void trousers(Graphics2D g, CharacterDesign c) {
        for (int side = -1; side <= 1; side += 2) {
            Shape leg = Ink.polygon(side * 4, 245, side * 52, 245, side * 44, 690, side * 8, 690);
            Ink.fill(g, leg, c.bottom());
            if (side > 0) {
                Ink.within(g, leg, Ink.polygon(30, 245, 60, 245, 60, 690, 26, 690), Ink.shade(c.bottom(), 0.7));
            }
            Ink.outline(g, leg, 2.6);
        }
    }

    private static void neck(Graphics2D g, Color skin) {
        Shape neck = Ink.polygon(-13, 50, 13, 50, 15, 96, -15, 96);
        Ink.fill(g, neck, skin);
        Ink.within(g, neck, Ink.polygon(-20, 50, 20, 50, 20, 70, 0, 78, -20, 70), Ink.shade(skin, 0.8));
        Ink.outline(g, neck, 2.4);
    }

    private static Shape torsoShape() {
        Path2D p = new Path2D.Double();
        p.moveTo(-16, 88);
        p.quadTo(-50, 90, -62, 114);
        p.lineTo(-54, 252);
        p.lineTo(54, 252);
        p.lineTo(62, 114);
        p.quadTo(50, 90, 16, 88);
        p.closePath();
        return p;
    }

    private static void torso(Graphics2D g, CharacterDesign c) {
        Shape torso = torsoShape();
        Ink.fill(g, torso, c.top());
        Ink.within(g, torso, Ink.polygon(28, 80, 80, 80, 80, 260, 34, 260), Ink.shade(c.top(), 0.8));
        Ink.outline(g, torso, 2.6);
        switch (c.outfit()) {
            case SAILOR -> sailorCollar(g, c);
            case DRESS -> roundCollar(g, c);
            case GAKURAN -> standingCollar(g, c);
        }
    }

    private static void sailorCollar(Graphics2D g, CharacterDesign c) {
        Ink.cel(g, Ink.polygon(-15, 88, 0, 150, 15, 88), c.skin(), 2.2);
        Shape collar = Ink.polygon(-56, 104, -18, 86, 0, 146, 18, 86, 56, 104, 0, 172);
        Ink.cel(g, collar, c.bottom(), 2.4);
        Ink.outline(g, Ink.polygon(-46, 106, 0, 160, 46, 106), 2.0, Color.WHITE);
        bow(g, 0, 168, c.accent());
    }

    private static void roundCollar(Graphics2D g, CharacterDesign c) {
        for (int side = -1; side <= 1; side += 2) {
            Path2D flap = new Path2D.Double();
            flap.moveTo(0, 96);
            flap.quadTo(side * 10, 86, side * 18, 86);
            flap.quadTo(side * 46, 96, side * 40, 118);
            flap.quadTo(side * 20, 128, 0, 106);
            flap.closePath();
            Ink.cel(g, flap, c.accent(), 2.2);
        }
        bow(g, 0, 112, new Color(0xc8, 0x2a, 0x44));
    }

    private static void standingCollar(Graphics2D g, CharacterDesign c) {
        Ink.cel(g, Ink.polygon(-18, 78, 18, 78, 20, 96, -20, 96), c.top(), 2.4);
        Ink.outline(g, Ink.quad(-18, 84, 0, 88, 18, 84), 1.4, Color.WHITE);
        Ink.outline(g, Ink.quad(0, 96, 1, 170, 0, 250), 2.0);
        for (int k = 0; k < 4; k++) {
            Ink.cel(g, Ink.ellipse(0, 118 + k * 36, 9, 9), c.accent(), 1.8);
        }
    }

    private static void bow(Graphics2D g, double x, double y, Color color) {
        Ink.cel(g, Ink.polygon(x, y, x - 12, y + 30, x - 4, y + 28), Ink.shade(color, 0.85), 2);
        Ink.cel(g, Ink.polygon(x, y, x + 12, y + 30, x + 4, y + 28), Ink.shade(color, 0.85), 2);
        Ink.cel(g, Ink.polygon(x, y, x - 22, y - 11, x - 22, y + 11), color, 2);
        Ink.cel(g, Ink.polygon(x, y, x + 22, y - 11, x + 22, y + 11), color, 2);
        Ink.cel(g, Ink.ellipse(x, y, 9, 10), Ink.shade(color, 0.85), 2);
    }

    private static void arms(Graphics2D g, CharacterDesign c) {
        for (int side = -1; side <= 1; side += 2) {
            Path2D sleeve = new Path2D.Double();
            sleeve.moveTo(side * 50, 104);
            sleeve.quadTo(side * 70, 104, side * 74, 130);
            sleeve.lineTo(side * 88, 292);
            sleeve.lineTo(side * 66, 296);
            sleeve.lineTo(side * 54, 160);
            sleeve.closePath();
            Ink.fill(g, sleeve, c.top());
            if (side > 0) {
                Ink.within(g, sleeve, Ink.polygon(66, 100, 100, 100, 100, 300, 78, 300), Ink.shade(c.top(), 0.8));
            }
            Ink.outline(g, sleeve, 2.6);
            Ink.cel(g, Ink.polygon(side * 66, 294, side * 88, 290, side * 90, 300, side * 66, 304), Ink.shade(c.top(), 0.9), 2.2);
            Path2D hand = new Path2D.Double();
            hand.moveTo(side * 68, 302);
            hand.lineTo(side * 88, 300);
            hand.quadTo(side * 92, 326, side * 80, 332);
            hand.quadTo(side * 66, 330, side * 68, 302);
            hand.closePath();
            Ink.cel(g, hand, c.skin(), 2.2);
        }
    }
}
