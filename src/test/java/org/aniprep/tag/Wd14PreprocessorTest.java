package org.aniprep.tag;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class Wd14PreprocessorTest {
    private static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));

    @Test
    void padsWhiteKeepsSizeAndReversesToBgr() {
        // 2x1: red, blue → padded to 2x2 with a white bottom row (top = (2-1)/2 = 0); already size 2, no resize
        RgbImage img = new RgbImage(2, 1, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255});
        float[] t = Wd14Preprocessor.toTensor(img, 2);
        assertThat(t).containsExactly(
                0, 0, 255, 255, 0, 0,
                255, 255, 255, 255, 255, 255);
    }

    @Test
    void matchesThePillowReferenceTensor() throws Exception {
        ImageLoader loader = new ImageLoader();
        for (String name : new String[] {"eileen_happy", "concert1"}) {
            RgbImage src = loader.load(SHARED.resolve("testdata/anime/" + name + ".png"));
            RgbImage ref = loader.load(SHARED.resolve("testdata/vectors/wd14_" + name + "_448.png"));
            float[] t = Wd14Preprocessor.toTensor(src, 448);
            assertThat(t).hasSize(448 * 448 * 3);
            int maxDiff = 0;
            for (int i = 0; i < 448 * 448; i++) {
                for (int c = 0; c < 3; c++) {
                    int expected = ref.rgb()[i * 3 + (2 - c)] & 0xff;
                    maxDiff = Math.max(maxDiff, (int) Math.abs(t[i * 3 + c] - expected));
                }
            }
            assertThat(maxDiff).as(name).isZero();
        }
    }
}
