package org.aniprep.dataset.metadata;

import org.aniprep.console.Problems;
import org.aniprep.dataset.SeedExample;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metadata stage through the stage contract alone, without the command line. */
class MetadataStageTest {
    @TempDir
    Path dir;
    final MetadataStage stage = new MetadataStage();

    private MetadataStage.Options options(String... args) {
        MetadataStage.Options o = stage.newOptions();
        new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return o;
    }

    @Test
    void writesTheSeedKeysThenLeavesThemUnchanged() throws Exception {
        Path image = Files.write(dir.resolve("a.png"), new byte[]{1, 2, 3});
        DetectInfo detect = DetectSections.with(DetectInfo.empty().withSize(1920, 1080), "face", "yolo",
                List.of(new Detection(100, 100, 300, 300, "face", 0.9f)), 1920, 1080);
        SidecarStore.update(image, s -> s.put("detect", detect).put("classify", SeedExample.classify(List.of("Aoi"))));
        MetadataStage.Options o = options("--src", dir.toString(), "--general", "anishot test");
        assertThat(stage.writes(o)).containsExactly(dir);

        assertThat(StageRunner.alone(stage, o, "test", false)).isZero();
        SeedKeys keys = SeedKeys.read(SidecarStore.read(image));
        assertThat(keys.characters()).containsExactly("Aoi");
        assertThat(keys.count()).isEqualTo("1");
        assertThat(keys.general()).startsWith("anishot test");

        StageResult again = stage.run(o, new StageContext(new Problems()));
        assertThat(again.counts()).containsExactly(Map.entry("written", 0L), Map.entry("unchanged", 1L), Map.entry("kept_edited", 0L));
        assertThat(again.lines()).containsExactly("wrote 0 sidecar(s), 1 unchanged");
    }

    @Test
    void badLevelsAreABadOptionAndRunSetsTheFrames() {
        assertThatThrownBy(() -> stage.check(options("--src", dir.toString(), "--levels", "n_characters,hair")))
                .isInstanceOf(BadOptions.class).hasMessageStartingWith("--levels: ");
        Path root = dir.resolve("run");
        assertThat(stage.layoutArgs(new RunLayout(dir, root, null, List.of()))).containsExactly("--src", root.resolve("frames").toString());
    }
}
