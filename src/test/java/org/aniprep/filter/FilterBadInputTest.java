package org.aniprep.filter;

import org.aniprep.cli.Main;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A corrupt frame is one problem (exit 2) and the rest is judged; --text keep keeps a subtitled frame, flagged. */
class FilterBadInputTest {
    private static RgbImage subtitled(RgbImage scene, String text) {
        BufferedImage img = scene.toBufferedImage();
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        FontMetrics m = g.getFontMetrics();
        int x = (img.getWidth() - m.stringWidth(text)) / 2;
        int y = img.getHeight() - 28;
        java.awt.Shape outline = new TextLayout(text, g.getFont(), g.getFontRenderContext()).getOutline(
                java.awt.geom.AffineTransform.getTranslateInstance(x, y));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.draw(outline);
        g.setColor(Color.WHITE);
        g.fill(outline);
        g.dispose();
        return org.aniprep.image.ImageLoader.toRgb(img);
    }

    @Test
    void aCorruptFrameIsReportedTheOthersAreJudgedAndKeptSubtitlesAreFlagged(@TempDir Path dir) throws IOException {
        RgbImage scene = AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("lucy_mad", 420));
        AnimeScenes.writePng(scene, dir.resolve("a_1.png"));
        AnimeScenes.writePng(subtitled(scene, "I will never forgive you!"), dir.resolve("a_2.png"));
        AnimeScenes.writePng(RgbImage.blank(640, 360, 0, 0, 0), dir.resolve("a_3.png"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("eileen_happy", 480)), dir.resolve("a_4.png"));
        Files.write(dir.resolve("a_5.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});

        assertThat(Main.run("filter", "--src", dir.toString(), "--text", "keep", "--quiet")).isEqualTo(2);
        assertThat(dir.resolve("a_5.png")).exists();
        FilterInfo clean = SidecarStore.read(dir.resolve("a_1.png")).get(FilterInfo.SECTION, FilterInfo.class).orElseThrow();
        assertThat(clean.dropped()).isFalse();
        FilterInfo sub = SidecarStore.read(dir.resolve("a_2.png")).get(FilterInfo.SECTION, FilterInfo.class).orElseThrow();
        assertThat(sub.dropped()).isFalse();
        assertThat(sub.hits()).containsExactly("subtitles");
        assertThat(sub.text().layout()).isEqualTo("subtitles");
        assertThat(dir.resolve("_removed/a_3.png")).exists();
        assertThat(SidecarStore.read(dir.resolve("_removed/a_3.png")).get(FilterInfo.SECTION, FilterInfo.class).orElseThrow().reason())
                .isEqualTo("black");
        assertThat(Files.readString(dir.resolve("_report/filter.html"))).contains("Flagged, kept: burned-in subtitles", "a_2.png");
    }

    @Test
    void helpAndUsageErrors(@TempDir Path dir) {
        assertThat(Main.run("filter", "--help")).isZero();
        assertThat(Main.run("filter", "--src", dir.resolve("missing").toString(), "--quiet")).isEqualTo(1);
        assertThat(Main.run("filter", "--src", dir.toString(), "--text", "maybe", "--quiet")).isEqualTo(1);
    }
}
