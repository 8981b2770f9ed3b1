package org.aniprep.demo;

import org.aniprep.demo.art.Backgrounds;
import org.aniprep.demo.art.Backgrounds.Kind;
import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.demo.art.CharacterPainter;
import org.aniprep.demo.art.Pose;

import java.util.List;

/**
 * The sample episodes of {@code aniprep demo}, drawn by {@link CharacterPainter}: what a TV
 * episode gives a dataset builder, in miniature. Episode 1 (~30 s) has an opening (a street pan
 * and a group shot) that episode 2 (~12 s) repeats, held shots, lip flap (mouth open/closed every
 * {@value #FLAP} frames, animated "on threes"), a blink, a character walking in, a two-character
 * shot, close-ups and cuts back to earlier shots: duplicates within and across episodes for dedup,
 * four distinct characters for the tagger, detector and character stages.
 */
public final class DemoEpisode {
    /** Frames per mouth position in lip flap. */
    public static final int FLAP = 3;
    /** Full length of episode 1 and 2 in seconds at scale 1. */
    public static final double EPISODE_1_SECONDS = 30;
    public static final double EPISODE_2_SECONDS = 12;

    private static final CharacterDesign AKANE = CharacterDesign.AKANE;
    private static final CharacterDesign KURO = CharacterDesign.KURO;
    private static final CharacterDesign KIIRO = CharacterDesign.KIIRO;
    private static final CharacterDesign AOI = CharacterDesign.AOI;

    private final ClipRecorder.Settings settings;
    private final double scale;

    /**
     * @param scale episode length relative to the full one (tests use short episodes); every shot
     *              keeps at least two flaps' worth of frames
     */
    public DemoEpisode(ClipRecorder.Settings settings, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive");
        }
        this.settings = settings;
        this.scale = scale;
    }

    public Storyboard episode1() {
        Storyboard b = new Storyboard();
        opening(b);
        Shot akaneTalks = talking("ep1_akane_street", 3.0, Kind.STREET, AKANE, 0.5);
        Shot twoShot = twoShot("ep1_room_two", 3.0, Kind.ROOM, KURO, KIIRO, false);
        b.add(akaneTalks)
                .add(blinking("ep1_akane_listens", 2.0, Kind.STREET, AKANE, 0.5))
                .add(twoShot)
                .add(closeUp("ep1_kuro_close", 2.5, KURO, true))
                .add(closeUp("ep1_kiiro_close", 1.5, KIIRO, false))
                .add(twoShot("ep1_room_two_b", 2.0, Kind.ROOM, KURO, KIIRO, true))
                .add(walkIn("ep1_aoi_walks_in", 2.0, Kind.SKY, AOI))
                .add(talking("ep1_aoi_field", 2.5, Kind.SKY, AOI, 0.5))
                .add(pan("ep1_room_pan", 2.0, Kind.ROOM, KIIRO))
                .add(akaneTalks.withFrames(frames(2.0)))
                .add(twoShot.withFrames(frames(2.5)));
        return b;
    }

    public Storyboard episode2() {
        Storyboard b = new Storyboard();
        opening(b);
        b.add(talking("ep2_kiiro_street", 2.5, Kind.STREET, KIIRO, 0.4))
                .add(closeUp("ep2_aoi_close", 2.0, AOI, true))
                .add(blinking("ep2_kuro_sky", 2.5, Kind.SKY, KURO, 0.6));
        return b;
    }

    /** The opening both episodes share, as a real OP repeats: a street pan, then the cast. */
    private void opening(Storyboard b) {
        b.add(pan("op_street_pan", 3.0, Kind.STREET, null)).add(group("op_cast", 2.0));
    }

    private int frames(double seconds) {
        return Math.max(2 * FLAP, (int) Math.round(seconds * scale * settings.fps()));
    }

    private int w() {
        return settings.width();
    }

    private int h() {
        return settings.height();
    }

    /** Waist-up shot of one character, mouth flapping. */
    private Shot talking(String name, double seconds, Kind bg, CharacterDesign c, double x) {
        return Shot.alternate(name, frames(seconds), FLAP, medium(bg, c, Pose.TALKING, x), medium(bg, c, Pose.NEUTRAL, x));
    }

    /** Waist-up, listening, with one blink two thirds through. */
    private Shot blinking(String name, double seconds, Kind bg, CharacterDesign c, double x) {
        int n = frames(seconds);
        int blinkAt = n * 2 / 3;
        Shot.Picture open = medium(bg, c, Pose.NEUTRAL, x);
        Shot.Picture blink = medium(bg, c, Pose.BLINK, x);
        return new Shot(name, n, i -> i >= blinkAt && i < blinkAt + 3 ? blink : open);
    }

    /*
     * Picture keys describe what is drawn (background, who, pose, framing), so two shots that draw
     * the same picture share a key and the storyboard counts it once, as a perfect dedup would.
     */
    private static Shot.Picture medium(Kind bg, CharacterDesign c, Pose pose, double x) {
        return new Shot.Picture(key("medium", bg, c, pose) + "@" + x, (g, w, h) -> {
            Backgrounds.paint(g, bg, w, h);
            CharacterPainter.paint(g, c, pose, x * w, h * 0.36, h * 0.2);
        });
    }

    private static String key(String framing, Kind bg, CharacterDesign c, Pose pose) {
        return framing + "/" + bg + "/" + c.name() + "/" + (pose.mouthOpen() ? "open" : "closed")
                + (pose.eyesOpen() ? "" : "/blink");
    }

    private Shot twoShot(String name, double seconds, Kind bg, CharacterDesign left, CharacterDesign right, boolean leftTalks) {
        return Shot.alternate(name, frames(seconds), FLAP,
                two(bg, left, right, leftTalks ? Pose.TALKING : Pose.NEUTRAL, leftTalks ? Pose.NEUTRAL : Pose.TALKING),
                two(bg, left, right, Pose.NEUTRAL, Pose.NEUTRAL));
    }

    private static Shot.Picture two(Kind bg, CharacterDesign left, CharacterDesign right, Pose lp, Pose rp) {
        return new Shot.Picture(key("two", bg, left, lp) + "+" + key("", bg, right, rp), (g, w, h) -> {
            Backgrounds.paint(g, bg, w, h);
            CharacterPainter.paint(g, left, lp, w * 0.3, h * 0.33, h * 0.16);
            CharacterPainter.paint(g, right, rp, w * 0.7, h * 0.36, h * 0.15);
        });
    }

    /** A face filling most of the frame; talking or holding a look. */
    private Shot closeUp(String name, double seconds, CharacterDesign c, boolean talks) {
        Shot.Picture still = close(c, Pose.NEUTRAL);
        return talks ? Shot.alternate(name, frames(seconds), FLAP, close(c, Pose.TALKING), still)
                : Shot.hold(name, frames(seconds), still);
    }

    private static Shot.Picture close(CharacterDesign c, Pose pose) {
        Kind bg = c == AOI ? Kind.SKY : Kind.ROOM;
        return new Shot.Picture(key("close", bg, c, pose), (g, w, h) -> {
            Backgrounds.paint(g, bg, w, h);
            CharacterPainter.paint(g, c, pose, w * 0.5, h * 0.42, h * 0.6);
        });
    }

    /** All four standing, full body. */
    private Shot group(String name, double seconds) {
        List<CharacterDesign> cast = CharacterDesign.cast();
        return Shot.hold(name, frames(seconds), new Shot.Picture("group/SKY", (g, w, h) -> {
            Backgrounds.paint(g, Kind.SKY, w, h);
            for (int i = 0; i < cast.size(); i++) {
                CharacterPainter.standing(g, cast.get(i), Pose.NEUTRAL, w * (0.16 + 0.225 * i), h * 0.97, h * 0.9);
            }
        }));
    }

    /** A character walking in from the right edge to the centre of a still background. */
    private Shot walkIn(String name, double seconds, Kind bg, CharacterDesign c) {
        int n = frames(seconds);
        int from = (int) Math.round(w() * 1.1);
        int to = w() / 2;
        int step = Math.max(1, (from - to) / Math.max(1, n - 1));
        return Shot.moving(name, n, i -> Math.max(to, from - i * step), x -> (g, w, h) -> {
            Backgrounds.paint(g, bg, w, h);
            CharacterPainter.standing(g, c, Pose.NEUTRAL, x, h * 0.97, h * 0.9);
        });
    }

    /** The camera pans right across a background twice the frame's width; a character may stand in it. */
    private Shot pan(String name, double seconds, Kind bg, CharacterDesign c) {
        int n = frames(seconds);
        int travel = w();
        int step = Math.max(1, travel / Math.max(1, n - 1));
        return Shot.moving(name, n, i -> Math.min(travel, i * step), off -> (g, w, h) -> {
            g.translate(-off, 0);
            Backgrounds.paint(g, bg, 2 * w, h);
            if (c != null) {
                CharacterPainter.standing(g, c, Pose.NEUTRAL, w * 1.5, h * 0.97, h * 0.9);
            }
        });
    }
}
