package org.aniprep.testing;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anime-like frames built from the shared Ren'Py art: sprites (with alpha) composited onto a
 * background "world", seen through a 640×360 camera window that can shift or pan.
 */
public final class AnimeScenes {
    public static final int FRAME_W = 640;
    public static final int FRAME_H = 360;
    public static final int WORLD_W = 960;
    public static final int WORLD_H = 400;
    /** Camera position of an unshifted frame inside the world. */
    public static final int CAM_X = 160;
    public static final int CAM_Y = 20;

    private static final Map<String, BufferedImage> ART = new ConcurrentHashMap<>();

    /** A character: sprite file stem, horizontal centre in world pixels, height in world pixels. */
    public record Actor(String sprite, int centreX, int height) {
        public static Actor at(String sprite, int centreX) {
            return new Actor(sprite, centreX, 340);
        }
    }

    private AnimeScenes() {
    }

    public static Path artDir() {
        return Path.of(System.getProperty("aniprep.shared", "../shared"), "testdata", "anime");
    }

    public static BufferedImage art(String file) {
        return ART.computeIfAbsent(file, f -> {
            try {
                return new ImageLoader().read(artDir().resolve(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The world: background scaled to cover it, actors standing on its bottom edge. */
    public static BufferedImage world(String background, Actor... actors) {
        BufferedImage world = new BufferedImage(WORLD_W, WORLD_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = world.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        BufferedImage bg = art(background);
        double s = Math.max((double) WORLD_W / bg.getWidth(), (double) WORLD_H / bg.getHeight());
        int bw = (int) Math.ceil(bg.getWidth() * s);
        int bh = (int) Math.ceil(bg.getHeight() * s);
        g.drawImage(bg, (WORLD_W - bw) / 2, (WORLD_H - bh) / 2, bw, bh, null);
        for (Actor a : actors) {
            BufferedImage sp = art(a.sprite() + ".png");
            int h = a.height();
            int w = (int) Math.round(sp.getWidth() * (double) h / sp.getHeight());
            g.drawImage(sp, a.centreX() - w / 2, WORLD_H - h, w, h, null);
        }
        g.dispose();
        return world;
    }

    /** The frame the camera sees at world offset (camX, camY). */
    public static RgbImage frame(BufferedImage world, int camX, int camY) {
        return ImageLoader.toRgb(world.getSubimage(camX, camY, FRAME_W, FRAME_H));
    }

    public static RgbImage scene(String background, int camDx, Actor... actors) {
        return frame(world(background, actors), CAM_X + camDx, CAM_Y);
    }

    /** A whole picture (e.g. a concert CG) scaled to the frame size. */
    public static RgbImage picture(String file) {
        BufferedImage out = new BufferedImage(FRAME_W, FRAME_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(art(file), 0, 0, FRAME_W, FRAME_H, null);
        g.dispose();
        return ImageLoader.toRgb(out);
    }

    public static byte[] jpegBytes(RgbImage img, float quality) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img.toBufferedImage(), null, null), p);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image after a JPEG round trip at {@code quality} (0..1). */
    public static RgbImage reencoded(RgbImage img, float quality) {
        try {
            return ImageLoader.toRgb(ImageIO.read(new ByteArrayInputStream(jpegBytes(img, quality))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeJpeg(RgbImage img, Path file, float quality) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, jpegBytes(img, quality));
    }

    public static void writePng(RgbImage img, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img.toBufferedImage(), "png", file.toFile());
    }
}
