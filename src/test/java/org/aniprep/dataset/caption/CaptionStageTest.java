package org.aniprep.dataset.caption;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caption stage through its contract alone, as {@code aniprep run} uses it: no command line class involved. */
class CaptionStageTest {
    @TempDir
    Path dir;

    private final CaptionStage stage = new CaptionStage();

    private CaptionStage.Options options(String... args) {
        CaptionStage.Options o = stage.newOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    private Path image(String name, List<String> characters) throws Exception {
        Path p = Files.createDirectories(dir.resolve("EP01")).resolve(name);
        Files.write(p, new byte[] {1});
        SidecarStore.update(p, new SeedKeys(String.valueOf(characters.size()), characters, "anishot EP01", null,
                List.of("long_hair", "smile"))::writeTo);
        return p;
    }

    @Test
    void runsAloneAndARerunOnlyCountsWhatIsDone() throws Exception {
        Path a = image("a.png", List.of("Aoi"));
        image("b.png", List.of());
        CaptionStage.Options o = options("--src", dir.toString(), "--no-core-tags");
        assertThat(StageRunner.alone(stage, o, "aniprep test", false)).isZero();
        assertThat(a.resolveSibling("a.txt")).hasContent("1person, Aoi, anishot EP01, long_hair, smile");

        StageResult again = stage.run(o, new StageContext(new Problems()));
        assertThat(again.counts()).containsEntry("written", 0L).containsEntry("skipped", 2L);
        assertThat(again.lines()).containsExactly("0 .txt file(s) written, 2 unchanged");
    }

    @Test
    void badOptionsAreFoundBeforeAnyWork() throws Exception {
        image("a.png", List.of("Aoi"));
        assertThatThrownBy(() -> stage.check(options("--src", dir.toString(), "--prob", "tags=2"))).isInstanceOf(BadOptions.class);
        assertThatThrownBy(() -> stage.check(options("--src", dir.resolve("none").toString()))).isInstanceOf(BadOptions.class)
                .hasMessageContaining("not a folder");
        assertThat(dir.resolve("EP01/a.txt")).doesNotExist();
    }

    @Test
    void aRunCaptionsTheFramesInPlace() {
        RunLayout layout = new RunLayout(dir.resolve("videos"), dir.resolve("run"), null, List.of());
        List<String> args = stage.layoutArgs(layout);
        assertThat(args).containsExactly("--src", layout.frames().toString());
        assertThat(stage.writes(options(args.toArray(String[]::new)))).containsExactly(layout.frames());
    }
}
