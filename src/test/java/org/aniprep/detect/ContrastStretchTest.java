package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContrastStretchTest {
    /** A horizontal ramp from {@code lo} to {@code hi} in every channel (blue scaled by {@code blue}). */
    static RgbImage ramp(int lo, int hi, double blue) {
        int w = 256;
        byte[] px = new byte[w * 4 * 3];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < w; x++) {
                int v = lo + (hi - lo) * x / (w - 1);
                int i = (y * w + x) * 3;
                px[i] = (byte) v;
                px[i + 1] = (byte) v;
                px[i + 2] = (byte) Math.min(255, Math.round(v * blue));
            }
        }
        return new RgbImage(w, 4, px);
    }

    @Test
    void aFullRangeFrameIsLeftAsItIs() {
        RgbImage img = ramp(0, 255, 1);
        assertThat(ContrastStretch.range(img)).isGreaterThan(240);
        assertThat(ContrastStretch.apply(img, 160)).isSameAs(img);
    }

    @Test
    void aWashedOutFrameIsStretchedToTheFullRangeChannelByChannel() {
        RgbImage img = ramp(110, 250, 0.6);
        assertThat(ContrastStretch.range(img)).isBetween(120, 145);
        RgbImage out = ContrastStretch.apply(img, 160);
        for (int c = 0; c < 3; c++) {
            assertThat(out.get(0, 0, c)).as("channel %d low end", c).isLessThanOrEqualTo(3);
            assertThat(out.get(255, 0, c)).as("channel %d high end", c).isGreaterThanOrEqualTo(252);
        }
        // the blue cast is gone: the middle is grey again
        assertThat(Math.abs(out.get(128, 0, 2) - out.get(128, 0, 0))).isLessThanOrEqualTo(3);
        assertThat(ContrastStretch.apply(img, 0)).isSameAs(img);
    }
}
