package org.aniprep.testing;

import org.aniprep.demo.ClipScript;
import org.aniprep.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixtures must be what their scripts say, or every extract/dedup test built on them lies. */
class SceneClipsTest {
    @TempDir
    Path dir;

    @Test
    void standardClipScriptNamesHoldsCutsAndTheCutBack() throws IOException {
        SceneClips.Clip clip = SceneClips.standard(dir.resolve("show_01.mp4"), SceneClips.SMALL);
        ClipScript script = clip.script();

        assertThat(script.frameCount()).isEqualTo(82);
        assertThat(script.cuts()).containsExactly(24, 36, 52, 70);
        // shot starts + every frame of the slide and the pan
        assertThat(script.changes()).hasSize(1 + 12 + 16 + 1 + 1);
        assertThat(script.isHold(1)).isTrue();
        assertThat(script.isHold(25)).isFalse();
        assertThat(script.repeats()).containsExactly(70);
        assertThat(script.pictures().get(70)).isEqualTo(script.pictures().get(0));
        assertThat(script.uniquePictures()).hasSize(1 + 12 + 16 + 1);
    }

    @Test
    void decodedFramesFollowTheScript() throws IOException {
        SceneClips.Clip clip = SceneClips.standard(dir.resolve("show_01.mp4"), SceneClips.SMALL);
        ClipScript script = clip.script();
        List<RgbImage> frames = VideoFrames.decode(clip.video()).frames();
        assertThat(frames).hasSize(script.frameCount());
        assertThat(frames.get(0).width()).isEqualTo(320);

        for (int i = 1; i < frames.size(); i++) {
            double diff = VideoFrames.meanAbsDiff(frames.get(i - 1), frames.get(i));
            if (script.isHold(i)) {
                assertThat(diff).as("hold at frame %d", i).isLessThan(1.0);
            } else {
                assertThat(diff).as("change at frame %d", i).isGreaterThan(1.5);
            }
        }
        // the cut back shows the first shot again (up to encoding noise), not the shot before it
        assertThat(VideoFrames.meanAbsDiff(frames.get(0), frames.get(70))).isLessThan(2.0);
        assertThat(VideoFrames.meanAbsDiff(frames.get(69), frames.get(70))).isGreaterThan(10.0);
    }

    @Test
    void flapAlternatesTwoPictures() {
        var shot = SceneClips.flap("talk", 12, 3, "bg_washington.jpg",
                SceneClips.sprite("eileen_happy.png", 0.5), SceneClips.sprite("eileen_vhappy.png", 0.5));
        var board = new org.aniprep.demo.Storyboard().add(shot);
        ClipScript script = board.script(SceneClips.SMALL);
        assertThat(script.changes()).containsExactly(0, 3, 6, 9);
        assertThat(script.uniquePictures()).hasSize(2);
        assertThat(script.repeats()).containsExactly(6, 9);
    }
}
