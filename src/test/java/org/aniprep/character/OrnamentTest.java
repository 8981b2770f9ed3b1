package org.aniprep.character;

import org.aniprep.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Colours worn in the hair (issue 19): a band's share of the region above the eyes, and what is not an ornament. */
class OrnamentTest {
    private static final int SIZE = 400;
    /** The face box: the region is x 100–300, y 60–160 (0.5 w to each side, 0.9 h above the top, 0.1 h below it). */
    private static final FaceBox FACE = new FaceBox("face", 0, 150, 150, 250, 250);
    private static final int[] RED_HAIR = {200, 50, 60};
    private static final int[] BLACK_HAIR = {20, 20, 30};
    private static final int[] BLUE = {0x40, 0xa0, 0xe0};
    private static final int[] YELLOW = {0xf0, 0xd0, 0x40};
    /**
     * A band on the region's 48 × 26 sampling grid: pixels x 129–269, y 98–109 are exactly its columns 7–40 and
     * rows 10–12 (cells 4.17 × 3.85 px from x 100, y 60), so no cell mixes it with the hair.
     */
    private static final int[] BAND = {129, 98, 270, 110};
    private static final double BAND_SHARE = 34.0 * 3 / (48 * 26);

    private static final class Canvas {
        final byte[] rgb = new byte[SIZE * SIZE * 3];

        Canvas() {
            fill(0, 0, SIZE, SIZE, new int[] {235, 235, 240});
        }

        Canvas fill(int x0, int y0, int x1, int y1, int[] c) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    for (int k = 0; k < 3; k++) {
                        rgb[(y * SIZE + x) * 3 + k] = (byte) c[k];
                    }
                }
            }
            return this;
        }

        RgbImage image() {
            return new RgbImage(SIZE, SIZE, rgb);
        }
    }

    private static ColourMode mode(int[] c) {
        float[] lab = new float[3];
        OkLab.fromSrgb(c[0], c[1], c[2], lab, 0);
        return new ColourMode(lab[0], lab[1], lab[2], 0.5);
    }

    private static double total(float[] h) {
        double s = 0;
        for (float v : h) {
            s += v;
        }
        return s;
    }

    private static float[] banded(int[] hair, int[] band) {
        Canvas c = new Canvas().fill(100, 60, 300, 170, hair).fill(BAND[0], BAND[1], BAND[2], BAND[3], band);
        return Ornament.of(c.image(), FACE, mode(hair));
    }

    @Test
    void aBandAcrossTheHairCountsItsShareOfTheRegionInOneHue() {
        float[] h = banded(RED_HAIR, BLUE);
        assertThat(total(h)).isCloseTo(BAND_SHARE, within(1e-6));
        double largest = 0;
        for (float v : h) {
            largest = Math.max(largest, v);
        }
        assertThat(largest).isCloseTo(BAND_SHARE, within(1e-6));
    }

    @Test
    void aClipOfTheHairsOwnColourIsNoOrnament() {
        assertThat(total(banded(RED_HAIR, new int[] {224, 60, 74}))).isZero();
    }

    @Test
    void aColourOutsideTheHairIsNoOrnament() {
        Canvas c = new Canvas().fill(150, 60, 250, 170, RED_HAIR).fill(100, 98, 129, 110, BLUE);
        assertThat(total(Ornament.of(c.image(), FACE, mode(RED_HAIR)))).isZero();
    }

    @Test
    void onBlackHairEverySaturatedColourCounts() {
        assertThat(total(banded(BLACK_HAIR, BLUE))).isCloseTo(BAND_SHARE, within(1e-6));
        assertThat(total(banded(BLACK_HAIR, YELLOW))).isCloseTo(BAND_SHARE, within(1e-6));
    }

    @Test
    void theDistanceIsZeroForOneDesignAndBothSharesForHuesFarApart() {
        float[] blue = banded(RED_HAIR, BLUE);
        float[] yellow = banded(RED_HAIR, YELLOW);
        assertThat(Ornament.distance(blue, 0, banded(RED_HAIR, BLUE), 0)).isZero();
        // blue (hue ≈ −120°) and yellow (≈ +100°) lie three bins apart, so their spread histograms do not overlap
        assertThat(Ornament.distance(blue, 0, yellow, 0)).isCloseTo(total(blue) + total(yellow), within(1e-6));
        float[] none = Ornament.of(new Canvas().fill(100, 60, 300, 170, RED_HAIR).image(), FACE, mode(RED_HAIR));
        assertThat(Ornament.distance(blue, 0, none, 0)).isCloseTo(total(blue), within(1e-6));
    }
}
