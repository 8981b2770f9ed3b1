package org.aniprep.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The direct byte-array path of ImageLoader.toRgb gives what the per-pixel ARGB route gives. */
class ImageLoaderFastPathTest {

    @Test
    void interleavedByteImagesMatchThePerPixelRoute() {
        Random r = new Random(3);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage img = new BufferedImage(37, 19, type);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, r.nextInt());
                }
            }
            RgbImage fast = ImageLoader.toRgb(img);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int argb = img.getRGB(x, y);
                    int a = type == BufferedImage.TYPE_3BYTE_BGR ? 255 : argb >>> 24;
                    int[] want = {argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff};
                    for (int c = 0; c < 3; c++) {
                        int expected = a == 255 ? want[c] : ImageLoader.onWhite(want[c], a);
                        assertThat(fast.get(x, y, c)).as("type %d at %d,%d ch %d", type, x, y, c).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
