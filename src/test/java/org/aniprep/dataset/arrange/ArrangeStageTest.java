package org.aniprep.dataset.arrange;

import org.aniprep.console.Problems;
import org.aniprep.dataset.DatasetFixture;
import org.aniprep.io.AtomicFiles;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.aniprep.dataset.DatasetFixture.image;
import static org.aniprep.dataset.DatasetFixture.images;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arrange stage through its contract alone, as {@code aniprep run} uses it. */
class ArrangeStageTest {
    @TempDir
    Path tmp;

    private final ArrangeStage stage = new ArrangeStage();

    private ArrangeStage.Options options(Path dst, String... more) {
        ArrangeStage.Options o = stage.newOptions();
        String[] args = Stream.concat(Stream.of("--src", tmp.resolve("src").toString(), "--dst", dst.toString(),
                "--min-images-per-combination", "1", "--reg", "1", "--extra", tmp.resolve("fanart") + ":2"), Stream.of(more))
                .toArray(String[]::new);
        new CommandLine(o).parseArgs(args);
        return o;
    }

    private void sources() throws Exception {
        Path ep = tmp.resolve("src/EP01");
        image(ep, "a.png", List.of("Ann"), 0.3, "cap a");
        image(ep, "b.png", List.of("Ann", "Bob"), 0.6, "cap b");
        image(ep, "c.png", List.of(), 0, null);
        image(ep, "d.png", List.of(), 0, null);
        Path fanart = Files.createDirectories(tmp.resolve("fanart"));
        Files.writeString(fanart.resolve("f.png"), "fan art");
        Files.writeString(fanart.resolve("f.txt"), "Ann, fan art");
    }

    @Test
    void runsAloneAndCountsTheTree() throws Exception {
        sources();
        Path dst = tmp.resolve("dst");
        ArrangeStage.Options o = options(dst, "--no-report");
        assertThat(StageRunner.alone(stage, o, "aniprep test", false)).isZero();
        assertThat(images(dst)).hasSize(4).contains("screenshots/1_character/Ann/face_height_ratio_25-50/a.png", "fanart/others/face_height_ratio_0-25/f.png");
        assertThat(dst.resolve("screenshots/1_character/Ann/face_height_ratio_25-50/a.txt")).hasContent("cap a");

        StageResult again = stage.run(o, new StageContext(new Problems()));
        assertThat(again.counts()).containsEntry("copied", 0L).containsEntry("in-place", 4L).containsEntry("extras", 1L)
                .containsEntry("regularisation", 1L).containsEntry("folders", 4L);
        assertThat(again.lines()).singleElement().asString().startsWith("0 image(s) placed in " + dst.toAbsolutePath());
    }

    /**
     * What a SIGKILL in the middle of an arrangement leaves: its journal not marked done, the images after
     * the kill missing, a copy's temp file. The next run (after the runner's tidy-up) converges to the tree
     * of an uninterrupted run, byte for byte, apart from the journals in {@code .aniprep}.
     */
    @Test
    void aRerunAfterAnInterruptionGivesTheSameTree() throws Exception {
        sources();
        Path whole = tmp.resolve("whole");
        assertThat(StageRunner.alone(stage, options(whole, "--no-report"), "aniprep test", false)).isZero();
        Path cut = tmp.resolve("cut");
        assertThat(StageRunner.alone(stage, options(cut, "--no-report"), "aniprep test", false)).isZero();

        Path journals = cut.resolve(ArrangeJournal.FOLDER);
        try (Stream<Path> s = Files.list(journals)) {
            for (Path done : s.filter(p -> p.toString().endsWith(".done")).toList()) {
                Files.delete(done);
            }
        }
        Path folder = cut.resolve("screenshots/1_character/Ann/face_height_ratio_25-50");
        Files.delete(folder.resolve("a.png"));
        Files.delete(folder.resolve("a.json"));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(folder.resolve(AtomicFiles.TEMP_PREFIX + dead.pid() + "-a.png"), "half a copy");

        assertThat(StageRunner.alone(stage, options(cut, "--no-report"), "aniprep test", false)).isZero();
        Map<String, String> expected = DatasetFixture.snapshot(whole, ".aniprep");
        assertThat(expected).isNotEmpty().doesNotContainKey("_report/dataset.html");
        assertThat(DatasetFixture.snapshot(cut, ".aniprep")).isEqualTo(expected);
    }

    @Test
    void aMoveWritesItsSourcesTooAndBadOptionsAreFoundFirst() throws Exception {
        sources();
        Path dst = tmp.resolve("dst");
        assertThat(stage.writes(options(dst))).containsExactly(dst);
        assertThat(stage.writes(options(dst, "--move"))).containsExactly(dst, tmp.resolve("src"), tmp.resolve("fanart"));
        assertThatThrownBy(() -> stage.check(options(dst, "--move", "--max-size", "512"))).isInstanceOf(BadOptions.class)
                .hasMessageContaining("--copy");
        assertThatThrownBy(() -> stage.check(options(dst, "--levels", "n_characters,hair"))).isInstanceOf(BadOptions.class);
        assertThat(dst).doesNotExist();
    }

    @Test
    void aRunArrangesItsFramesIntoItsDatasetItsExtrasAmongThem() { // imported into frames/_extra/ by the fanart stage
        RunLayout layout = new RunLayout(tmp.resolve("videos"), tmp.resolve("run"), null, List.of("/art/fan:2", "/art/more"));
        assertThat(stage.layoutArgs(layout)).containsExactly("--src", layout.frames().toString(), "--dst", layout.dataset().toString());
        assertThat(stage.runDefaults()).containsExactly("--no-report");
    }
}
