package org.aniprep.testing;

import org.aniprep.demo.ClipRecorder;
import org.aniprep.demo.ClipScript;
import org.aniprep.demo.Painter;
import org.aniprep.demo.Shot;
import org.aniprep.demo.Storyboard;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Episodes of a small show cut from the shared art (Eileen and Lucy on the three backgrounds), for
 * running the whole pipeline: close-ups (the sprite's head and shoulders filling the frame, as most
 * anime dialogue is drawn), full-body shots, two-shots, lip flaps, a character sliding in, pans over
 * empty backgrounds, and cuts back to earlier shots; plus a reference folder of the cast.
 *
 * <pre>{@code
 * ShowEpisodes.record(dir.resolve("Show - 01.mp4"), SceneClips.SMALL, ShowEpisodes.episode(1, SceneClips.SMALL));
 * ShowEpisodes.writeRefs(dir.resolve("refs"));   // refs/Eileen/, refs/Lucy/
 * }</pre>
 */
public final class ShowEpisodes {
    /** The cast: reference folder name → its sprites (the first one is the reference picture). */
    public static final Map<String, List<String>> CAST = Map.of(
            "Eileen", List.of("eileen_happy.png", "eileen_vhappy.png", "eileen_concerned.png"),
            "Lucy", List.of("lucy_happy.png", "lucy_mad.png"));

    /**
     * A character in a shot: {@code centerX} as a fraction of the frame width, {@code height} the
     * sprite's height over the frame's. Up to 1 the sprite stands on the bottom edge (full body);
     * taller, its head stays near the top and the legs leave the frame (a close-up).
     */
    public record Actor(String art, double centerX, double height) {
        public static Actor full(String art, double centerX) {
            return new Actor(art, centerX, 0.95);
        }

        public static Actor close(String art, double centerX) {
            return new Actor(art, centerX, 2.2);
        }
    }

    private static final Map<String, BufferedImage> SCALED = new ConcurrentHashMap<>();

    private ShowEpisodes() {
    }

    /**
     * The test show: about 5 s per episode at 24 fps. Episode 1 opens on Eileen and ends by cutting
     * back to her; episode 2 repeats that opening shot (a repeat across episodes for dedup), and both
     * have Lucy alone, the two together and a pan over empty backgrounds.
     */
    public static Storyboard episode(int number, ClipRecorder.Settings settings) {
        int panStep = Math.max(2, settings.width() / 32);
        Shot eileen = Shot.hold("eileen_close", 30, scene("bg_washington.jpg", Actor.close("eileen_happy.png", 0.5)));
        Storyboard board = new Storyboard();
        if (number == 1) {
            board.add(eileen)
                    .add(Shot.alternate("lucy_talks", 24, 6, scene("bg_whitehouse.jpg", Actor.close("lucy_happy.png", 0.45)),
                            scene("bg_whitehouse.jpg", Actor.close("lucy_mad.png", 0.45))))
                    .add(pan("pan", 16, panStep, "bg_cave.jpg", "bg_washington.jpg"))
                    .add(Shot.hold("two_in_cave", 24, scene("bg_cave.jpg",
                            new Actor("lucy_mad.png", 0.28, 1.6), new Actor("eileen_concerned.png", 0.72, 1.6))))
                    .add(slide("eileen_walks", 12, "bg_whitehouse.jpg", "eileen_vhappy.png", 0.25, Math.max(2, settings.width() / 24)))
                    .add(eileen.withFrames(12));
        } else {
            board.add(eileen.withFrames(18))
                    .add(Shot.hold("lucy_close", 24, scene("bg_cave.jpg", Actor.close("lucy_happy.png", 0.55))))
                    .add(Shot.hold("two_outside", 24, scene("bg_whitehouse.jpg",
                            new Actor("eileen_happy.png", 0.3, 1.6), new Actor("lucy_happy.png", 0.7, 1.6))))
                    .add(pan("pan_back", 16, panStep, "bg_whitehouse.jpg", "bg_cave.jpg"))
                    .add(Shot.hold("lucy_far", 20, scene("bg_washington.jpg", Actor.full("lucy_mad.png", 0.6))));
        }
        return board;
    }

    /**
     * A plausible episode of about {@code seconds} (benchmarks): a seeded mix of close-up dialogue
     * (held, or flapping between two expressions), two-shots, full-body shots, slides, pans and cuts
     * back to earlier shots, 1–4 s each, at the clip's frame rate.
     */
    public static Storyboard longEpisode(long seed, double seconds, ClipRecorder.Settings settings) {
        Random rnd = new Random(seed);
        Storyboard board = new Storyboard();
        List<Shot> earlier = new ArrayList<>();
        int total = (int) Math.round(seconds * settings.fps());
        int frames = 0;
        for (int i = 0; frames < total; i++) {
            int length = Math.min(total - frames, (int) Math.round((1 + rnd.nextDouble() * 3) * settings.fps()));
            Shot shot = randomShot(rnd, "s" + i, Math.max(1, length), settings, earlier);
            board.add(shot);
            earlier.add(shot);
            frames += shot.frames();
        }
        return board;
    }

    private static Shot randomShot(Random rnd, String name, int frames, ClipRecorder.Settings settings, List<Shot> earlier) {
        String bg = SceneClips.BACKGROUNDS[rnd.nextInt(SceneClips.BACKGROUNDS.length)];
        String who = rnd.nextBoolean() ? "Eileen" : "Lucy";
        List<String> sprites = CAST.get(who);
        String sprite = sprites.get(rnd.nextInt(sprites.size()));
        double x = 0.35 + rnd.nextDouble() * 0.3;
        int kind = rnd.nextInt(10);
        if (kind == 0 && !earlier.isEmpty()) {
            return earlier.get(rnd.nextInt(earlier.size())).withFrames(frames);
        }
        if (kind <= 3) {
            return Shot.hold(name, frames, scene(bg, Actor.close(sprite, x)));
        }
        if (kind == 4) {
            String other = sprites.get((sprites.indexOf(sprite) + 1) % sprites.size());
            return Shot.alternate(name, frames, 4 + rnd.nextInt(5), scene(bg, Actor.close(sprite, x)), scene(bg, Actor.close(other, x)));
        }
        if (kind == 5) {
            String other = who.equals("Eileen") ? "lucy_happy.png" : "eileen_happy.png";
            return Shot.hold(name, frames, scene(bg, new Actor(sprite, 0.28, 1.6), new Actor(other, 0.72, 1.6)));
        }
        if (kind == 6) {
            return Shot.hold(name, frames, scene(bg, Actor.full(sprite, x)));
        }
        if (kind == 7) {
            int step = Math.max(2, settings.width() / 48) * (rnd.nextBoolean() ? 1 : -1);
            return slide(name, frames, bg, sprite, step > 0 ? 0.2 : 0.8, step);
        }
        String next = SceneClips.BACKGROUNDS[(List.of(SceneClips.BACKGROUNDS).indexOf(bg) + 1) % SceneClips.BACKGROUNDS.length];
        int strip = SceneClips.stripWidth(List.of(bg, next), settings.height()) - settings.width();
        int step = Math.max(1, Math.min(settings.width() / 40, strip / Math.max(1, frames - 1)));
        return pan(name, frames, step, bg, next);
    }

    /** Records a storyboard into a video. */
    public static SceneClips.Clip record(Path target, ClipRecorder.Settings settings, Storyboard board) throws IOException {
        return record(target, settings, board, () -> { });
    }

    /** As {@link #record(Path, ClipRecorder.Settings, Storyboard)}, calling {@code onFrame} after each frame. */
    public static SceneClips.Clip record(Path target, ClipRecorder.Settings settings, Storyboard board, Runnable onFrame) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        ClipScript script = board.record(target, settings, onFrame);
        return new SceneClips.Clip(target, script);
    }

    /** {@code dir/<Name>/<sprite>}: one reference picture per character, as a user would collect them. */
    public static void writeRefs(Path dir) throws IOException {
        for (Map.Entry<String, List<String>> e : CAST.entrySet()) {
            Path folder = Files.createDirectories(dir.resolve(e.getKey()));
            String sprite = e.getValue().get(0);
            Files.copy(SceneClips.shared().resolve("testdata/anime").resolve(sprite), folder.resolve(sprite));
        }
    }

    /** A background filling the frame with the actors on it. */
    public static Painter scene(String background, Actor... actors) {
        return (g, w, h) -> {
            strip(g, 0, List.of(background), h);
            for (Actor a : actors) {
                draw(g, a, (int) Math.round(a.centerX() * w), w, h);
            }
        };
    }

    /** A pan over backgrounds laid side by side (each scaled to the frame height), {@code pixelsPerFrame} per frame. */
    static Shot pan(String name, int frames, int pixelsPerFrame, String... backgrounds) {
        List<String> strip = List.of(backgrounds);
        return Shot.moving(name, frames, i -> i * pixelsPerFrame, off -> (g, w, h) -> strip(g, off, strip, h));
    }

    private static void strip(Graphics2D g, int offset, List<String> backgrounds, int h) {
        int x = -offset;
        for (String bg : backgrounds) {
            BufferedImage img = SceneClips.art(bg);
            BufferedImage s = scaled(bg, (int) Math.round(img.getWidth() * (double) h / img.getHeight()), h);
            g.drawImage(s, x, 0, null);
            x += s.getWidth();
        }
    }

    /** A character sliding across a still background by {@code pixelsPerFrame} per frame. */
    private static Shot slide(String name, int frames, String background, String sprite, double fromX, int pixelsPerFrame) {
        Actor actor = Actor.full(sprite, fromX);
        return Shot.moving(name, frames, i -> i * pixelsPerFrame, dx -> (g, w, h) -> {
            strip(g, 0, List.of(background), h);
            draw(g, actor, (int) Math.round(fromX * w) + dx, w, h);
        });
    }

    private static void draw(Graphics2D g, Actor a, int cx, int w, int h) {
        BufferedImage img = SceneClips.art(a.art());
        int sh = (int) Math.round(h * a.height());
        int sw = (int) Math.round(img.getWidth() * (double) sh / img.getHeight());
        int top = a.height() <= 1 ? h - sh : (int) Math.round(h * 0.04);
        g.drawImage(scaled(a.art(), sw, sh), cx - sw / 2, top, null);
    }

    /**
     * A picture of the shared art at {@code w×h}, scaled once (bicubic) and kept: frames then only
     * copy it, which keeps drawing a long 1080p episode to minutes (scaling at every frame took most
     * of an hour on a loaded machine).
     */
    private static BufferedImage scaled(String art, int w, int h) {
        return SCALED.computeIfAbsent(art + "@" + w + "x" + h, k -> {
            BufferedImage src = SceneClips.art(art);
            BufferedImage out = new BufferedImage(w, h, src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
            g.dispose();
            return out;
        });
    }
}
