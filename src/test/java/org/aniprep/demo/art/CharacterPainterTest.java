package org.aniprep.demo.art;

import org.aniprep.demo.Storyboard;
import org.aniprep.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CharacterPainterTest {
    private static final int SIZE = 256;

    @Test
    void drawingIsDeterministicSoEqualPictureKeysMeanEqualPixels() {
        assertThat(pixels(CharacterDesign.KIIRO, Pose.NEUTRAL)).isEqualTo(pixels(CharacterDesign.KIIRO, Pose.NEUTRAL));
    }

    @Test
    void lipFlapChangesOnlyTheMouth() {
        byte[] closed = pixels(CharacterDesign.AKANE, Pose.NEUTRAL);
        byte[] open = pixels(CharacterDesign.AKANE, Pose.TALKING);
        // head centre at (128, 100), face 100 px wide: the mouth sits about 50 px below the centre
        int minY = SIZE;
        int maxY = 0;
        for (int i = 0; i < closed.length; i += 3) {
            if (closed[i] != open[i] || closed[i + 1] != open[i + 1] || closed[i + 2] != open[i + 2]) {
                int y = i / 3 / SIZE;
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        assertThat(minY).isBetween(140, 160);
        assertThat(maxY).isBetween(150, 170);
    }

    @Test
    void hairColourAndShapeTellTheCastApart() {
        for (CharacterDesign c : CharacterDesign.cast()) {
            RgbImage img = image(c, Pose.NEUTRAL);
            // the top of the head (above the forehead) shows the character's own hair colour
            Color top = new Color(img.get(108, 55, 0), img.get(108, 55, 1), img.get(108, 55, 2));
            assertThat(distance(top, c.hairColor())).as(c.name()).isLessThan(60);
        }
        assertThat(CharacterDesign.cast().stream().map(CharacterDesign::hair).distinct()).hasSize(4);
        byte[][] all = CharacterDesign.cast().stream().map(c -> pixels(c, Pose.NEUTRAL)).toArray(byte[][]::new);
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                assertThat(Arrays.equals(all[i], all[j])).isFalse();
            }
        }
    }

    @Test
    void aWideBackgroundStartsLikeTheNarrowOne() {
        for (Backgrounds.Kind kind : Backgrounds.Kind.values()) {
            BufferedImage narrow = new BufferedImage(320, 180, BufferedImage.TYPE_3BYTE_BGR);
            BufferedImage wide = new BufferedImage(640, 180, BufferedImage.TYPE_3BYTE_BGR);
            Storyboard.paint(narrow, (g, w, h) -> Backgrounds.paint(g, kind, w, h));
            Storyboard.paint(wide, (g, w, h) -> Backgrounds.paint(g, kind, w, h));
            // pans cut a window out of a wide strip; the strip must not rearrange with its width
            int same = 0;
            for (int y = 0; y < 180; y++) {
                for (int x = 0; x < 300; x++) {
                    same += narrow.getRGB(x, y) == wide.getRGB(x, y) ? 1 : 0;
                }
            }
            assertThat(same / (300.0 * 180)).as(kind.name()).isGreaterThan(0.97);
        }
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }

    private static byte[] pixels(CharacterDesign c, Pose pose) {
        return image(c, pose).rgb();
    }

    private static RgbImage image(CharacterDesign c, Pose pose) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        Storyboard.paint(img, (g, w, h) -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            CharacterPainter.paint(g, c, pose, 128, 100, 100);
        });
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return new RgbImage(SIZE, SIZE, rgb);
    }
}
