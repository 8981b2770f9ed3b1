package org.aniprep.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference preprocessing images of shared/testdata/vectors (made with Pillow 9.4.0, see its
 * README), reproduced from the original pictures through ImageLoader + PillowResize.
 */
class PillowVectorsTest {
    private static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    private static final ImageLoader LOADER = new ImageLoader();

    @ParameterizedTest
    @CsvSource({
            "eileen_happy, wd14, 448",
            "concert1, wd14, 448",
            "eileen_happy, yolo, 640",
            "concert1, yolo, 640",
            "eileen_happy, ccip, 384",
            "concert1, ccip, 384",
    })
    void matchesPillow(String name, String recipe, int size) throws Exception {
        RgbImage src = LOADER.load(SHARED.resolve("testdata/anime/" + name + ".png"));
        RgbImage actual = switch (recipe) {
            case "wd14" -> PillowResize.resize(ImageOps.padToWhiteSquare(src), size, size, ResampleFilter.BICUBIC);
            case "yolo" -> PillowResize.resize(src, size, size, ResampleFilter.BICUBIC);
            default -> PillowResize.resize(src, size, size, ResampleFilter.BILINEAR);
        };
        RgbImage expected = LOADER.load(SHARED.resolve("testdata/vectors/" + recipe + "_" + name + "_" + size + ".png"));

        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        int max = 0;
        long sum = 0;
        long differing = 0;
        for (int i = 0; i < actual.rgb().length; i++) {
            int d = Math.abs((actual.rgb()[i] & 0xff) - (expected.rgb()[i] & 0xff));
            max = Math.max(max, d);
            sum += d;
            differing += d == 0 ? 0 : 1;
        }
        System.out.printf("%s_%s_%d: max abs diff %d, mean %.6f, %d of %d values differ%n",
                recipe, name, size, max, (double) sum / actual.rgb().length, differing, actual.rgb().length);
        assertThat(max).as("max abs difference per channel value").isLessThanOrEqualTo(1);
    }
}
