package org.aniprep.character;

import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.demo.art.CharacterPainter;
import org.aniprep.demo.art.HairStyle;
import org.aniprep.demo.art.Outfit;
import org.aniprep.demo.art.Pose;
import org.aniprep.image.ImageLoader;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Held-out look-alikes for the open-set problem (issue 19): characters of the demo painter that share
 * the hair and eye colours of a referenced character but not its hairstyle, accessory or outfit. The
 * palettes are Eileen's and Lucy's (sampled from the shared sprites) and the demo cast's own. Scenes mix
 * them with the characters they resemble (alone, side by side, in groups), at random sizes, poses and
 * lighting, with the faces' boxes as a detector draws them on the painter's art.
 */
final class LookAlikeScenes {
    /** Eileen: salmon-red bob, navy eyes; Lucy: near-black long hair, dark red eyes (sampled from the sprites). */
    static final Color EILEEN_HAIR = new Color(0xe0, 0x72, 0x72);
    static final Color EILEEN_EYES = new Color(0x26, 0x31, 0x5e);
    static final Color LUCY_HAIR = new Color(0x24, 0x24, 0x2c);
    static final Color LUCY_EYES = new Color(0x87, 0x3c, 0x3f);
    /** The face box the anime face cascade finds on the painter's heads, in head units (measured on all four designs at 60–160 px face widths). */
    static final double BOX_X = 46;
    static final double BOX_TOP = -22;
    static final double BOX_BOTTOM = 69;

    /** A painter figure in a scene: its design and who it is (its design's name). */
    record Drawn(CharacterDesign design) {
        String who() {
            return design.name();
        }
    }

    private LookAlikeScenes() {
    }

    /**
     * Designs sharing {@code base}'s hair and eye colours with every other hairstyle (and with it the
     * accessory), each in another outfit and skin tone: named {@code <base>-<hairstyle>}.
     */
    static List<CharacterDesign> lookAlikes(String base, Color hair, Color eyes, HairStyle own) {
        List<CharacterDesign> out = new ArrayList<>();
        Outfit[] outfits = Outfit.values();
        Color[] tops = {new Color(0xf4, 0xf4, 0xf0), new Color(0x6a, 0x2a, 0x40), new Color(0x30, 0x60, 0x48)};
        Color[] accents = {new Color(0x40, 0xa0, 0xe0), new Color(0xf0, 0xd0, 0x40), new Color(0xe0, 0x50, 0x90)};
        Color[] skins = {new Color(0xff, 0xe6, 0xd6), new Color(0xf6, 0xd8, 0xc0), new Color(0xff, 0xec, 0xe0)};
        int k = 0;
        for (HairStyle h : HairStyle.values()) {
            if (h == own) {
                continue;
            }
            out.add(new CharacterDesign(base + "-" + h.name().toLowerCase(java.util.Locale.ROOT), h, hair, eyes, skins[k % 3],
                    tops[k % 3], new Color(0x2a, 0x2e, 0x44), accents[k % 3], outfits[(k + 1) % outfits.length]));
            k++;
        }
        return out;
    }

    /** Look-alikes of Eileen's and Lucy's palettes (the real art's referenced pair). */
    static List<CharacterDesign> realPairLookAlikes() {
        List<CharacterDesign> out = new ArrayList<>(lookAlikes("eileen", EILEEN_HAIR, EILEEN_EYES, HairStyle.BOB));
        out.addAll(lookAlikes("lucy", LUCY_HAIR, LUCY_EYES, HairStyle.LONG));
        return out;
    }

    /** Look-alikes of one demo cast member. */
    static List<CharacterDesign> castLookAlikes(CharacterDesign c) {
        return lookAlikes(c.name(), c.hairColor(), c.eyeColor(), c.hair());
    }

    /**
     * Paints {@code d} with its head near x = {@code centre} at a random size (close-up alone, smaller
     * in groups), pose and mirroring; returns its face box {x0, y0, x1, y1}.
     */
    static int[] paint(Graphics2D g, Drawn d, Random rnd, double centre, int figures, int height) {
        double faceWidth = figures == 1 ? 40 + rnd.nextDouble() * 220 : 36 + rnd.nextDouble() * 130;
        double s = faceWidth / CharacterPainter.FACE_WIDTH;
        double lowY = 8 - BOX_TOP * s + 30 * s;
        double highY = Math.max(lowY, Math.min(height - 8 - BOX_BOTTOM * s, height * 0.5));
        double headY = lowY + rnd.nextDouble() * (highY - lowY);
        int p = rnd.nextInt(6);
        Pose pose = p == 0 ? Pose.BLINK : p < 3 ? Pose.TALKING : Pose.NEUTRAL;
        boolean mirror = rnd.nextBoolean();
        Graphics2D h = (Graphics2D) g.create();
        h.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (mirror) {
            h.translate(2 * centre, 0);
            h.scale(-1, 1);
        }
        CharacterPainter.paint(h, d.design(), pose, centre, headY, faceWidth);
        h.dispose();
        return new int[] {(int) Math.round(centre - BOX_X * s), (int) Math.round(headY + BOX_TOP * s),
            (int) Math.round(centre + BOX_X * s), (int) Math.round(headY + BOX_BOTTOM * s)};
    }

    /** A reference picture of a painter design: a close-up on a white card, as the demo's refs/ hold, with its face box. */
    static CastScenes.Scene reference(CharacterDesign c) {
        BufferedImage img = new BufferedImage(320, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 400);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double faceWidth = 140;
        double s = faceWidth / CharacterPainter.FACE_WIDTH;
        CharacterPainter.paint(g, c, Pose.NEUTRAL, 160, 170, faceWidth);
        g.dispose();
        FaceBox box = new FaceBox("face", 0, (int) Math.round(160 - BOX_X * s), (int) Math.round(170 + BOX_TOP * s),
                (int) Math.round(160 + BOX_X * s), (int) Math.round(170 + BOX_BOTTOM * s));
        return new CastScenes.Scene(c.name() + "_ref", ImageLoader.toRgb(img), List.of(new CastScenes.Face(box, c.name())));
    }

    /**
     * {@code n} scenes of one to three figures, each drawn from {@code figures} (sprites of the shared art
     * as {@link CastScenes.Sprite}, painter designs as {@link Drawn}).
     */
    static List<CastScenes.Scene> scenes(CastScenes cast, List<Object> figures, int n, long seed, String prefix) {
        Random rnd = new Random(seed);
        List<CastScenes.Scene> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = 1 + rnd.nextInt(3);
            List<Object> chosen = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                chosen.add(figures.get(rnd.nextInt(figures.size())));
            }
            out.add(cast.compose(chosen, rnd, prefix + i));
        }
        return out;
    }
}
