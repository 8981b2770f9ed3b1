package org.aniprep.filter;

import org.aniprep.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextPreprocessorTest {
    private final TextPreprocessor pre = new TextPreprocessor(TextModels.SPEC);

    @Test
    void sizesFollowPaddleOcrsLimitAndRounding() {
        // 1080 * 0.5 = 540 -> 540/32 = 16.875 -> 17 * 32
        assertThat(pre.inputSize(1920, 1080)).containsExactly(960, 544);
        // not shrunk (longer side under 960); 360/32 = 11.25 -> 11 * 32
        assertThat(pre.inputSize(640, 360)).containsExactly(640, 352);
        // 720x480 DVD frames: 720/32 = 22.5 rounds half to even -> 22; 480/32 = 15
        assertThat(pre.inputSize(720, 480)).containsExactly(704, 480);
        // Python's round: 16.5 -> 16 (half to even); 528 / 32 = 16.5
        assertThat(pre.inputSize(528, 100)).containsExactly(512, 96);
        assertThat(pre.inputSize(10, 10)).containsExactly(32, 32);
        // portrait: the height is the longer side
        assertThat(pre.inputSize(1080, 1920)).containsExactly(544, 960);
    }

    @Test
    void tensorIsBgrChwNormalisedWithImagenetStatistics() {
        RgbImage px = RgbImage.blank(2, 1, 255, 128, 0);
        float[] t = pre.tensor(px);
        assertThat(t).hasSize(6);
        // channel 0 is blue (0), 1 green (128), 2 red (255)
        assertThat((double) t[0]).isCloseTo((0 / 255.0 - 0.485) / 0.229, within(1e-5));
        assertThat((double) t[2]).isCloseTo((128 / 255.0 - 0.456) / 0.224, within(1e-5));
        assertThat((double) t[5]).isCloseTo((255 / 255.0 - 0.406) / 0.225, within(1e-5));
    }
}
