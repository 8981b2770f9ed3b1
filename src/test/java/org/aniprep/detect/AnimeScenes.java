package org.aniprep.detect;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test scenes made from the real art in shared/testdata/anime: sprites (with alpha) composited
 * onto the backgrounds at seeded-random positions, scales and mirroring, so every face box is
 * known; plus the two concert CGs with hand-measured face boxes. Face boxes run from the middle of
 * the fringe (forehead) to the chin and from cheek to cheek; they were read off the sprites once
 * at 3× zoom with a 10-px grid.
 */
public final class AnimeScenes {
    public static final int W = 1280;
    public static final int H = 720;

    /** A scene: the frame, the faces a detector must find, and faces it may find (e.g. a drawing of a face). */
    public record Scene(String name, RgbImage image, List<Detection> faces, List<Detection> optional) {
        public int count() {
            return faces.size();
        }
    }

    /** A sprite file and its face box in the sprite's pixels. */
    record Sprite(String file, int x0, int y0, int x1, int y1) {
        /** The character, used as the face's label ({@code eileen}, {@code lucy}: Lucy wears glasses). */
        String who() {
            return file.substring(0, file.indexOf('_'));
        }
    }

    static final List<Sprite> SPRITES = List.of(
            new Sprite("eileen_happy.png", 80, 110, 238, 258),
            new Sprite("eileen_vhappy.png", 80, 110, 238, 258),
            new Sprite("eileen_concerned.png", 80, 110, 238, 258),
            new Sprite("lucy_happy.png", 155, 125, 270, 247),
            new Sprite("lucy_mad.png", 163, 175, 290, 310));
    private static final List<String> BACKGROUNDS = List.of("bg_cave.jpg", "bg_washington.jpg", "bg_whitehouse.jpg");

    private final Path dir;
    private final Map<String, BufferedImage> cache = new HashMap<>();

    public AnimeScenes(Path animeDir) {
        this.dir = animeDir;
    }

    public static Path animeDir() {
        return Path.of(System.getProperty("aniprep.shared", "../shared"), "testdata", "anime");
    }

    /** {@code perCount} generated scenes for each of 0–3 characters, plus the two concert CGs. */
    public List<Scene> all(int perCount, long seed) {
        Random rnd = new Random(seed);
        List<Scene> scenes = new ArrayList<>();
        for (int k = 0; k <= 3; k++) {
            for (int i = 0; i < perCount; i++) {
                scenes.add(generate(k, rnd, "gen" + k + "_" + i));
            }
        }
        scenes.add(concert("concert1.png"));
        scenes.add(concert("concert3.png"));
        return scenes;
    }

    public Scene concert(String file) {
        List<Detection> faces = List.of(
                face("lucy", 188, 265, 255, 342),      // left
                face("drummer", 452, 305, 522, 395),   // white-haired
                face("eileen", 860, 185, 990, 322));   // right
        List<Detection> chibi = List.of(face("chibi", 545, 683, 612, 738)); // painted on the bass drum
        return new Scene(file, ImageLoader.toRgb(load(file)), faces, chibi);
    }

    /** A scene with {@code k} characters side by side, each at its own random scale. */
    public Scene generate(int k, Random rnd, String name) {
        BufferedImage frame = background(rnd);
        Graphics2D g = painter(frame);
        List<Detection> faces = new ArrayList<>();
        double slot = W / (double) Math.max(1, k);
        for (int i = 0; i < k; i++) {
            Sprite s = SPRITES.get(rnd.nextInt(SPRITES.size()));
            BufferedImage img = load(s.file());
            // more characters → smaller on screen, as in real framing
            double maxScale = k == 1 ? 1.9 : k == 2 ? 1.3 : 0.95;
            double scale = 0.42 + rnd.nextDouble() * (maxScale - 0.42);
            int sw = (int) Math.round(img.getWidth() * scale);
            int sh = (int) Math.round(img.getHeight() * scale);
            boolean mirror = rnd.nextBoolean();
            double faceCx = (s.x0() + s.x1()) / 2.0 * scale;
            double centre = slot * (i + 0.5) + (rnd.nextDouble() - 0.5) * slot * 0.3;
            int ox = (int) Math.round(centre - (mirror ? sw - faceCx : faceCx));
            double low = Math.max(8 - s.y0() * scale, H * 0.85 - sh);
            double high = Math.min(H - 8 - s.y1() * scale, low + 120);
            int oy = (int) Math.round(high <= low ? low : low + rnd.nextDouble() * (high - low));
            if (mirror) {
                g.drawImage(img, ox + sw, oy, -sw, sh, null);
            } else {
                g.drawImage(img, ox, oy, sw, sh, null);
            }
            int fx0 = mirror ? img.getWidth() - s.x1() : s.x0();
            int fx1 = mirror ? img.getWidth() - s.x0() : s.x1();
            Detection f = face(s.who(), (int) Math.round(ox + fx0 * scale), (int) Math.round(oy + s.y0() * scale),
                    (int) Math.round(ox + fx1 * scale), (int) Math.round(oy + s.y1() * scale));
            faces.add(clip(f));
        }
        g.dispose();
        faces.removeIf(f -> f.width() < 0.7 * Math.max(f.height(), 1) || f.area() == 0);
        return new Scene(name, ImageLoader.toRgb(frame), faces, List.of());
    }

    /** Harder scene kinds, for comparing detectors beyond the side-by-side scenes of {@link #generate}. */
    public enum Kind {
        /** 1–4 characters at 0.18–0.42 of sprite size: faces 22–60 px high in a 1280×720 frame */
        SMALL,
        /** one character at 2.3–4× sprite size, the face 280–590 px high, the body cut off by the frame */
        CLOSE_UP,
        /** 1–3 characters, each head tilted by 12–30° either way (sprite rotated about the face centre) */
        TILTED,
        /** 4–5 characters at 0.3–0.65 side by side */
        CROWD
    }

    /** {@code perKind} scenes of each harder kind. */
    public List<Scene> hard(int perKind, long seed) {
        Random rnd = new Random(seed);
        List<Scene> scenes = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < perKind; i++) {
                scenes.add(variant(kind, rnd, kind.name().toLowerCase() + "_" + i));
            }
        }
        return scenes;
    }

    public Scene variant(Kind kind, Random rnd, String name) {
        BufferedImage frame = background(rnd);
        Graphics2D g = painter(frame);
        int k = switch (kind) {
            case SMALL -> 1 + rnd.nextInt(4);
            case CLOSE_UP -> 1;
            case TILTED -> 1 + rnd.nextInt(3);
            case CROWD -> 4 + rnd.nextInt(2);
        };
        double minScale = switch (kind) {
            case SMALL -> 0.18;
            case CLOSE_UP -> 2.3;
            case TILTED -> 0.5;
            case CROWD -> 0.3;
        };
        double maxScale = switch (kind) {
            case SMALL -> 0.42;
            case CLOSE_UP -> 4.0;
            case TILTED -> k == 1 ? 1.5 : 0.95;
            case CROWD -> 0.65;
        };
        List<Detection> faces = new ArrayList<>();
        double slot = W / (double) k;
        for (int i = 0; i < k; i++) {
            Sprite s = SPRITES.get(rnd.nextInt(SPRITES.size()));
            BufferedImage img = load(s.file());
            double scale = minScale + rnd.nextDouble() * (maxScale - minScale);
            boolean mirror = rnd.nextBoolean();
            double tilt = kind == Kind.TILTED ? Math.toRadians((12 + rnd.nextDouble() * 18) * (rnd.nextBoolean() ? 1 : -1)) : 0;
            double fw = (s.x1() - s.x0()) * scale;
            double fh = (s.y1() - s.y0()) * scale;
            // where the face centre goes: in its slot, inside the frame
            double cx = slot * (i + 0.5) + (rnd.nextDouble() - 0.5) * slot * 0.3;
            cx = Math.max(fw / 2 + 8, Math.min(W - fw / 2 - 8, cx));
            double faceCy = (s.y0() + s.y1()) / 2.0;
            // close-ups: the face anywhere in the frame; others stand on a ground line (feet at 0.7-1.15 H)
            double cy = kind == Kind.CLOSE_UP ? fh / 2 + 8 + rnd.nextDouble() * Math.max(0, H - fh - 16)
                    : H * (0.7 + rnd.nextDouble() * 0.45) - (img.getHeight() - faceCy) * scale;
            cy = Math.max(fh / 2 + 8, Math.min(H - fh / 2 - 8, cy));
            faces.add(place(g, s, cx, cy, scale, mirror, tilt));
        }
        g.dispose();
        faces.removeIf(f -> f.width() < 0.7 * Math.max(f.height(), 1) || f.area() == 0);
        return new Scene(name, ImageLoader.toRgb(frame), faces, List.of());
    }

    /**
     * Draws sprite {@code s} with its face centred at ({@code cx}, {@code cy}), scaled, mirrored and
     * tilted (radians) about the face centre; returns the face box, clipped to the frame.
     */
    Detection place(Graphics2D g, Sprite s, double cx, double cy, double scale, boolean mirror, double tilt) {
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(tilt);
        t.scale(mirror ? -scale : scale, scale);
        t.translate(-(s.x0() + s.x1()) / 2.0, -(s.y0() + s.y1()) / 2.0);
        g.drawImage(load(s.file()), t, null);
        double fw = (s.x1() - s.x0()) * scale;
        double fh = (s.y1() - s.y0()) * scale;
        return clip(face(s.who(), (int) Math.round(cx - fw / 2), (int) Math.round(cy - fh / 2),
                (int) Math.round(cx + fw / 2), (int) Math.round(cy + fh / 2)));
    }

    /** A graphics context for compositing sprites onto {@code frame} (bicubic, quality rendering). */
    static Graphics2D painter(BufferedImage frame) {
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** A background, sometimes zoomed into (as a camera pan would show it). */
    private BufferedImage background(Random rnd) {
        return background(rnd, 0.6);
    }

    /** A random background, half the time zoomed into by up to {@code 1 + maxZoom}×, at a random place. */
    BufferedImage background(Random rnd, double maxZoom) {
        BufferedImage bg = load(BACKGROUNDS.get(rnd.nextInt(BACKGROUNDS.size())));
        BufferedImage frame = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double zoom = rnd.nextBoolean() ? 1.0 : 1.0 + rnd.nextDouble() * maxZoom;
        int cw = (int) (bg.getWidth() / zoom);
        int ch = (int) (bg.getHeight() / zoom);
        int cx = rnd.nextInt(bg.getWidth() - cw + 1);
        int cy = rnd.nextInt(bg.getHeight() - ch + 1);
        g.drawImage(bg, 0, 0, W, H, cx, cy, cx + cw, cy + ch, null);
        g.dispose();
        return frame;
    }

    /** A known face; the label names the character. */
    private static Detection face(String who, int x0, int y0, int x1, int y1) {
        return new Detection(x0, y0, x1, y1, who, 1f);
    }

    private static Detection clip(Detection d) {
        return face(d.label(), Math.max(0, d.x0()), Math.max(0, d.y0()), Math.min(W, Math.max(d.x1(), 0)), Math.min(H, Math.max(d.y1(), 0)));
    }

    private synchronized BufferedImage load(String file) {
        return cache.computeIfAbsent(file, f -> {
            try {
                BufferedImage img = ImageIO.read(dir.resolve(f).toFile());
                if (img == null) {
                    throw new IOException("not an image: " + f);
                }
                return img;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
