package org.aniprep.image;

import org.aniprep.testing.AnimeScenes;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenCV thumbnail the report pages use looks like the exact area average. */
class ThumbnailsTest {
    @Test
    void fitFastIsTheAreaAverageUpToRounding() throws IOException {
        for (String name : new String[]{"concert1.png", "eileen_happy.png", "bg_cave.jpg"}) {
            RgbImage art = new ImageLoader().load(AnimeScenes.artDir().resolve(name));
            RgbImage exact = Thumbnails.fit(art, 256, 256);
            RgbImage fast = Thumbnails.fitFast(art, 256, 256);
            assertThat(fast.width()).isEqualTo(exact.width());
            assertThat(fast.height()).isEqualTo(exact.height());
            long sum = 0;
            int max = 0;
            for (int i = 0; i < exact.rgb().length; i++) {
                int d = Math.abs((exact.rgb()[i] & 0xff) - (fast.rgb()[i] & 0xff));
                sum += d;
                max = Math.max(max, d);
            }
            // cells of a non-integer ratio are weighted by overlap in OpenCV and by whole pixels in fit
            assertThat(sum / (double) exact.rgb().length).as(name + " mean difference").isLessThan(2.0);
            assertThat(max).as(name).isLessThan(96);
        }
    }

    @Test
    void smallImagesComeBackAsTheyAre() {
        RgbImage small = new RgbImage(10, 5, new byte[150]);
        assertThat(Thumbnails.fitFast(small, 256, 256)).isSameAs(small);
    }
}
