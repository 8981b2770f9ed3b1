package org.aniprep.demo.art;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Draws a face in head coordinates: centre of the head at (0, 0), face ±52 wide, chin at y = 66.
 * Big eyes (a third of the face height) with two highlights, a tiny nose, a small mouth: the
 * proportions that make a face read as anime to people and to anime face detectors alike.
 */
final class FacePainter {
    static final double EYE_X = 25;
    static final double EYE_Y = 17;
    private static final double EYE_SCALE = 1.12;

    private FacePainter() {
    }

    static Shape faceShape() {
        Path2D p = new Path2D.Double();
        p.moveTo(-52, -30);
        p.lineTo(-52, 8);
        p.curveTo(-50, 36, -24, 57, 0, 66);
        p.curveTo(24, 57, 50, 36, 52, 8);
        p.lineTo(52, -30);
        p.curveTo(52, -86, -52, -86, -52, -30);
        p.closePath();
        return p;
    }

    static void ears(Graphics2D g, Color skin) {
        for (int side = -1; side <= 1; side += 2) {
            Path2D ear = new Path2D.Double();
            ear.moveTo(side * 50, 2);
            ear.curveTo(side * 64, -6, side * 66, 20, side * 50, 34);
            ear.closePath();
            Ink.cel(g, ear, skin, 2.2);
            Ink.outline(g, Ink.quad(side * 53, 10, side * 60, 16, side * 53, 26), 1.4, Ink.shade(skin, 0.7));
        }
    }

    /** Face fill and outline, with the shadow the bangs cast on the forehead. */
    static void face(Graphics2D g, Color skin, Shape bangsShadow) {
        Shape face = faceShape();
        Ink.fill(g, face, skin);
        Ink.within(g, face, bangsShadow, Ink.shade(skin, 0.86));
        // cheek and jaw shadow on the side away from the light (light comes from the upper left)
        Path2D jaw = new Path2D.Double();
        jaw.moveTo(52, 0);
        jaw.curveTo(46, 34, 26, 54, 0, 66);
        jaw.lineTo(12, 66);
        jaw.curveTo(40, 52, 56, 30, 56, 0);
        jaw.closePath();
        Ink.within(g, face, jaw, Ink.shade(skin, 0.86));
        Ink.outline(g, face, 2.6);
    }

    static void features(Graphics2D g, CharacterDesign c, Pose pose) {
        blush(g);
        eye(g, -EYE_X, c.eyeColor(), pose.eyesOpen(), false);
        eye(g, EYE_X, c.eyeColor(), pose.eyesOpen(), true);
        Ink.outline(g, Ink.quad(2, 40, 4, 43, 1, 45), 1.6, Ink.shade(c.skin(), 0.55));
        mouth(g, pose.mouthOpen());
    }

    static void brows(Graphics2D g, Color hair) {
        Color brow = Ink.shade(hair, 0.6);
        Ink.outline(g, Ink.quad(-38, -10, -27, -18, -14, -13), 2.4, brow);
        Ink.outline(g, Ink.quad(38, -10, 27, -18, 14, -13), 2.4, brow);
    }

    private static void blush(Graphics2D g) {
        Color pink = new Color(0xff, 0x8a, 0x9a, 90);
        Ink.fill(g, Ink.ellipse(-33, 39, 18, 7), pink);
        Ink.fill(g, Ink.ellipse(33, 39, 18, 7), pink);
        Color hatch = new Color(0xe8, 0x60, 0x78, 150);
        for (int side = -1; side <= 1; side += 2) {
            for (int k = 0; k < 3; k++) {
                double x = side * 33 + (k - 1) * 5;
                Ink.outline(g, Ink.quad(x + 1.5, 36.5, x + 0.5, 39, x - 1.5, 41.5), 1.0, hatch);
            }
        }
    }

    /**
     * One eye centred at (cx, EYE_Y). Drawn for the left eye (outer corner to the left) and
     * mirrored for the right; highlights are not mirrored, the light comes from one side.
     */
    private static void eye(Graphics2D g, double cx, Color iris, boolean open, boolean mirror) {
        Graphics2D e = (Graphics2D) g.create();
        e.translate(cx, EYE_Y);
        e.scale(EYE_SCALE, EYE_SCALE);
        if (mirror) {
            e.scale(-1, 1);
        }
        if (!open) {
            closedEye(e);
            e.dispose();
            return;
        }
        Path2D white = new Path2D.Double();
        white.moveTo(13, -8);
        white.curveTo(8, -17, -10, -20, -18, -6);
        white.curveTo(-19, 4, -14, 18, -2, 19);
        white.curveTo(6, 19, 12, 8, 13, -8);
        white.closePath();
        Ink.fill(e, white, Color.WHITE);
        // shadow of the upper lid on the white
        Ink.within(e, white, Ink.ellipse(-3, -14, 40, 16), new Color(0xc8, 0xcc, 0xe6));

        Shape irisShape = Ink.ellipse(-2.5, 1, 25, 37);
        Area irisArea = new Area(irisShape);
        irisArea.intersect(new Area(white));
        Ink.fill(e, irisArea, iris);
        Ink.within(e, irisArea, new Rectangle2D.Double(-20, -20, 40, 16), Ink.shade(iris, 0.62));
        Ink.within(e, irisArea, Ink.ellipse(-2.5, 15, 18, 10), Ink.tint(iris, 0.45));
        Ink.fill(e, Ink.ellipse(-2.5, 3, 10, 16), Ink.shade(iris, 0.3));
        Ink.outline(e, irisArea, 1.2, Ink.shade(iris, 0.45));

        Path2D lash = new Path2D.Double();
        lash.moveTo(15, -6);
        lash.curveTo(9, -21, -10, -24, -20, -9);
        lash.lineTo(-25, -2);
        lash.lineTo(-19, -4);
        lash.curveTo(-11, -16, 6, -16, 13, -5);
        lash.closePath();
        Ink.fill(e, lash, Ink.LINE);
        Ink.outline(e, lash, 0.8);
        Ink.outline(e, Ink.quad(-15, 12, -10, 19, -1, 20), 1.6);
        Ink.outline(e, Ink.quad(9, -20, -2, -26, -15, -18), 1.2);
        e.dispose();

        double irisX = cx + (mirror ? 2.5 : -2.5) * EYE_SCALE;
        Ink.fill(g, Ink.ellipse(irisX - 5, EYE_Y - 6, 9, 11), Color.WHITE);
        Ink.fill(g, Ink.ellipse(irisX + 5, EYE_Y + 10, 4.5, 4.5), Color.WHITE);
    }

    private static void closedEye(Graphics2D e) {
        Path2D lid = new Path2D.Double();
        lid.moveTo(-19, 4);
        lid.quadTo(-3, 14, 13, 4);
        lid.quadTo(-3, 10, -19, 4);
        lid.closePath();
        Ink.fill(e, lid, Ink.LINE);
        Ink.outline(e, lid, 2.4);
        Ink.outline(e, Ink.quad(-19, 4, -23, 2, -25, -1), 2.0);
    }

    private static void mouth(Graphics2D g, boolean open) {
        if (!open) {
            Ink.outline(g, Ink.quad(-7, 52, 0, 55.5, 7, 52), 2.0);
            return;
        }
        Path2D m = new Path2D.Double();
        m.moveTo(-6, 51);
        m.quadTo(0, 52.5, 6, 51);
        m.curveTo(5.5, 56, 2.5, 59, 0, 59);
        m.curveTo(-2.5, 59, -5.5, 56, -6, 51);
        m.closePath();
        Ink.fill(g, m, new Color(0xa8, 0x3a, 0x48));
        Ink.within(g, m, Ink.ellipse(0, 59, 9, 6), new Color(0xf0, 0x8c, 0x9a));
        Ink.outline(g, m, 1.8);
    }
}
