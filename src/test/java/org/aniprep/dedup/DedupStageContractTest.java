package org.aniprep.dedup;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.aniprep.testing.StageArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DedupStage} through the stage contract alone, as {@code aniprep run} drives it: no picocli command. */
class DedupStageContractTest {
    private final DedupStage stage = new DedupStage();

    @Test
    void reportOnlyWritesNothingThenMoveRemovesTheDuplicate(@TempDir Path work) throws Exception {
        RunLayout layout = new RunLayout(work.resolve("videos"), work.resolve("run"), null, List.of());
        Path frames = layout.frames();
        var scene = AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_happy", DedupCommandTest.MID));
        AnimeScenes.writeJpeg(scene, frames.resolve("EP01/f1.jpg"), 0.92f);
        AnimeScenes.writeJpeg(scene, frames.resolve("EP01/f2.jpg"), 0.6f);
        AnimeScenes.writePng(AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("lucy_happy", DedupCommandTest.MID)),
                frames.resolve("EP02/f1.png"));
        List<String> args = stage.layoutArgs(layout);

        DedupStage.Options report = StageArgs.parse(stage, concat(args, "--action", "report"));
        assertThat(stage.writes(report)).as("report changes nothing, so it takes no lock").isEmpty();
        StageResult looked = stage.run(report, new StageContext(new Problems()));
        assertThat(looked.counts()).containsEntry("images", 3L).containsEntry("groups", 2L).containsEntry("kept", 2L)
                .containsEntry("duplicates", 1L).containsEntry("removed", 0L);
        assertThat(looked.lines()).anySatisfy(l -> assertThat(l).startsWith("report: "));
        assertThat(frames.resolve("EP01/f2.jpg")).exists();

        DedupStage.Options move = StageArgs.parse(stage, args.toArray(String[]::new));
        assertThat(stage.unavailable(move)).as("phash needs no model").isEmpty();
        assertThat(stage.writes(move)).containsExactly(frames);
        assertThat(StageRunner.alone(stage, move, "test dedup", false)).isZero();
        assertThat(frames.resolve("_removed/EP01/f2.jpg")).exists();
        assertThat(frames.resolve("EP01/f1.jpg")).exists();
    }

    @Test
    void checkRefusesThresholdsOfTheWrongKind(@TempDir Path work) throws Exception {
        Files.createDirectories(work);
        String src = work.toString();
        assertThatThrownBy(() -> stage.check(StageArgs.parse(stage, "--src", src, "--threshold", "2.5")))
                .isInstanceOf(BadOptions.class).hasMessageContaining("whole number of bits");
        assertThatThrownBy(() -> stage.check(StageArgs.parse(stage, "--src", src, "--method", "embedding", "--threshold", "3")))
                .isInstanceOf(BadOptions.class).hasMessageContaining("cosine similarity");
        assertThatThrownBy(() -> stage.check(StageArgs.parse(stage, "--src", src, "--action", "report", "--no-report")))
                .isInstanceOf(BadOptions.class).hasMessageContaining("would do nothing");
    }

    private static String[] concat(List<String> args, String... more) {
        return java.util.stream.Stream.concat(args.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
