package org.aniprep.character;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The notches in the sides of the hair (issue 19): a smooth head has none, a spiky one has, a background of the hair's colour says nothing. */
class HairOutlineTest {
    private static final int SIZE = 400;
    /** The region is x 100–300, y 40–160 (0.5 w each side, 1.1 h above the top, 0.1 h below it). */
    private static final FaceBox FACE = new FaceBox("face", 0, 150, 150, 250, 250);
    private static final Color HAIR = new Color(200, 50, 60);
    private static final Color WALL = new Color(235, 235, 240);

    private static ColourMode mode(Color c) {
        float[] lab = new float[3];
        OkLab.fromSrgb(c.getRed(), c.getGreen(), c.getBlue(), lab, 0);
        return new ColourMode(lab[0], lab[1], lab[2], 0.5);
    }

    private static final int LEFT = 1;
    private static final int RIGHT = 2;
    private static final int BOTH = LEFT | RIGHT;

    /** A round head of hair (x 130–270, y 60–200) on a wall, with {@code notches} triangles 30 px deep cut into the {@code sides} named. */
    private static RgbImage head(Color wall, int notches, int sides) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(wall);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(HAIR);
        g.fillOval(130, 60, 140, 140);
        g.setColor(wall);
        for (int k = 0; k < notches; k++) {
            int y = 80 + 30 * k;
            int[] ys = {y - 12, y, y + 12};
            if ((sides & LEFT) != 0) {
                g.fillPolygon(new Polygon(new int[] {125, 160, 125}, ys, 3));
            }
            if ((sides & RIGHT) != 0) {
                g.fillPolygon(new Polygon(new int[] {275, 240, 275}, ys, 3));
            }
        }
        g.dispose();
        return ImageLoader.toRgb(img);
    }

    private static float outline(RgbImage img) {
        return HairOutline.of(img, FACE, mode(HAIR))[0];
    }

    @Test
    void theGapOfAnOutlineIsItsMeanDepthBeyondItsConvexEnvelope() {
        assertThat(HairOutline.gap(new int[] {4, 2, 1, 2, 4})).isZero();
        assertThat(HairOutline.gap(new int[] {0, 3, 0})).isCloseTo(1.0, within(1e-9));
        // a line that meets no hair is skipped; the envelope runs from 2 to 2 under the 5
        assertThat(HairOutline.gap(new int[] {2, -1, 5, 2})).isCloseTo(1.0, within(1e-9));
        assertThat(HairOutline.gap(new int[] {3, 1})).isZero();
    }

    @Test
    void aRoundHeadHasNoNotchesAndANotchedOneHas() {
        float round = outline(head(WALL, 0, BOTH));
        float notched = outline(head(WALL, 3, BOTH));
        assertThat(round).isBetween(0f, 0.005f);
        assertThat(notched).isGreaterThan(0.02f);
        assertThat(HairOutline.distance(new float[] {notched}, 0, new float[] {round}, 0)).isGreaterThan(0.015);
    }

    @Test
    void notchesOnTheOtherSideGiveTheSameOutline() {
        assertThat(outline(head(WALL, 3, RIGHT))).isCloseTo(outline(head(WALL, 3, LEFT)), within(0.003f));
    }

    @Test
    void aBackgroundOfTheHairsColourLeavesTheOutlineUnknownAndIsNoEvidence() {
        float unknown = outline(head(new Color(205, 55, 62), 3, BOTH));
        assertThat(unknown).isEqualTo(HairOutline.UNKNOWN);
        float notched = outline(head(WALL, 3, BOTH));
        assertThat(HairOutline.distance(new float[] {unknown}, 0, new float[] {notched}, 0)).isZero();
    }
}
