package org.aniprep.filter;

import org.aniprep.demo.art.Backgrounds;
import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.demo.art.CharacterPainter;
import org.aniprep.demo.art.HairStyle;
import org.aniprep.demo.art.Outfit;
import org.aniprep.demo.art.Pose;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Frames that a text detector alone takes for text, and frames that are text, for the recogniser's
 * evaluation (docs/filter.md, "Text look-alikes"). Drawn with the demo painter (random cast designs,
 * palettes, scales) and the shared art (sprites cropped to faces and eyes, backgrounds panned), text in
 * DejaVu fonts with Java2D. Everything follows from the seed, so tuning seeds and held-out seeds give
 * different sets. Each still goes to {@code <dir>/<kind>/<kind>_<seed>_<n>/frame.png} (a folder each, so that
 * unrelated pictures are not judged as one sequence); a pan is a folder of its frames in time order.
 */
final class TextLookalikes {
    static final int W = 1280;
    static final int H = 720;
    static final Path ART = Path.of(System.getProperty("aniprep.shared", "../shared")).resolve("testdata/anime");

    /** The kinds and what is right for them (null: a picture that must be kept). */
    enum Kind {
        CLOSEUP(null), EYES(null), HAIR(null), SPINES(null), TEXTURE(null), FACADE_PAN(null),
        SUBTITLES(Reason.SUBTITLES), CREDITS(Reason.CREDITS), TITLE_CARD(Reason.TITLE_CARD);

        final Reason expected;

        Kind(Reason expected) {
            this.expected = expected;
        }

        String folder() {
            return name().toLowerCase();
        }
    }

    private static final String[] WORDS = ("then we have to run wait for me I never said that where did you go the "
            + "train leaves at noon do you remember this place it is raining again look over there she is coming back "
            + "tomorrow we will see").split(" ");
    private static final String[] NAMES = ("Aiko Haruto Yui Sota Mio Ren Hina Kaito Sakura Riku Nanami Daichi Emi Takumi "
            + "Kana Shun").split(" ");
    private static final String[] ROLES = {"Director", "Original Story", "Script", "Storyboard", "Character Design",
            "Art Director", "Music", "Sound Director", "Animation Producer", "Colour Design", "Editing", "Key Animation"};
    private static final String[] TITLES = {"Episode %d: The Lighthouse", "Episode %d", "The Last Summer",
            "Chapter %d: Rain", "Next Time", "To Be Continued", "Episode %d: A New Friend", "Fin"};

    private final Random rnd;
    private final List<BufferedImage> backgrounds = new ArrayList<>();
    private final List<BufferedImage> sprites = new ArrayList<>();

    TextLookalikes(long seed) throws IOException {
        this.rnd = new Random(seed);
        for (String f : List.of("bg_cave.jpg", "bg_washington.jpg", "bg_whitehouse.jpg", "concert1.png")) {
            backgrounds.add(ImageIO.read(ART.resolve(f).toFile()));
        }
        for (String f : List.of("eileen_happy.png", "eileen_concerned.png", "eileen_vhappy.png", "lucy_happy.png", "lucy_mad.png")) {
            sprites.add(ImageIO.read(ART.resolve(f).toFile()));
        }
    }

    /** Writes {@code perKind} pictures of each kind (pans: {@code perKind / 2} pans of 4 frames) under {@code dir}. */
    static void write(Path dir, long seed, int perKind) throws IOException {
        TextLookalikes t = new TextLookalikes(seed);
        for (Kind k : Kind.values()) {
            Path folder = dir.resolve(k.folder());
            Files.createDirectories(folder);
            if (k == Kind.FACADE_PAN) {
                for (int p = 0; p < Math.max(1, perKind / 2); p++) {
                    Path pan = folder.resolve("pan_" + seed + "_" + p);
                    Files.createDirectories(pan);
                    t.pan(pan, 4);
                }
                continue;
            }
            for (int n = 0; n < perKind; n++) {
                BufferedImage img = canvas();
                Graphics2D g = graphics(img);
                t.paint(k, g);
                g.dispose();
                // a folder per still: unrelated pictures are no sequence (no flash or fade between them)
                Path still = folder.resolve(k.folder() + "_" + seed + "_" + n);
                Files.createDirectories(still);
                ImageIO.write(img, "png", still.resolve("frame.png").toFile());
            }
        }
    }

    /** The kind a written frame is of, from its path. */
    static Kind kindOf(Path relative) {
        return Kind.valueOf(relative.getName(0).toString().toUpperCase());
    }

    private static BufferedImage canvas() {
        return new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }

    private void paint(Kind k, Graphics2D g) {
        switch (k) {
            case CLOSEUP -> closeUp(g, 0.45 + 0.35 * rnd.nextDouble());
            case EYES -> eyes(g);
            case HAIR -> hair(g);
            case SPINES -> TextureArt.spines(g, rnd, W, H);
            case TEXTURE -> TextureArt.texture(g, rnd, W, H);
            case SUBTITLES -> subtitles(g);
            case CREDITS -> credits(g);
            case TITLE_CARD -> titleCard(g);
            default -> throw new IllegalArgumentException(k.name());
        }
    }

    private CharacterDesign design() {
        HairStyle[] styles = HairStyle.values();
        Outfit[] outfits = Outfit.values();
        return new CharacterDesign("c" + rnd.nextInt(1000), styles[rnd.nextInt(styles.length)], colour(), colour(),
                new Color(240 + rnd.nextInt(16), 205 + rnd.nextInt(30), 185 + rnd.nextInt(30)), colour(), colour(), colour(),
                outfits[rnd.nextInt(outfits.length)]);
    }

    private Color colour() {
        return Color.getHSBColor(rnd.nextFloat(), 0.3f + 0.6f * rnd.nextFloat(), 0.2f + 0.8f * rnd.nextFloat());
    }

    private Pose pose() {
        return rnd.nextInt(4) == 0 ? Pose.TALKING : Pose.NEUTRAL;
    }

    private void scene(Graphics2D g) {
        if (rnd.nextBoolean()) {
            Backgrounds.Kind[] kinds = Backgrounds.Kind.values();
            Backgrounds.paint(g, kinds[rnd.nextInt(kinds.length)], W, H);
        } else {
            g.drawImage(backgrounds.get(rnd.nextInt(backgrounds.size())), 0, 0, W, H, null);
        }
    }

    /** A painted face filling the frame (or a shared sprite's face scaled up). */
    private void closeUp(Graphics2D g, double faceShare) {
        scene(g);
        if (rnd.nextInt(3) == 0) {
            BufferedImage s = sprites.get(rnd.nextInt(sprites.size()));
            // the sprites' heads are in their top quarter: that part scaled to the frame's height
            int top = s.getHeight() / 20;
            int bottom = top + (int) (s.getHeight() * (0.22 + 0.1 * rnd.nextDouble()));
            int sw = (bottom - top) * s.getWidth() / s.getHeight() * 3;
            int cx = s.getWidth() / 2;
            double scale = (double) H / (bottom - top);
            int dw = (int) (Math.min(s.getWidth(), sw) * scale);
            int x = (W - dw) / 2 + rnd.nextInt(200) - 100;
            g.drawImage(s, x, 0, x + dw, H, Math.max(0, cx - sw / 2), top, Math.min(s.getWidth(), cx + sw / 2), bottom, null);
            return;
        }
        CharacterPainter.paint(g, design(), pose(), W * (0.35 + 0.3 * rnd.nextDouble()), H * (0.35 + 0.15 * rnd.nextDouble()),
                H * faceShare);
    }

    /** So close that the eyes are the picture. */
    private void eyes(Graphics2D g) {
        scene(g);
        double face = H * (1.6 + 0.9 * rnd.nextDouble());
        // the eyes sit about 0.1 face widths below the head's centre
        CharacterPainter.paint(g, design(), pose(), W * (0.4 + 0.2 * rnd.nextDouble()), H * 0.5 - face * 0.1, face);
    }

    /** The top of a head, hair filling the frame. */
    private void hair(Graphics2D g) {
        scene(g);
        double face = H * (2.0 + 1.5 * rnd.nextDouble());
        CharacterPainter.paint(g, design(), Pose.NEUTRAL, W * (0.3 + 0.4 * rnd.nextDouble()), H * 0.5 + face * 0.55, face);
    }

    /** A pan across a facade: painted rows of windows or a shared building photograph, moving right. */
    private void pan(Path folder, int frames) throws IOException {
        BufferedImage wide = new BufferedImage(2 * W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(wide);
        if (rnd.nextBoolean()) {
            TextureArt.facade(g, rnd, 2 * W, H);
        } else {
            BufferedImage bg = backgrounds.get(1 + rnd.nextInt(2));
            g.drawImage(bg, 0, 0, 2 * W, (int) (H * 1.6), 0, 0, bg.getWidth(), bg.getHeight(), null);
        }
        g.dispose();
        int step = W / (frames + rnd.nextInt(3));
        for (int i = 0; i < frames; i++) {
            BufferedImage img = canvas();
            Graphics2D f = graphics(img);
            f.drawImage(wide, -i * step, 0, null);
            f.dispose();
            ImageIO.write(img, "png", folder.resolve(String.format("f%02d.png", i)).toFile());
        }
    }

    private String sentence(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[rnd.nextInt(WORDS.length)];
            sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return sb.append(rnd.nextBoolean() ? "." : "?").toString();
    }

    private void subtitles(Graphics2D g) {
        if (rnd.nextBoolean()) {
            closeUp(g, 0.5 + 0.2 * rnd.nextDouble());
        } else {
            scene(g);
        }
        int lines = 1 + rnd.nextInt(2);
        float size = H * (0.045f + 0.02f * rnd.nextFloat());
        Font font = font(rnd.nextBoolean(), size);
        boolean top = rnd.nextInt(5) == 0;
        for (int i = 0; i < lines; i++) {
            double y = top ? H * 0.08 + (i + 1) * size * 1.3 : H * 0.93 - (lines - 1 - i) * size * 1.3;
            outlined(g, sentence(3 + rnd.nextInt(4)), font, W / 2.0, y, Color.WHITE, Color.BLACK);
        }
    }

    private void credits(Graphics2D g) {
        scene(g);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f + 0.4f * rnd.nextFloat()));
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, W, H);
        g.setComposite(AlphaComposite.SrcOver);
        int lines = 4 + rnd.nextInt(5);
        float size = H * (0.03f + 0.015f * rnd.nextFloat());
        Font font = font(false, size);
        double x = W * (rnd.nextBoolean() ? 0.5 : 0.3 + 0.4 * rnd.nextDouble());
        double y0 = H * (0.1 + 0.2 * rnd.nextDouble());
        for (int i = 0; i < lines; i++) {
            String line = ROLES[rnd.nextInt(ROLES.length)] + "   " + NAMES[rnd.nextInt(NAMES.length)] + " " + NAMES[rnd.nextInt(NAMES.length)];
            outlined(g, line, font, x, y0 + i * size * 1.8, Color.WHITE, null);
        }
    }

    private void titleCard(Graphics2D g) {
        if (rnd.nextBoolean()) {
            g.setColor(colour());
            g.fillRect(0, 0, W, H);
        } else {
            scene(g);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.75f));
            g.setColor(Color.getHSBColor(rnd.nextFloat(), 0.2f, 0.1f + 0.8f * rnd.nextFloat()));
            g.fillRect(0, 0, W, H);
            g.setComposite(AlphaComposite.SrcOver);
        }
        String t = String.format(TITLES[rnd.nextInt(TITLES.length)], 1 + rnd.nextInt(12));
        Font font = font(true, H * (0.08f + 0.05f * rnd.nextFloat()));
        while (font.getStringBounds(t, frc()).getWidth() > W * 0.9) {
            font = font.deriveFont(font.getSize2D() * 0.9f);
        }
        Color fill = rnd.nextBoolean() ? Color.WHITE : Color.BLACK;
        Color outline = fill == Color.WHITE && rnd.nextBoolean() ? Color.BLACK : null;
        outlined(g, t, font, W / 2.0, H * (0.45 + 0.15 * rnd.nextDouble()), fill, outline);
    }

    private static FontRenderContext frc() {
        return new FontRenderContext(new AffineTransform(), true, true);
    }

    private static Font font(boolean bold, float size) {
        String file = bold ? FilterClips.FONT_BOLD : FilterClips.FONT;
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new File(file)).deriveFont(size);
        } catch (Exception e) {
            throw new IllegalStateException("font " + file + " (fonts-dejavu-core): " + e.getMessage(), e);
        }
    }

    /** Text centred at x with its baseline at y, filled, optionally outlined (as fansubs draw it). */
    private static void outlined(Graphics2D g, String text, Font font, double x, double y, Color fill, Color outline) {
        TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
        double w = layout.getBounds().getWidth();
        Shape s = layout.getOutline(AffineTransform.getTranslateInstance(x - w / 2, y));
        if (outline != null) {
            g.setColor(outline);
            g.setStroke(new BasicStroke(Math.max(2f, font.getSize2D() / 10f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(s);
        }
        g.setColor(fill);
        g.fill(s);
    }
}
