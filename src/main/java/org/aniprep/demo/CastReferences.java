package org.aniprep.demo;

import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.demo.art.CharacterPainter;
import org.aniprep.demo.art.Pose;
import org.aniprep.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's reference folder for classify: each drawn character in a pose the episodes never show
 * (a close-up with the head tilted, on a plain card; waist-up on white, larger than the episodes' medium shots) so naming has to
 * generalise. One character is left without references on purpose: its faces end up in a cluster,
 * the way a new character of a real show would.
 */
final class CastReferences {
    /** Drawn into the episodes but given no reference. */
    static final CharacterDesign UNREFERENCED = CharacterDesign.AOI;
    private static final double TILT_DEGREES = 8;

    private CastReferences() {
    }

    static List<CharacterDesign> referenced() {
        return CharacterDesign.cast().stream().filter(c -> c != UNREFERENCED).toList();
    }

    /** Writes refs/<name>/ for the referenced cast unless already there. */
    static void ensure(Path refs) throws IOException {
        for (CharacterDesign c : referenced()) {
            Path dir = refs.resolve(c.name());
            Path tilted = dir.resolve(c.name() + "_tilted.png");
            Path figure = dir.resolve(c.name() + "_figure.png");
            if (Files.isRegularFile(tilted) && Files.isRegularFile(figure)) {
                continue;
            }
            Files.createDirectories(dir);
            write(tilted, tilted(c));
            write(figure, figure(c));
        }
    }

    private static BufferedImage tilted(CharacterDesign c) {
        BufferedImage img = new BufferedImage(360, 420, BufferedImage.TYPE_3BYTE_BGR);
        Storyboard.paint(img, (g, w, h) -> {
            g.setColor(new Color(0xee, 0xe8, 0xf4));
            g.fillRect(0, 0, w, h);
            g.rotate(Math.toRadians(TILT_DEGREES), w * 0.5, h * 0.45);
            CharacterPainter.paint(g, c, Pose.NEUTRAL, w * 0.5, h * 0.45, w * 0.42);
        });
        return img;
    }

    /** Waist-up on white, mouth open, larger than any medium shot of the episodes. */
    private static BufferedImage figure(CharacterDesign c) {
        BufferedImage img = new BufferedImage(400, 560, BufferedImage.TYPE_3BYTE_BGR);
        Storyboard.paint(img, (g, w, h) -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            CharacterPainter.paint(g, c, Pose.TALKING, w * 0.5, h * 0.3, w * 0.3);
        });
        return img;
    }

    private static void write(Path target, BufferedImage img) throws IOException {
        AtomicFiles.writeVia(target, temp -> ImageIO.write(img, "png", temp.toFile()));
    }
}
