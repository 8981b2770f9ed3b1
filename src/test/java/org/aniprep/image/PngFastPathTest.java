package org.aniprep.image;

import org.aniprep.testing.AnimeScenes;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ImageLoader's OpenCV path for common PNGs gives ImageIO's pixels, and leaves every other PNG to ImageIO. */
class PngFastPathTest {
    @TempDir
    Path dir;

    private final ImageLoader loader = new ImageLoader();

    @Test
    void theSharedArtDecodesToImageIosPixels() throws IOException {
        List<Path> pngs;
        try (Stream<Path> s = Files.list(AnimeScenes.artDir())) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pngs).hasSizeGreaterThanOrEqualTo(5);
        int fast = 0;
        for (Path png : pngs) {
            byte[] bytes = Files.readAllBytes(png);
            PngFastPath.Header h = PngFastPath.header(bytes);
            if (h != null && h.supported()) {
                fast++;
                assertThat(PngFastPath.decode(bytes, h).rgb()).as(png.toString()).isEqualTo(viaImageIo(png).rgb());
            }
            assertThat(loader.load(png).rgb()).as(png.toString()).isEqualTo(viaImageIo(png).rgb());
        }
        assertThat(fast).as("RGBA sprites and RGB CGs take the fast path").isGreaterThanOrEqualTo(5);
    }

    @Test
    void framesWrittenByOpenCvWithEveryFilterDecodeExactly() throws IOException {
        RgbImage art = loader.load(AnimeScenes.artDir().resolve("concert1.png"));
        Mat bgr = OpenCvImages.toBgr(art);
        int[][] settings = {
                {opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 1},
                {opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 1, opencv_imgcodecs.IMWRITE_PNG_STRATEGY, opencv_imgcodecs.IMWRITE_PNG_STRATEGY_RLE,
                        opencv_imgcodecs.IMWRITE_PNG_FILTER, opencv_imgcodecs.IMWRITE_PNG_FILTER_UP},
                {opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 6, opencv_imgcodecs.IMWRITE_PNG_FILTER, opencv_imgcodecs.IMWRITE_PNG_FILTER_PAETH},
        };
        for (int i = 0; i < settings.length; i++) {
            Path f = dir.resolve("frame" + i + ".png");
            try (BytePointer buf = new BytePointer(); IntPointer p = new IntPointer(settings[i])) {
                assertThat(opencv_imgcodecs.imencode(".png", bgr, buf, p)).isTrue();
                byte[] bytes = new byte[(int) buf.limit()];
                buf.get(bytes);
                Files.write(f, bytes);
            }
            assertThat(PngFastPath.header(Files.readAllBytes(f)).supported()).isTrue();
            assertThat(loader.load(f).rgb()).as(Arrays.toString(settings[i])).isEqualTo(art.rgb());
        }
    }

    @Test
    void greyRgbAndRgbaFromImageIoMatch() throws IOException {
        Random r = new Random(5);
        for (int type : new int[]{BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage img = new BufferedImage(61, 23, type);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, r.nextInt());
                }
            }
            Path f = dir.resolve("t" + type + ".png");
            ImageIO.write(img, "png", f.toFile());
            assertThat(PngFastPath.header(Files.readAllBytes(f)).supported()).as("type %d", type).isTrue();
            assertThat(loader.load(f).rgb()).as("type %d", type).isEqualTo(viaImageIo(f).rgb());
        }
    }

    @Test
    void sixteenBitAndPaletteFilesAreLeftToImageIo() throws IOException {
        BufferedImage grey16 = new BufferedImage(20, 10, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(3, 4, 0, 40000);
        BufferedImage palette = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_INDEXED);
        palette.setRGB(2, 2, 0xff3366);
        for (BufferedImage img : List.of(grey16, palette)) {
            Path f = dir.resolve("x" + img.getType() + ".png");
            ImageIO.write(img, "png", f.toFile());
            assertThat(PngFastPath.header(Files.readAllBytes(f)).supported()).isFalse();
            assertThat(loader.load(f).rgb()).isEqualTo(viaImageIo(f).rgb());
        }
    }

    @Test
    void truncatedAndDamagedFilesGetImageIosMessage() throws IOException {
        Path whole = AnimeScenes.artDir().resolve("concert1.png");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(PngFastPath.header(Files.readAllBytes(cut))).isNull();
        assertThatThrownBy(() -> loader.load(cut)).isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("truncated or corrupt");

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x55;
        Path damaged = dir.resolve("damaged.png");
        Files.write(damaged, flipped);
        assertThat(PngFastPath.header(flipped)).as("a checksum that does not match").isNull();
    }

    private static RgbImage viaImageIo(Path f) throws IOException {
        return ImageLoader.toRgb(ImageIO.read(f.toFile()));
    }
}
