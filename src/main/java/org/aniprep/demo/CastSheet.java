package org.aniprep.demo;

import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.demo.art.CharacterPainter;
import org.aniprep.demo.art.Pose;
import org.aniprep.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A picture of the demo cast: each character full-body and as a face close-up, mouth closed and open. */
public final class CastSheet {
    private CastSheet() {
    }

    public static BufferedImage draw(List<CharacterDesign> cast, int columnWidth, int height) {
        BufferedImage img = new BufferedImage(columnWidth * cast.size(), height, BufferedImage.TYPE_3BYTE_BGR);
        Storyboard.paint(img, (g, w, h) -> {
            g.setColor(new Color(0xf4, 0xf1, 0xea));
            g.fillRect(0, 0, w, h);
            double bodyH = h * 0.62;
            for (int i = 0; i < cast.size(); i++) {
                CharacterDesign c = cast.get(i);
                double cx = columnWidth * (i + 0.5);
                CharacterPainter.standing(g, c, Pose.NEUTRAL, cx, bodyH - 8, bodyH - 24);
                double face = columnWidth * 0.26;
                CharacterPainter.paint(g, c, Pose.NEUTRAL, cx - columnWidth * 0.22, bodyH + face * 0.9, face);
                CharacterPainter.paint(g, c, Pose.TALKING, cx + columnWidth * 0.22, bodyH + face * 0.9, face);
                int size = Math.max(10, h / 40);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
                g.setColor(Color.DARK_GRAY);
                g.drawString(c.name() + " (" + c.hair().name().toLowerCase(java.util.Locale.ROOT) + ")",
                        columnWidth * i + 8, size + 6);
            }
        });
        return img;
    }

    public static void write(Path target, List<CharacterDesign> cast, int columnWidth, int height) throws IOException {
        BufferedImage img = draw(cast, columnWidth, height);
        AtomicFiles.writeVia(target, temp -> ImageIO.write(img, "png", temp.toFile()));
    }
}
