package org.aniprep.demo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoEpisodeTest {
    private final ClipRecorder.Settings settings = ClipRecorder.Settings.of(1280, 720);
    private final DemoEpisode full = new DemoEpisode(settings, 1.0);

    @Test
    void episodesHaveTheAdvertisedLengths() {
        assertThat(full.episode1().script(settings).seconds()).isBetween(28.0, 32.0);
        assertThat(full.episode2().script(settings).seconds()).isBetween(10.0, 14.0);
    }

    @Test
    void episodeTwoOpensWithEpisodeOnesOpening() {
        ClipScript one = full.episode1().script(settings);
        ClipScript two = full.episode2().script(settings);
        int opening = one.shot("op_cast").end();
        assertThat(two.pictures().subList(0, opening)).isEqualTo(one.pictures().subList(0, opening));
        assertThat(two.uniquePictures()).hasSizeLessThan(two.frameCount());
    }

    @Test
    void episodeOneHasHoldsLipFlapMotionAndCutsBack() {
        ClipScript s = full.episode1().script(settings);
        ClipScript.Span talk = s.shot("ep1_akane_street");
        List<String> flap = s.pictures().subList(talk.start(), talk.start() + 4 * DemoEpisode.FLAP);
        // open, closed, open, closed: each held for FLAP frames
        assertThat(flap.stream().distinct()).hasSize(2);
        assertThat(flap.get(0)).isEqualTo(flap.get(2 * DemoEpisode.FLAP)).isNotEqualTo(flap.get(DemoEpisode.FLAP));
        // the pan changes every frame; the cast shot is one held picture
        ClipScript.Span pan = s.shot("op_street_pan");
        assertThat(s.changes().stream().filter(i -> i >= pan.start() && i < pan.end())).hasSize(pan.frames());
        assertThat(s.uniquePictures()).contains("group/SKY");
        // the episode ends by cutting back to shots seen before
        int lastCut = s.cuts().get(s.cuts().size() - 1);
        assertThat(s.repeats()).contains(lastCut);
        assertThat(s.uniquePictures().size()).isLessThan(s.changes().size());
    }

    @Test
    void shortEpisodesKeepEveryShot() {
        DemoEpisode tiny = new DemoEpisode(settings, 0.05);
        ClipScript s = tiny.episode1().script(settings);
        assertThat(s.shots()).hasSize(full.episode1().shots().size());
        assertThat(s.shots()).allMatch(span -> span.frames() >= 2 * DemoEpisode.FLAP);
    }
}
