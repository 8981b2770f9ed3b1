package org.aniprep.character;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** CCIP's input tensor reproduces shared/testdata/vectors/ccip_*_384.png (Pillow BILINEAR stretch), normalised with CLIP mean/std. */
class CcipPreprocessorTest {
    private static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    @ParameterizedTest
    @ValueSource(strings = {"eileen_happy", "concert1"})
    void tensorMatchesTheReferenceVector(String name) throws Exception {
        ImageLoader loader = new ImageLoader();
        RgbImage src = loader.load(SHARED.resolve("testdata/anime/" + name + ".png"));
        RgbImage expected = loader.load(SHARED.resolve("testdata/vectors/ccip_" + name + "_384.png"));
        CcipPreprocessor p = new CcipPreprocessor(ModelRegistry.require(CcipModels.DEFAULT_ID));

        float[] t = p.tensor(src);

        assertThat(t).hasSize(3 * 384 * 384);
        int plane = 384 * 384;
        double worst = 0;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                double want = ((expected.rgb()[i * 3 + c] & 0xff) / 255.0 - MEAN[c]) / STD[c];
                worst = Math.max(worst, Math.abs(t[c * plane + i] - want));
            }
        }
        // within one 8-bit step of the Pillow output
        assertThat(worst).isLessThanOrEqualTo(1 / 255.0 / 0.26 + 1e-5);
    }
}
