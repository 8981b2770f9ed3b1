package org.aniprep.demo;

import org.aniprep.image.RgbImage;
import org.aniprep.testing.VideoFrames;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipRecorderTest {
    @TempDir
    Path dir;

    @Test
    void writesH264Yuv420pWithEveryFrame() throws IOException {
        Path clip = dir.resolve("clip.mp4");
        ClipRecorder.Settings settings = ClipRecorder.Settings.of(64, 48).withFps(12).withKeyframeInterval(5);
        try (ClipRecorder rec = ClipRecorder.open(clip, settings)) {
            rec.hold(solid(64, 48, Color.RED), 6);
            rec.add(RgbImage.blank(64, 48, 0, 0, 255));
            rec.add(RgbImage.blank(64, 48, 0, 0, 255));
            rec.hold(solid(64, 48, Color.GREEN), 4);
            assertThat(rec.frames()).isEqualTo(12);
            rec.finish();
        }

        VideoFrames.Decoded decoded = VideoFrames.decode(clip);
        assertThat(decoded.codec()).isEqualTo("h264");
        assertThat(decoded.pixelFormat()).isEqualTo(avutil.AV_PIX_FMT_YUV420P);
        assertThat(decoded.fps()).isEqualTo(12.0);
        assertThat(decoded.frames()).hasSize(12);
        assertColour(decoded.frames().get(0), 255, 0, 0);
        assertColour(decoded.frames().get(6), 0, 0, 255);
        assertColour(decoded.frames().get(11), 0, 255, 0);
        assertThat(leftovers()).containsExactly(clip);
    }

    @Test
    void convertsAnyImageTypeAndSubImages() throws IOException {
        Path clip = dir.resolve("argb.mp4");
        BufferedImage argb = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setColor(Color.YELLOW);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        BufferedImage sub = solid(64, 64, Color.CYAN).getSubimage(16, 16, 32, 32);
        try (ClipRecorder rec = ClipRecorder.open(clip, ClipRecorder.Settings.of(32, 32))) {
            rec.add(argb);
            rec.add(sub);
            rec.finish();
        }
        VideoFrames.Decoded decoded = VideoFrames.decode(clip);
        assertColour(decoded.frames().get(0), 255, 255, 0);
        assertColour(decoded.frames().get(1), 0, 255, 255);
    }

    @Test
    void closingWithoutFinishLeavesNothingAndKeepsAnOldClip() throws IOException {
        Path clip = dir.resolve("clip.mp4");
        Files.writeString(clip, "old");
        try (ClipRecorder rec = ClipRecorder.open(clip, ClipRecorder.Settings.of(32, 32))) {
            rec.add(solid(32, 32, Color.RED));
            // an exception while drawing would leave the block here, without finish()
        }
        assertThat(Files.readString(clip)).isEqualTo("old");
        assertThat(leftovers()).containsExactly(clip);
    }

    @Test
    void refusesOddSizesWrongFramesAndEmptyClips() throws IOException {
        assertThatThrownBy(() -> ClipRecorder.Settings.of(33, 32)).hasMessageContaining("even");
        Path clip = dir.resolve("x.mp4");
        try (ClipRecorder rec = ClipRecorder.open(clip, ClipRecorder.Settings.of(32, 32))) {
            assertThatThrownBy(() -> rec.add(solid(16, 16, Color.RED))).hasMessageContaining("16x16");
            assertThatThrownBy(rec::finish).hasMessageContaining("no frames");
        }
        assertThat(leftovers()).isEmpty();
    }

    private Stream<Path> leftovers() throws IOException {
        return Files.list(dir).sorted();
    }

    private static BufferedImage solid(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static void assertColour(RgbImage img, int r, int g, int b) {
        int x = img.width() / 2;
        int y = img.height() / 2;
        assertThat(img.get(x, y, 0)).as("red").isCloseTo(r, org.assertj.core.data.Offset.offset(12));
        assertThat(img.get(x, y, 1)).as("green").isCloseTo(g, org.assertj.core.data.Offset.offset(12));
        assertThat(img.get(x, y, 2)).as("blue").isCloseTo(b, org.assertj.core.data.Offset.offset(12));
    }
}
