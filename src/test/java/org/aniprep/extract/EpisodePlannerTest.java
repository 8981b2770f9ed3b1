package org.aniprep.extract;

import org.aniprep.console.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodePlannerTest {
    @TempDir
    Path dst;

    private List<EpisodePlan> plan(String prefix, Integer epInit, Problems problems, String... files) {
        List<Path> videos = java.util.Arrays.stream(files).map(Path::of).toList();
        return EpisodePlanner.plan(videos, dst, prefix, epInit, problems);
    }

    @Test
    void numbersFromFileNamesAndNamesFramesUniquely() {
        Problems p = new Problems();
        List<EpisodePlan> plans = plan(null, null, p, "[G] Show - 01 [1080p].mkv", "[G] Show - 02 [1080p].mkv");
        assertThat(plans).extracting(EpisodePlan::label).containsExactly("EP01", "EP02");
        assertThat(plans.get(1).folder()).isEqualTo(dst.resolve("EP02"));
        assertThat(plans.get(1).frameName(7, "png")).isEqualTo("Show_EP02_7.png");
        assertThat(p.isEmpty()).isTrue();
    }

    @Test
    void epInitNumbersByPositionAndPrefixOptionWins() {
        Problems p = new Problems();
        List<EpisodePlan> plans = plan("yama", 5, p, "a_01.mp4", "b_07.mp4");
        assertThat(plans).extracting(EpisodePlan::label).containsExactly("EP05", "EP06");
        assertThat(plans.get(0).frameName(1, "png")).isEqualTo("yama_EP05_1.png");
    }

    @Test
    void unnumberedNamesUsePosition() {
        List<EpisodePlan> plans = plan(null, null, new Problems(), "alpha.mp4", "beta.mp4");
        assertThat(plans).extracting(EpisodePlan::label).containsExactly("EP01", "EP02");
        assertThat(plans).extracting(EpisodePlan::prefix).containsExactly("alpha", "beta");
        assertThat(plans.get(0).folder().getFileName().toString()).isEqualTo("alpha_EP01");
    }

    @Test
    void seasonsKeepSameEpisodeNumbersApart() {
        List<EpisodePlan> plans = plan(null, null, new Problems(), "Show S1E04.mkv", "Show S2E04.mkv");
        assertThat(plans).extracting(EpisodePlan::label).containsExactly("S1EP04", "S2EP04");
    }

    @Test
    void sameEpisodeTwiceIsReportedAndSkipped() {
        Problems p = new Problems();
        List<EpisodePlan> plans = plan(null, null, p, "Show - 03.mkv", "Show - 03 (v2).mp4");
        assertThat(plans).hasSize(1);
        assertThat(p.list()).singleElement().satisfies(x -> assertThat(x.message()).contains("EP03"));
    }

    @Test
    void namesFromDataCannotEscapeTheOutput() {
        List<EpisodePlan> plans = plan("../../etc", null, new Problems(), "x_01.mp4");
        assertThat(plans.get(0).folder().normalize().startsWith(dst)).isTrue();
        assertThat(plans.get(0).prefix()).doesNotContain("/");
    }
}
