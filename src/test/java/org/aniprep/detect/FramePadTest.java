package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FramePadTest {
    @Test
    void theBorderRepeatsTheNearestEdgePixel() {
        RgbImage img = new RgbImage(2, 1, new byte[]{10, 20, 30, 40, 50, 60});
        RgbImage p = FramePad.replicate(img, 2);
        assertThat(p.width()).isEqualTo(6);
        assertThat(p.height()).isEqualTo(5);
        for (int y = 0; y < 5; y++) {
            assertThat(p.get(0, y, 0)).isEqualTo(10);
            assertThat(p.get(2, y, 1)).isEqualTo(20);
            assertThat(p.get(3, y, 2)).isEqualTo(60);
            assertThat(p.get(5, y, 0)).isEqualTo(40);
        }
    }

    @Test
    void aBoxMostlyOutsideTheFrameIsDropped() {
        BoxFit none = BoxFit.NONE;
        assertThat(none.applyInside(new Detection(-30, 10, 10, 50, "face", 1), 100, 100, 0.5)).isNull();
        assertThat(none.applyInside(new Detection(-10, 10, 30, 50, "face", 1), 100, 100, 0.5))
                .isEqualTo(new Detection(0, 10, 30, 50, "face", 1));
    }
}
