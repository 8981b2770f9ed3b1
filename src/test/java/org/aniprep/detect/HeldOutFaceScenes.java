package org.aniprep.detect;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Issue 19 part 4's scenes (docs/detect.md, "Held-out scenes: small, edge, empty, tinted"): the
 * shared Ren'Py sprites on the shared backgrounds, 1280×720, in four kinds, each frame in one of six
 * tints. Separate seeds tune and hold out ({@link HeldOutFaceReport}).
 * <ul>
 * <li>{@code mixed}: three characters, one with a small face (62–80 px high) beside two larger ones (120–220 px);</li>
 * <li>{@code edge}: one or two characters, one face touching the bottom edge (0–12 px above it) or a side edge;</li>
 * <li>{@code empty}: a background alone (zoomed into at random), no character;</li>
 * <li>{@code plain}: one or two characters, faces 80–250 px, standing.</li>
 * </ul>
 */
final class HeldOutFaceScenes {
    static final int W = AnimeScenes.W;
    static final int H = AnimeScenes.H;

    enum Kind { MIXED, EDGE, EMPTY, PLAIN }

    /** Whole-frame colour grades: a sunset, a blue night, sepia, washed-out high key, a rotated palette (other hair colours). */
    enum Tint { NONE, WARM, NIGHT, SEPIA, BRIGHT, HUE }

    record Scene(AnimeScenes.Scene scene, Kind kind, Tint tint) {
    }

    private final AnimeScenes art;

    HeldOutFaceScenes(Path animeDir) {
        this.art = new AnimeScenes(animeDir);
    }

    /** {@code perKind} scenes of each kind; tints drawn at random per scene. */
    List<Scene> generate(int perKind, long seed) {
        Random rnd = new Random(seed);
        List<Scene> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < perKind; i++) {
                Tint tint = Tint.values()[rnd.nextInt(Tint.values().length)];
                out.add(scene(kind, tint, rnd, kind.name().toLowerCase() + "_" + i));
            }
        }
        return out;
    }

    private Scene scene(Kind kind, Tint tint, Random rnd, String name) {
        BufferedImage frame = art.background(rnd, 0.8);
        Graphics2D g = AnimeScenes.painter(frame);
        List<Detection> faces = new ArrayList<>();
        int k = switch (kind) {
            case MIXED -> 3;
            case EDGE, PLAIN -> 1 + rnd.nextInt(2);
            case EMPTY -> 0;
        };
        int small = rnd.nextInt(3);
        double slot = W / (double) Math.max(1, k);
        for (int i = 0; i < k; i++) {
            AnimeScenes.Sprite s = AnimeScenes.SPRITES.get(rnd.nextInt(AnimeScenes.SPRITES.size()));
            double target = switch (kind) {
                case MIXED -> i == small ? 62 + rnd.nextDouble() * 18 : 120 + rnd.nextDouble() * 100;
                case EDGE -> 90 + rnd.nextDouble() * 110;
                default -> 80 + rnd.nextDouble() * 170;
            };
            double scale = target / (s.y1() - s.y0());
            double fw = (s.x1() - s.x0()) * scale;
            double fh = (s.y1() - s.y0()) * scale;
            double cx = slot * (i + 0.5) + (rnd.nextDouble() - 0.5) * slot * 0.3;
            double cy = fh / 2 + 20 + rnd.nextDouble() * Math.max(0, H * 0.55 - fh / 2 - 20);
            if (kind == Kind.EDGE && i == 0) {
                int edge = rnd.nextInt(3); // bottom, left, right
                if (edge == 0) {
                    cy = H - fh / 2 - rnd.nextDouble() * 12;
                } else {
                    cx = edge == 1 ? fw / 2 + rnd.nextDouble() * 10 : W - fw / 2 - rnd.nextDouble() * 10;
                }
            }
            cx = Math.max(fw / 2, Math.min(W - fw / 2, cx));
            faces.add(art.place(g, s, cx, cy, scale, rnd.nextBoolean(), 0));
        }
        g.dispose();
        RgbImage rgb = tint(ImageLoader.toRgb(frame), tint);
        return new Scene(new AnimeScenes.Scene(name + "_" + tint.name().toLowerCase(), rgb, faces, List.of()), kind, tint);
    }

    static RgbImage tint(RgbImage img, Tint tint) {
        if (tint == Tint.NONE) {
            return img;
        }
        byte[] px = img.rgb().clone();
        for (int i = 0; i < px.length; i += 3) {
            double r = px[i] & 0xff;
            double g = px[i + 1] & 0xff;
            double b = px[i + 2] & 0xff;
            double[] o = switch (tint) {
                case WARM -> new double[]{r * 1.1 + 12, g * 0.92, b * 0.7};
                case NIGHT -> new double[]{r * 0.35, g * 0.42, b * 0.6 + 18};
                case SEPIA -> new double[]{0.393 * r + 0.769 * g + 0.189 * b, 0.349 * r + 0.686 * g + 0.168 * b,
                        0.272 * r + 0.534 * g + 0.131 * b};
                case BRIGHT -> new double[]{110 + r * 0.6, 110 + g * 0.6, 110 + b * 0.6};
                case HUE -> new double[]{b, r, g};
                default -> new double[]{r, g, b};
            };
            for (int c = 0; c < 3; c++) {
                px[i + c] = (byte) Math.max(0, Math.min(255, (int) Math.round(o[c])));
            }
        }
        return new RgbImage(img.width(), img.height(), px);
    }
}
