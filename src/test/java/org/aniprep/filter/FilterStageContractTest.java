package org.aniprep.filter;

import org.aniprep.console.Problems;
import org.aniprep.image.RgbImage;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageLocks;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.SidecarStore;
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

/** {@link FilterStage} through the stage contract alone, as {@code aniprep run} drives it: no picocli command. */
class FilterStageContractTest {
    private static final int MID = AnimeScenes.CAM_X + AnimeScenes.FRAME_W / 2;
    private final FilterStage stage = new FilterStage();

    @Test
    void judgesTheRunsFramesAndMovesTheBlackOne(@TempDir Path work) throws Exception {
        RunLayout layout = new RunLayout(work.resolve("videos"), work.resolve("run"), null, List.of());
        Path episode = Files.createDirectories(layout.frames().resolve("EP01"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_happy", MID)), episode.resolve("f1.png"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_cave.jpg", 40, Actor.at("lucy_happy", MID)), episode.resolve("f2.png"));
        AnimeScenes.writePng(RgbImage.blank(AnimeScenes.FRAME_W, AnimeScenes.FRAME_H, 0, 0, 0), episode.resolve("f3.png"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("eileen_vhappy", MID)), episode.resolve("f4.png"));
        FilterStage.Options o = StageArgs.parse(stage, stage.layoutArgs(layout).toArray(String[]::new));
        assertThat(stage.runDefaults()).isEmpty();
        assertThat(stage.unavailable(o)).as("the text detector ships inside aniprep").isEmpty();
        assertThat(stage.writes(o)).containsExactly(layout.frames());

        assertThat(StageRunner.alone(stage, o, "test filter", false)).isZero();
        Path black = layout.frames().resolve("_removed/EP01/f3.png");
        assertThat(black).exists();
        assertThat(SidecarStore.read(black).get(FilterInfo.SECTION, FilterInfo.class)).hasValueSatisfying(
                f -> assertThat(f.reason()).isEqualTo("black"));

        StageResult again;
        try (StageLocks locks = StageLocks.lockAll(stage.writes(o), "test filter", false)) {
            again = stage.run(o, new StageContext(new Problems()));
        }
        assertThat(again.counts()).containsEntry("frames", 3L).containsEntry("kept", 3L).containsEntry("removed", 0L);
        assertThat(again.lines()).first().asString().startsWith("3 frame(s): 0 rejected");
    }

    @Test
    void textOffNeedsNoModelAndAMissingFolderIsRefused(@TempDir Path work) {
        FilterStage.Options off = StageArgs.parse(stage, "--src", work.toString(), "--text", "off", "--offline");
        assertThat(stage.unavailable(off)).isEmpty();
        FilterStage.Options missing = StageArgs.parse(stage, "--src", work.resolve("nope").toString());
        assertThatThrownBy(() -> stage.check(missing)).isInstanceOf(BadOptions.class).hasMessageContaining(": not a folder");
    }
}
