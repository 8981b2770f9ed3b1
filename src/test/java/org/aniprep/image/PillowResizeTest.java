package org.aniprep.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-computed cases: each expected value is worked out in the comment from Pillow's algorithm. */
class PillowResizeTest {

    private static RgbImage greyRow(int... values) {
        byte[] px = new byte[values.length * 3];
        for (int i = 0; i < values.length; i++) {
            px[i * 3] = px[i * 3 + 1] = px[i * 3 + 2] = (byte) values[i];
        }
        return new RgbImage(values.length, 1, px);
    }

    private static int[] row(RgbImage img, int channel) {
        int[] out = new int[img.width()];
        for (int x = 0; x < img.width(); x++) {
            out[x] = img.get(x, 0, channel);
        }
        return out;
    }

    @Test
    void bilinearHalvingUsesTheWidenedTriangle() {
        // scale 2 → support 2. Output 0: centre 1.0, taps x=0..2 at distances -.25,.25,.75 (÷2 → 0.75,
        // 0.75, 0.25 weights) → (3·10 + 3·20 + 1·30)/7 = 17.14 → 17. Output 1: centre 3.0, taps 1..3
        // weights 1,3,3 → (20 + 90 + 120)/7 = 32.86 → 33. Not the naive pair averages 15 and 35.
        RgbImage out = PillowResize.resize(greyRow(10, 20, 30, 40), 2, 1, ResampleFilter.BILINEAR);
        assertThat(row(out, 0)).containsExactly(17, 33);
        assertThat(row(out, 2)).containsExactly(17, 33);
    }

    @Test
    void bilinearDoublingInterpolatesBetweenCentres() {
        // scale 0.5, support 1: centres .25, .75, 1.25, 1.75 → 0, 0·.75+100·.25, 0·.25+100·.75, 100
        RgbImage out = PillowResize.resize(greyRow(0, 100), 4, 1, ResampleFilter.BILINEAR);
        assertThat(row(out, 1)).containsExactly(0, 25, 75, 100);
    }

    @Test
    void bicubicDoublingOvershootsAndClips() {
        // scale .5, support 2, but only inputs 0 and 1 exist, so each output has two taps.
        // k(.25) = 0.8671875, k(.75) = 0.2265625, k(1.25) = -0.0703125 (a = -0.5).
        // out0: centre .25 → (0·k(.25) + 200·k(1.25)) / 0.796875 = -17.6 → clipped to 0
        // out1: centre .75 → 200·k(.75) / 1.09375 = 41.4 → 41;  out2 → 200·k(.25)/1.09375 = 158.6 → 159
        // out3: centre 1.75 → 200·k(.25) / 0.796875 = 217.6 → 218 (overshoot kept, only clipped at 255)
        RgbImage out = PillowResize.resize(greyRow(0, 200), 4, 1, ResampleFilter.BICUBIC);
        assertThat(row(out, 0)).containsExactly(0, 41, 159, 218);
    }

    @Test
    void bicubicOfAFlatImageIsFlat() {
        RgbImage flat = RgbImage.blank(37, 23, 200, 17, 90);
        RgbImage out = PillowResize.resize(flat, 11, 40, ResampleFilter.BICUBIC);
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                assertThat(new int[] {out.get(x, y, 0), out.get(x, y, 1), out.get(x, y, 2)}).containsExactly(200, 17, 90);
            }
        }
    }

    @Test
    void lanczosOfAFlatImageIsFlat() {
        RgbImage out = PillowResize.resize(RgbImage.blank(50, 9, 3, 128, 255), 7, 30, ResampleFilter.LANCZOS);
        assertThat(out.get(3, 15, 0)).isEqualTo(3);
        assertThat(out.get(3, 15, 1)).isEqualTo(128);
        assertThat(out.get(3, 15, 2)).isEqualTo(255);
    }

    @Test
    void nearestSamplesPixelCentres() {
        // x_in = floor((x + .5) · 4/2) = 1, 3
        assertThat(row(PillowResize.resize(greyRow(10, 20, 30, 40), 2, 1, ResampleFilter.NEAREST), 0))
                .containsExactly(20, 40);
        // x_in = floor((x + .5) · 2/5) = 0, 0, 1, 1, 1
        assertThat(row(PillowResize.resize(greyRow(10, 20), 5, 1, ResampleFilter.NEAREST), 0))
                .containsExactly(10, 10, 20, 20, 20);
    }

    @Test
    void verticalPassMatchesHorizontalOnTransposedInput() {
        byte[] col = new byte[4 * 3];
        int[] v = {10, 20, 30, 40};
        for (int i = 0; i < 4; i++) {
            col[i * 3] = col[i * 3 + 1] = col[i * 3 + 2] = (byte) v[i];
        }
        RgbImage out = PillowResize.resize(new RgbImage(1, 4, col), 1, 2, ResampleFilter.BILINEAR);
        assertThat(new int[] {out.get(0, 0, 0), out.get(0, 1, 0)}).containsExactly(17, 33);
    }

    @Test
    void sameSizeIsACopy() {
        RgbImage img = greyRow(1, 2, 3);
        RgbImage out = PillowResize.resize(img, 3, 1, ResampleFilter.BICUBIC);
        assertThat(out.rgb()).isEqualTo(img.rgb()).isNotSameAs(img.rgb());
    }

    @Test
    void padCentresWithFloorOnTheLeftAndTop() {
        RgbImage tall = greyRow(7).crop(0, 0, 1, 1);
        RgbImage wide = PillowResize.resize(tall, 2, 1, ResampleFilter.NEAREST);
        RgbImage sq = ImageOps.padToWhiteSquare(wide);
        // 2x1 → 2x2: top = (2-1)/2 = 0, so the image row stays on top and the white row goes below
        assertThat(sq.width()).isEqualTo(2);
        assertThat(sq.get(0, 0, 0)).isEqualTo(7);
        assertThat(sq.get(1, 1, 0)).isEqualTo(255);
        RgbImage narrow = new RgbImage(1, 3, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        RgbImage sq3 = ImageOps.padToWhiteSquare(narrow);
        // 1x3 → 3x3, left = 1
        assertThat(sq3.get(0, 1, 0)).isEqualTo(255);
        assertThat(sq3.get(1, 1, 0)).isEqualTo(4);
        assertThat(sq3.get(2, 2, 2)).isEqualTo(255);
    }
}
