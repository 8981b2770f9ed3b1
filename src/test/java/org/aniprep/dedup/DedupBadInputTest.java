package org.aniprep.dedup;

import org.aniprep.cli.Main;
import org.aniprep.console.Problems;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.AnimeScenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad files get one line each and are skipped; odd but decodable images (16-bit, grey, alpha, CMYK JPEG)
 * are deduplicated like any other.
 */
class DedupBadInputTest {
    @TempDir
    Path dir;

    @Test
    void eachBadFileIsNamedOnceAndTheRunGoesOn() throws IOException {
        RgbImage scene = AnimeScenes.scene("bg_cave.jpg", 0, AnimeScenes.Actor.at("eileen_happy", 480));
        AnimeScenes.writePng(scene, dir.resolve("a_good.png"));
        AnimeScenes.writeJpeg(scene, dir.resolve("b_good_reencoded.jpg"), 0.6f);
        byte[] png = Files.readAllBytes(dir.resolve("a_good.png"));
        Files.write(dir.resolve("c_truncated.png"), Arrays.copyOf(png, png.length / 3));
        Files.writeString(dir.resolve("d_not_an_image.jpg"), "hello, I am text", StandardCharsets.UTF_8);
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("e_one_pixel.png").toFile());
        Files.write(dir.resolve("f_huge.png"), pngHeaderOnly(10_000, 10_000));
        writeCmykJpeg(dir.resolve("g_cmyk.jpg"));
        Files.write(dir.resolve("h_empty.png"), new byte[0]);
        AnimeScenes.writePng(AnimeScenes.scene("bg_washington.jpg", 0), dir.resolve("i_bad_sidecar.png"));
        Files.writeString(dir.resolve("i_bad_sidecar.json"), "{ not json");
        ImageIO.write(grey16(), "png", dir.resolve("j_grey16.png").toFile());
        ImageIO.write(alphaSprite(), "png", dir.resolve("k_alpha.png").toFile());
        ImageIO.write(greyOf(alphaSprite()), "png", dir.resolve("l_grey8.png").toFile());

        Problems problems = new Problems();
        Dedup.Result result = new Dedup(new DedupOptions(dir, DedupOptions.DEFAULT_HASH_THRESHOLD,
                DedupOptions.Keep.FIRST, DedupOptions.Action.MOVE, null, true), problems).run();

        Map<String, String> byFile = problems.list().stream().collect(Collectors.toMap(
                p -> Path.of(p.file()).getFileName().toString(), Problems.Problem::message));
        assertThat(byFile.keySet()).containsExactlyInAnyOrder("c_truncated.png", "d_not_an_image.jpg",
                "e_one_pixel.png", "f_huge.png", "h_empty.png", "i_bad_sidecar.json");
        assertThat(byFile.get("c_truncated.png")).contains("truncated or corrupt");
        assertThat(byFile.get("d_not_an_image.jpg")).contains("not an image");
        assertThat(byFile.get("e_one_pixel.png")).contains("too small");
        assertThat(byFile.get("f_huge.png")).contains("too large");
        assertThat(byFile.get("h_empty.png")).contains("empty file");
        assertThat(byFile.get("i_bad_sidecar.json")).contains("not valid JSON (line 1").doesNotContain("Source", "REDACTED");
        assertThat(byFile.get("i_bad_sidecar.json")).doesNotContain(dir.toString()); // the path is said once
        assertThat(result.images()).isEqualTo(6); // a, b, g (the JDK decodes CMYK JPEGs), j, k, l
        assertThat(result.removed()).isEqualTo(1); // b duplicates a
        assertThat(Files.exists(dir.resolve("_removed/b_good_reencoded.jpg"))).isTrue();
        assertThat(Files.readString(dir.resolve("i_bad_sidecar.json"))).isEqualTo("{ not json"); // left alone
        for (String ok : new String[]{"g_cmyk.jpg", "j_grey16.png", "k_alpha.png", "l_grey8.png"}) {
            assertThat(SidecarStore.read(dir.resolve(ok)).get(DedupInfo.SECTION, DedupInfo.class)).as(ok).isPresent();
        }
        assertThat(Files.exists(dir.resolve("c_truncated.png"))).isTrue(); // bad files are never moved
    }

    @Test
    void exitCodeIsTwoWhenSomeFileFailedAndOneForBadUsage() throws IOException {
        AnimeScenes.writePng(AnimeScenes.scene("bg_cave.jpg", 0), dir.resolve("ok.png"));
        Files.writeString(dir.resolve("bad.png"), "nope");
        assertThat(Main.run("dedup", "--src", dir.toString(), "-q")).isEqualTo(2);
        assertThat(Main.run("dedup", "--src", dir.resolve("missing").toString(), "-q")).isEqualTo(1);
        assertThat(Main.run("dedup", "--src", dir.toString(), "--threshold", "2.5", "-q")).isEqualTo(1);
    }

    static BufferedImage alphaSprite() {
        return AnimeScenes.art("lucy_mad.png");
    }

    static BufferedImage greyOf(BufferedImage img) {
        BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.getGraphics().drawImage(img, 0, 0, null);
        return g;
    }

    static BufferedImage grey16() {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) {
                r.setSample(x, y, 0, (x * 200 + y * 37) % 65536);
            }
        }
        return img;
    }

    /** A PNG whose header announces w×h (the loader must refuse it before decoding any pixel). */
    static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[]{8, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /** A 4-channel (CMYK-style Adobe) JPEG written from a raw raster. */
    static void writeCmykJpeg(Path file) throws IOException {
        WritableRaster raster = WritableRaster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                raster.setPixel(x, y, new int[]{x * 4, y * 5, 100, 30});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }
}
