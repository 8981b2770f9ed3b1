package org.aniprep.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageLoaderTest {
    @TempDir
    Path dir;

    private final ImageLoader loader = new ImageLoader();

    @Test
    void alphaOnWhiteFollowsPillowFixedPointArithmetic() {
        // hand-computed with Pillow's AlphaComposite.c (PRECISION_BITS 7) for a white opaque background
        assertThat(ImageLoader.onWhite(0, 128)).isEqualTo(127);
        assertThat(ImageLoader.onWhite(0, 255)).isEqualTo(0);
        assertThat(ImageLoader.onWhite(200, 0)).isEqualTo(255);
        assertThat(ImageLoader.onWhite(0, 1)).isEqualTo(254);
        assertThat(ImageLoader.onWhite(100, 200)).isEqualTo(133);
    }

    @Test
    void rgbaSpriteIsCompositedOntoWhite() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x00123456);
        img.setRGB(1, 0, 0xFF102030);
        img.setRGB(2, 0, 0x80000000);
        Path f = dir.resolve("sprite.png");
        ImageIO.write(img, "png", f.toFile());
        RgbImage rgb = loader.load(f);
        assertThat(new int[]{rgb.get(0, 0, 0), rgb.get(0, 0, 1), rgb.get(0, 0, 2)}).containsExactly(255, 255, 255);
        assertThat(new int[]{rgb.get(1, 0, 0), rgb.get(1, 0, 1), rgb.get(1, 0, 2)}).containsExactly(0x10, 0x20, 0x30);
        assertThat(rgb.get(2, 0, 0)).isEqualTo(127);
    }

    @Test
    void greyAndSixteenBitImagesKeepTheirValues() throws IOException {
        BufferedImage grey = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 4, 0, 100);
        Path g = dir.resolve("grey.png");
        ImageIO.write(grey, "png", g.toFile());
        RgbImage a = loader.load(g);
        assertThat(new int[]{a.get(3, 4, 0), a.get(3, 4, 1), a.get(3, 4, 2)}).containsExactly(100, 100, 100);

        BufferedImage deep = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = deep.getRaster();
        r.setSample(1, 1, 0, 65535);
        r.setSample(2, 1, 0, 257 * 40);
        Path d = dir.resolve("deep.png");
        ImageIO.write(deep, "png", d.toFile());
        RgbImage b = loader.load(d);
        assertThat(b.get(1, 1, 0)).isEqualTo(255);
        assertThat(b.get(2, 1, 2)).isEqualTo(40);
    }

    @Test
    void badFilesFailWithAClearReason() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertThatThrownBy(() -> loader.load(empty)).hasMessageContaining("empty");

        Path text = dir.resolve("notes.png");
        Files.writeString(text, "this is not an image");
        assertThatThrownBy(() -> loader.load(text)).isInstanceOf(ImageLoadException.class).hasMessageContaining("not an image");

        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 64; i++) {
            img.setRGB(i, i, 0xFFFFFF * (i % 2));
        }
        Path png = dir.resolve("whole.png");
        ImageIO.write(img, "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> loader.load(cut)).isInstanceOf(ImageLoadException.class);

        Path jpg = dir.resolve("whole.jpg");
        ImageIO.write(img, "jpg", jpg.toFile());
        byte[] jb = Files.readAllBytes(jpg);
        Path cutJpg = dir.resolve("cut.jpg");
        Files.write(cutJpg, Arrays.copyOf(jb, jb.length * 2 / 3));
        assertThatThrownBy(() -> loader.load(cutJpg)).isInstanceOf(ImageLoadException.class);
    }

    @Test
    void tinyAndHugeImagesAreRefusedBeforeDecoding() throws IOException {
        Path tiny = dir.resolve("tiny.png");
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", tiny.toFile());
        assertThatThrownBy(() -> loader.load(tiny)).hasMessageContaining("too small");

        Path huge = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY), "png", huge.toFile());
        assertThatThrownBy(() -> loader.load(huge)).hasMessageContaining("too large").hasMessageContaining("10000x10000");
    }
}
