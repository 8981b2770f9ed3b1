package org.aniprep.extract;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageLocks;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.aniprep.testing.SceneClips;
import org.aniprep.testing.StageArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ExtractStage} through the stage contract alone, as {@code aniprep run} drives it: no picocli command. */
class ExtractStageContractTest {
    private final ExtractStage stage = new ExtractStage(org.aniprep.dedup.ExtractDedupGate::streaming);

    @Test
    void runsFromTheRunLayoutWithStreamingDedupAndARerunDoesNothing(@TempDir Path work) throws Exception {
        Path videos = Files.createDirectories(work.resolve("videos"));
        SceneClips.Clip clip = SceneClips.standard(videos.resolve("Eileen Show - 01.mp4"), SceneClips.SMALL);
        RunLayout layout = new RunLayout(videos, work.resolve("run"), null, List.of());
        List<String> args = new ArrayList<>(stage.layoutArgs(layout));
        args.addAll(stage.runDefaults());
        args.add("--dedup-threshold=12");
        ExtractStage.Options o = StageArgs.parse(stage, args.toArray(String[]::new));
        assertThat(o.dedup).isTrue();
        assertThat(stage.writes(o)).containsExactly(layout.frames());

        assertThat(StageRunner.alone(stage, o, "test extract", false)).isZero();
        long written;
        try (Stream<Path> s = Files.list(layout.frames().resolve("EP01"))) {
            written = s.filter(p -> p.toString().endsWith(".png")).count();
        }
        assertThat(written).isPositive().isLessThan(clip.script().frameCount());

        StageResult again;
        try (StageLocks locks = StageLocks.lockAll(stage.writes(o), "test extract", false)) {
            again = stage.run(o, new StageContext(new Problems()));
        }
        assertThat(again.counts()).containsEntry("episodes", 1L).containsEntry("already_complete", 1L)
                .containsEntry("extracted", 0L).containsEntry("failed", 0L);
        assertThat(again.counts()).containsKeys("frames_kept", "frames_decoded");
        assertThat(again.lines()).singleElement().asString().contains("1 already complete");
        // one video file is a source too, as aniprep run --src takes it
        stage.check(StageArgs.parse(stage, "--src", videos.resolve("Eileen Show - 01.mp4").toString(), "--dst", work.toString()));
    }

    @Test
    void checkRefusesBadOptionsBeforeAnyWork(@TempDir Path work) throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path dst = work.resolve("out");
        assertThatThrownBy(() -> stage.check(StageArgs.parse(stage, "--src", empty.toString(), "--dst", dst.toString())))
                .isInstanceOf(BadOptions.class).hasMessageContaining("no videos found in " + empty);
        assertThatThrownBy(() -> stage.check(StageArgs.parse(stage, "--src", empty.toString(), "--dst", dst.toString(),
                "--mpdecimate", "hi=abc"))).isInstanceOf(BadOptions.class).hasMessageContaining("--mpdecimate 'hi=abc'");
        assertThatThrownBy(() -> stage.check(StageArgs.parse(stage, "--src", empty.toString(), "--dst", dst.toString(),
                "--dedup-threshold", "8"))).isInstanceOf(BadOptions.class).hasMessage("--dedup-threshold needs --dedup");
        assertThat(dst).as("nothing written by a refused run").doesNotExist();
    }
}
