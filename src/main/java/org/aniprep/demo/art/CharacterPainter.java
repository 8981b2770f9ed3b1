package org.aniprep.demo.art;

import java.awt.Graphics2D;

/**
 * Draws a demo character at any size and place, in layers: back hair, body, face, front hair. All
 * parts are drawn in head coordinates (head centre at 0,0, face 104 units wide) and scaled here.
 */
public final class CharacterPainter {
    /** Top of the highest hair (spiky) and bottom of the shoes, in head units. */
    public static final double TOP = -112;
    public static final double BOTTOM = 722;
    /** Face width in head units. */
    public static final double FACE_WIDTH = 104;

    private CharacterPainter() {
    }

    /**
     * Draws the character with the centre of the head at (headX, headY) and the face
     * {@code faceWidth} pixels wide (the full figure is about 8 face widths tall); parts outside
     * the canvas are clipped, so close-ups are just a large face width.
     */
    public static void paint(Graphics2D g, CharacterDesign c, Pose pose, double headX, double headY, double faceWidth) {
        Graphics2D h = (Graphics2D) g.create();
        try {
            h.translate(headX, headY);
            double s = faceWidth / FACE_WIDTH;
            h.scale(s, s);
            HairPainter.back(h, c);
            BodyPainter.paint(h, c);
            FacePainter.ears(h, c.skin());
            FacePainter.face(h, c.skin(), HairPainter.bangsShadow(c.hair()));
            FacePainter.features(h, c, pose);
            HairPainter.front(h, c);
            FacePainter.brows(h, c.hairColor());
        } finally {
            h.dispose();
        }
    }

    /** Draws the whole figure standing with its feet at {@code feetY}, {@code height} pixels tall. */
    public static void standing(Graphics2D g, CharacterDesign c, Pose pose, double centerX, double feetY, double height) {
        double unit = height / (BOTTOM - TOP);
        paint(g, c, pose, centerX, feetY - BOTTOM * unit, FACE_WIDTH * unit);
    }
}
