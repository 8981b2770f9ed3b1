package org.aniprep.character;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
 * Scenes of the shared Ren'Py cast with every face's box and name known: sprites composited onto the
 * backgrounds at random sizes, mirrored or not, under a random lighting change (brightness and a warm
 * or cool tint over the whole frame) and sometimes with part of the face covered; plus the concert
 * CGs, drawn in another style, with their hand-measured face boxes (Lucy, the unnamed white-haired
 * drummer, Eileen). Face boxes run from the fringe to the chin (read off the sprites at 3× zoom).
 */
public final class CastScenes {
    public static final int W = 1280;
    public static final int H = 720;

    /** A face in a scene: its box and who it is ({@code drummer} has no reference anywhere). */
    public record Face(FaceBox box, String who) {
    }

    public record Scene(String name, RgbImage image, List<Face> faces) {
    }

    record Sprite(String file, String who, int x0, int y0, int x1, int y1) {
    }

    static final List<Sprite> SPRITES = List.of(
            new Sprite("eileen_happy.png", "Eileen", 80, 110, 238, 258),
            new Sprite("eileen_vhappy.png", "Eileen", 80, 110, 238, 258),
            new Sprite("eileen_concerned.png", "Eileen", 80, 110, 238, 258),
            new Sprite("lucy_happy.png", "Lucy", 155, 125, 270, 247),
            new Sprite("lucy_mad.png", "Lucy", 163, 175, 290, 310));
    private static final List<String> BACKGROUNDS = List.of("bg_cave.jpg", "bg_washington.jpg", "bg_whitehouse.jpg");

    private final Map<String, BufferedImage> cache = new HashMap<>();

    public static Path animeDir() {
        return Path.of(System.getProperty("aniprep.shared", "../shared"), "testdata", "anime");
    }

    /** A sprite on white (how a reference image usually looks) with its face box. */
    public Scene sprite(String file) {
        Sprite s = SPRITES.stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
        BufferedImage img = load(file);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return new Scene(file, ImageLoader.toRgb(out), List.of(new Face(new FaceBox("face", 0, s.x0(), s.y0(), s.x1(), s.y1()), s.who())));
    }

    /** The concert CGs' three faces (one image, three labelled faces). */
    public Scene concert(String file) {
        List<Face> faces = List.of(
                new Face(new FaceBox("face", 0, 188, 265, 255, 342), "Lucy"),
                new Face(new FaceBox("face", 1, 452, 305, 522, 395), "drummer"),
                new Face(new FaceBox("face", 2, 860, 185, 990, 322), "Eileen"));
        return new Scene(file, ImageLoader.toRgb(load(file)), faces);
    }

    /** {@code n} scenes of one or two characters drawn from {@code sprites}. */
    public List<Scene> scenes(int n, long seed, List<String> sprites) {
        Random rnd = new Random(seed);
        List<Scene> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = 1 + rnd.nextInt(2);
            List<Sprite> cast = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                String f = sprites.get(rnd.nextInt(sprites.size()));
                cast.add(SPRITES.stream().filter(p -> p.file().equals(f)).findFirst().orElseThrow());
            }
            out.add(generate(cast, rnd, "scene" + i));
        }
        return out;
    }

    Scene generate(List<Sprite> cast, Random rnd, String name) {
        return compose(new ArrayList<>(cast), rnd, name);
    }

    /**
     * A scene of sprites ({@link Sprite}) and figures of the demo painter ({@link LookAlikeScenes.Drawn}),
     * side by side in that order, then lit as one frame.
     */
    Scene compose(List<Object> cast, Random rnd, String name) {
        BufferedImage frame = background(rnd);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        List<Face> faces = new ArrayList<>();
        double slot = W / (double) cast.size();
        for (int i = 0; i < cast.size(); i++) {
            int[] box;
            String who;
            if (cast.get(i) instanceof LookAlikeScenes.Drawn d) {
                box = LookAlikeScenes.paint(g, d, rnd, slot * (i + 0.5) + (rnd.nextDouble() - 0.5) * slot * 0.3, cast.size(), H);
                who = d.who();
            } else {
                Sprite s = (Sprite) cast.get(i);
                box = placeSprite(g, s, rnd, slot, i, cast.size());
                who = s.who();
            }
            if (rnd.nextInt(4) == 0) {
                occlude(g, rnd, box[0], box[1], box[2], box[3]);
            }
            int x0 = Math.max(0, box[0]);
            int y0 = Math.max(0, box[1]);
            int x1 = Math.min(W, box[2]);
            int y1 = Math.min(H, box[3]);
            if (x1 - x0 > 8 && y1 - y0 > 8) {
                faces.add(new Face(new FaceBox("face", faces.size(), x0, y0, x1, y1), who));
            }
        }
        g.dispose();
        light(frame, rnd);
        return new Scene(name, ImageLoader.toRgb(frame), faces);
    }

    /** Draws a sprite at a random size, mirrored or not, its face centred in slot {@code i}; returns the face box. */
    private int[] placeSprite(Graphics2D g, Sprite s, Random rnd, double slot, int i, int figures) {
        BufferedImage img = load(s.file());
        double maxScale = figures == 1 ? 1.8 : 1.2;
        double scale = 0.3 + rnd.nextDouble() * (maxScale - 0.3);
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
        return new int[] {(int) Math.round(ox + fx0 * scale), (int) Math.round(oy + s.y0() * scale),
            (int) Math.round(ox + fx1 * scale), (int) Math.round(oy + s.y1() * scale)};
    }

    /** Something in front of a third of the face: a hand-sized block from below or the side. */
    private static void occlude(Graphics2D g, Random rnd, int x0, int y0, int x1, int y1) {
        int w = x1 - x0;
        int h = y1 - y0;
        g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
        if (rnd.nextBoolean()) {
            g.fillRoundRect(x0 + w / 6, y0 + h * 2 / 3, w * 2 / 3, h / 2, w / 5, w / 5);
        } else {
            boolean left = rnd.nextBoolean();
            g.fillRoundRect(left ? x0 - w / 4 : x1 - w / 4, y0 + h / 4, w / 2, h, w / 5, w / 5);
        }
    }

    /** Scene lighting: brightness 0.7–1.15 and a warm or cool tint, on the whole frame. */
    private static void light(BufferedImage frame, Random rnd) {
        double gain = 0.7 + rnd.nextDouble() * 0.45;
        double tint = (rnd.nextDouble() - 0.5) * 0.16;
        double[] m = {gain * (1 + tint), gain, gain * (1 - tint)};
        for (int y = 0; y < frame.getHeight(); y++) {
            for (int x = 0; x < frame.getWidth(); x++) {
                int p = frame.getRGB(x, y);
                int r = clamp(((p >> 16) & 0xff) * m[0]);
                int gg = clamp(((p >> 8) & 0xff) * m[1]);
                int b = clamp((p & 0xff) * m[2]);
                frame.setRGB(x, y, (r << 16) | (gg << 8) | b);
            }
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private BufferedImage background(Random rnd) {
        BufferedImage bg = load(BACKGROUNDS.get(rnd.nextInt(BACKGROUNDS.size())));
        BufferedImage frame = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double zoom = 1.0 + rnd.nextDouble() * 0.6;
        int cw = (int) (bg.getWidth() / zoom);
        int ch = (int) (bg.getHeight() / zoom);
        int cx = rnd.nextInt(bg.getWidth() - cw + 1);
        int cy = rnd.nextInt(bg.getHeight() - ch + 1);
        g.drawImage(bg, 0, 0, W, H, cx, cy, cx + cw, cy + ch, null);
        g.dispose();
        return frame;
    }

    synchronized BufferedImage load(String file) {
        return cache.computeIfAbsent(file, f -> {
            try {
                BufferedImage img = ImageIO.read(animeDir().resolve(f).toFile());
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
