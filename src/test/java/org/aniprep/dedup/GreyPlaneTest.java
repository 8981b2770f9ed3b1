package org.aniprep.dedup;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.testing.AnimeScenes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The unrolled Y/Cb/Cr shrink (extract's hot path) gives exactly the general shrink's planes. */
class GreyPlaneTest {
    private static final GreyPlane.Channel[] YCC = {GreyPlane.Channel.LUMA, GreyPlane.Channel.CB, GreyPlane.Channel.CR};

    @Test
    void shrinkYccEqualsTheGeneralShrinkOnRandomPixelsOfManySizes() {
        Random r = new Random(11);
        int[][] sizes = {{1920, 1080}, {1280, 720}, {333, 97}, {40, 40}, {20, 7}, {1, 1}};
        for (int[] s : sizes) {
            byte[] px = new byte[s[0] * s[1] * 3];
            r.nextBytes(px);
            RgbImage img = new RgbImage(s[0], s[1], px);
            assertThat(GreyPlane.shrinkYcc(img, 32, 32)).as("%dx%d", s[0], s[1]).isDeepEqualTo(GreyPlane.shrink(img, YCC, 32, 32));
        }
    }

    @Test
    void shrinkYccEqualsTheGeneralShrinkOnAnimeArt() throws IOException {
        RgbImage art = new ImageLoader().load(AnimeScenes.artDir().resolve("concert1.png"));
        assertThat(GreyPlane.shrinkYcc(art, 32, 32)).isDeepEqualTo(GreyPlane.shrink(art, YCC, 32, 32));
    }
}
