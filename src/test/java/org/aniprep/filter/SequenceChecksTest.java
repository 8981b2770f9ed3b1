package org.aniprep.filter;

import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Fades, flashes and cuts on frames of the shared art, darkened and brightened in memory. */
class SequenceChecksTest {
    private static final RgbImage DAY = AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("eileen_happy", 480));
    private static final RgbImage CAVE = AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("lucy_mad", 420));
    private final FrameChecks frameChecks = FrameChecks.defaults();
    private final SequenceChecks checks = new SequenceChecks(SequenceChecks.Settings.DEFAULT, frameChecks);
    private final Verdicts verdicts = new Verdicts(frameChecks, SequenceChecks.Settings.DEFAULT,
            new FilterOptions(Path.of("."), FilterOptions.TextMode.drop, FilterOptions.BlurMode.keep, FilterOptions.Action.report, null));

    /** v' = v * gain + lift, clipped. */
    private static RgbImage tone(RgbImage img, double gain, double lift) {
        byte[] out = img.rgb().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round((out[i] & 0xff) * gain + lift)));
        }
        return new RgbImage(img.width(), img.height(), out);
    }

    private List<Frame> sequence(RgbImage... images) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            Frame f = new Frame(Path.of("f" + i + ".png"), "f" + i + ".png",
                    new FrameSource("/v/ep.mkv", "show", null, 1, i * 3L, i * 0.125), null, null);
            f.scores = FrameChecks.measure(images[i]);
            frames.add(f);
        }
        checks.score(frames);
        return frames;
    }

    private List<Set<Reason>> hits(List<Frame> frames) {
        return frames.stream().map(verdicts::hits).toList();
    }

    @Test
    void flatFramesAreBlackWhiteOrUniformAndPicturesAreNot() {
        assertThat(frameChecks.uniformity(FrameChecks.measure(RgbImage.blank(64, 36, 2, 3, 1)))).contains(Reason.BLACK);
        assertThat(frameChecks.uniformity(FrameChecks.measure(RgbImage.blank(64, 36, 250, 250, 255)))).contains(Reason.WHITE);
        assertThat(frameChecks.uniformity(FrameChecks.measure(RgbImage.blank(64, 36, 40, 90, 200)))).contains(Reason.UNIFORM);
        assertThat(frameChecks.uniformity(FrameChecks.measure(DAY))).isEmpty();
        assertThat(frameChecks.uniformity(FrameChecks.measure(tone(DAY, 0.3, 0)))).as("a dark night scene").isEmpty();
    }

    @Test
    void aFadeCopyCorrelatesWithItsPictureAndACutDoesNot() {
        FrameScores day = FrameChecks.measure(DAY);
        assertThat(FrameChecks.correlation(day, FrameChecks.measure(tone(DAY, 0.3, 0)))).isGreaterThan(0.95);
        assertThat(FrameChecks.correlation(day, FrameChecks.measure(CAVE))).isLessThan(0.6);
        assertThat(FrameChecks.fadeDepth(FrameChecks.measure(tone(DAY, 0.5, 0)), day)).isBetween(0.45, 0.55);
    }

    @Test
    void theRampAtAShotsStartIsAFadeButAShotThatStaysDarkIsNot() {
        List<Frame> frames = sequence(tone(DAY, 0.2, 0), tone(DAY, 0.45, 0), tone(DAY, 0.7, 0), DAY, DAY,
                tone(CAVE, 0.35, 0), tone(CAVE, 0.35, 0), tone(CAVE, 0.36, 0));
        assertThat(hits(frames)).containsExactly(Set.of(Reason.FADE), Set.of(Reason.FADE), Set.of(Reason.FADE), Set.of(), Set.of(),
                Set.of(), Set.of(), Set.of());
        assertThat(frames.get(0).fadeTowards).isEqualTo("black");
        assertThat(frames.stream().map(f -> f.shot).toList()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1);
    }

    @Test
    void aFadeOutToWhiteAtTheShotsEnd() {
        List<Frame> frames = sequence(CAVE, CAVE, tone(CAVE, 0.6, 100), tone(CAVE, 0.3, 178));
        assertThat(hits(frames)).containsExactly(Set.of(), Set.of(), Set.of(Reason.FADE), Set.of(Reason.FADE));
        assertThat(frames.get(3).fadeTowards).isEqualTo("white");
    }

    @Test
    void aContrastDipInTheMiddleOfAShotIsNoFade() {
        assertThat(hits(sequence(DAY, DAY, tone(DAY, 0.6, 30), DAY))).allMatch(Set::isEmpty);
    }

    @Test
    void aWashedOutFrameBetweenTwoOfTheSamePictureIsAFlash() {
        List<Frame> frames = sequence(tone(CAVE, 0.4, 0), tone(CAVE, 0.4, 0), tone(CAVE, 0.3, 170), tone(CAVE, 0.4, 0));
        assertThat(hits(frames).get(2)).containsExactly(Reason.FLASH);
        assertThat(hits(frames).get(1)).isEmpty();
    }

    @Test
    void aBrightShotBetweenTwoCutsIsNoFlash() {
        RgbImage room = AnimeScenes.scene("bg_whitehouse.jpg", 0, Actor.at("lucy_happy", 300));
        List<Frame> frames = sequence(tone(CAVE, 0.5, 0), tone(CAVE, 0.5, 0), DAY, tone(room, 0.3, 0), tone(room, 0.3, 0));
        assertThat(hits(frames)).allMatch(Set::isEmpty);
    }
}
