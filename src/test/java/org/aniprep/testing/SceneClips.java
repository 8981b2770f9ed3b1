package org.aniprep.testing;

import org.aniprep.demo.ClipRecorder;
import org.aniprep.demo.ClipScript;
import org.aniprep.demo.Painter;
import org.aniprep.demo.Shot;
import org.aniprep.demo.Storyboard;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short test videos made from the real anime art in {@code shared/testdata/anime}: sprites (with
 * alpha) composited onto backgrounds, held, sliding, panned, cut and cut back to. Every clip comes
 * with its {@link ClipScript}, so a test knows which frames are holds and where the cuts are.
 *
 * <pre>{@code
 * Clip clip = SceneClips.record(dir.resolve("ep_01.mp4"), SceneClips.SMALL,
 *         SceneClips.held("a", 24, "bg_washington.jpg", SceneClips.sprite("eileen_happy.png", 0.5)),
 *         SceneClips.pan("b", 16, 10, "bg_cave.jpg", "bg_whitehouse.jpg"));
 * clip.script().changes().size();   // frames a perfect decimator keeps
 * }</pre>
 */
public final class SceneClips {
    /** 320×180, 24 fps: fast enough for unit tests. */
    public static final ClipRecorder.Settings SMALL = ClipRecorder.Settings.of(320, 180);
    /** 640×360, 24 fps. */
    public static final ClipRecorder.Settings MEDIUM = ClipRecorder.Settings.of(640, 360);
    /** 1920×1080, 24 fps: benchmarks only. */
    public static final ClipRecorder.Settings FULL_HD = ClipRecorder.Settings.of(1920, 1080);

    public static final String[] BACKGROUNDS = {"bg_washington.jpg", "bg_whitehouse.jpg", "bg_cave.jpg"};

    private static final Map<String, BufferedImage> ART = new ConcurrentHashMap<>();

    /** A clip on disk and what is in it. */
    public record Clip(Path video, ClipScript script) {
    }

    /**
     * A character sprite standing on the frame's bottom edge: {@code centerX} is the horizontal
     * centre as a fraction of the frame width, {@code height} its height as a fraction of the frame
     * height (1 = full body fills the frame height).
     */
    public record Sprite(String art, double centerX, double height) {
    }

    private SceneClips() {
    }

    public static Sprite sprite(String art, double centerX) {
        return new Sprite(art, centerX, 1.0);
    }

    /** The shared test data folder (surefire sets {@code aniprep.shared}). */
    public static Path shared() {
        String dir = System.getProperty("aniprep.shared");
        if (dir == null) {
            throw new IllegalStateException("system property aniprep.shared is not set (surefire sets it to ../shared)");
        }
        return Path.of(dir);
    }

    /** One picture of shared/testdata/anime, decoded once (sprites keep their alpha). */
    public static BufferedImage art(String name) {
        return ART.computeIfAbsent(name, n -> {
            Path file = shared().resolve("testdata/anime").resolve(n);
            try {
                BufferedImage img = ImageIO.read(file.toFile());
                if (img == null) {
                    throw new IOException("not an image: " + file);
                }
                return img;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A background scaled to fill the frame, with sprites on it. */
    public static Painter scene(String background, Sprite... sprites) {
        return panorama(0, List.of(background), sprites);
    }

    /**
     * Backgrounds side by side, each scaled to the frame height, seen through a frame-sized window
     * starting {@code offset} pixels from the strip's left edge; sprites stay put in the window.
     */
    public static Painter panorama(int offset, List<String> backgrounds, Sprite... sprites) {
        return (g, w, h) -> {
            int x = -offset;
            for (String bg : backgrounds) {
                BufferedImage img = art(bg);
                int bw = (int) Math.round(img.getWidth() * (double) h / img.getHeight());
                g.drawImage(img, x, 0, bw, h, null);
                x += bw;
            }
            for (Sprite s : sprites) {
                drawSprite(g, s, (int) Math.round(s.centerX() * w), w, h);
            }
        };
    }

    /** The width of the strip {@link #panorama} draws for frames of height {@code h}. */
    public static int stripWidth(List<String> backgrounds, int h) {
        return backgrounds.stream().mapToInt(bg -> {
            BufferedImage img = art(bg);
            return (int) Math.round(img.getWidth() * (double) h / img.getHeight());
        }).sum();
    }

    public static Shot held(String name, int frames, String background, Sprite... sprites) {
        return Shot.hold(name, frames, scene(background, sprites));
    }

    /**
     * A character sliding across a still background, starting at {@code fromX} (a frame-width
     * fraction) and moving {@code pixelsPerFrame} frame pixels per frame (negative: to the left).
     */
    public static Shot slide(String name, int frames, String background, String spriteArt, double fromX, int pixelsPerFrame) {
        Sprite start = sprite(spriteArt, fromX);
        return Shot.moving(name, frames, i -> i * pixelsPerFrame, dx -> (g, w, h) -> {
            scene(background).paint(g, w, h);
            drawSprite(g, start, (int) Math.round(fromX * w) + dx, w, h);
        });
    }

    /**
     * A pan across {@code backgrounds} laid side by side, {@code pixelsPerFrame} pixels per frame,
     * in frame pixels of the clip it is recorded at (the strip must be wide enough).
     */
    public static Shot pan(String name, int frames, int pixelsPerFrame, String... backgrounds) {
        List<String> strip = List.of(backgrounds);
        return Shot.moving(name, frames, i -> i * pixelsPerFrame, off -> panorama(off, strip));
    }

    /** Two sprites of the same character alternating every {@code every} frames (e.g. happy/very happy). */
    public static Shot flap(String name, int frames, int every, String background, Sprite a, Sprite b) {
        return Shot.alternate(name, frames, every, scene(background, a), scene(background, b));
    }

    /** Records shots into a clip at {@code target}. */
    public static Clip record(Path target, ClipRecorder.Settings settings, Shot... shots) throws IOException {
        Storyboard board = new Storyboard();
        for (Shot s : shots) {
            board.add(s);
        }
        return new Clip(target, board.record(target, settings));
    }

    /**
     * A 3.4 s clip (82 frames at 24 fps) with every kind of shot: Eileen held (24), Lucy sliding in
     * (12), a pan over two backgrounds (16), both on the cave background (18), then a hard cut back
     * to the first shot (12).
     */
    public static Clip standard(Path target, ClipRecorder.Settings settings) throws IOException {
        Shot first = held("eileen_washington", 24, "bg_washington.jpg", sprite("eileen_happy.png", 0.5));
        return record(target, settings,
                first,
                slide("lucy_slides", 12, "bg_whitehouse.jpg", "lucy_happy.png", 0.2, Math.max(2, settings.width() / 20)),
                pan("pan", 16, Math.max(2, settings.width() / 32), "bg_cave.jpg", "bg_washington.jpg"),
                held("two_in_cave", 18, "bg_cave.jpg", sprite("lucy_mad.png", 0.3), sprite("eileen_concerned.png", 0.72)),
                first.withFrames(12));
    }

    /** Writes a clip's frames as PNGs (for looking at a fixture while writing a test). */
    public static void writeStills(Path dir, ClipRecorder.Settings settings, Shot... shots) throws IOException {
        Files.createDirectories(dir);
        BufferedImage canvas = new BufferedImage(settings.width(), settings.height(), BufferedImage.TYPE_3BYTE_BGR);
        for (Shot shot : shots) {
            Storyboard.paint(canvas, shot.pictureAt().apply(0).painter());
            ImageIO.write(canvas, "png", dir.resolve(shot.name() + ".png").toFile());
        }
    }

    private static void drawSprite(Graphics2D g, Sprite s, int cx, int w, int h) {
        BufferedImage img = art(s.art());
        int sh = (int) Math.round(h * s.height());
        int sw = (int) Math.round(img.getWidth() * (double) sh / img.getHeight());
        g.drawImage(img, cx - sw / 2, h - sh, sw, sh, null);
    }
}
