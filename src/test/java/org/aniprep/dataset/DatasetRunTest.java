package org.aniprep.dataset;

import org.aniprep.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.aniprep.dataset.DatasetFixture.image;
import static org.aniprep.dataset.DatasetFixture.images;
import static org.assertj.core.api.Assertions.assertThat;

/** caption, arrange and balance in {@code aniprep run}: its folders, its defaults, and a rerun that changes nothing. */
class DatasetRunTest {
    @TempDir
    Path dir;

    @Test
    void framesWithRecordsBecomeABalancedCaptionedTree() throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        Path root = dir.resolve("run");
        String[] run = {"run", "--src", videos.toString(), "--dst", root.toString(), "--from", "caption",
                "--arrange.min-images-per-combination", "1", "-q"};
        // an empty run folder first, then frames with their records as the stages before caption leave them
        assertThat(Main.run("run", "--src", videos.toString(), "--dst", root.toString(), "--from", "balance", "-q")).isZero();
        Path ep = root.resolve("frames/EP01");
        image(ep, "a.png", List.of("Ann"), 0.3, null);
        image(ep, "b.png", List.of("Ann"), 0.3, null);
        image(ep, "c.png", List.of("Bob"), 0.6, null);

        assertThat(Main.run(run)).isZero();
        Path dataset = root.resolve("dataset");
        assertThat(images(dataset)).containsExactly("1_character/Ann/face_height_ratio_25-50/a.png",
                "1_character/Ann/face_height_ratio_25-50/b.png", "1_character/Bob/face_height_ratio_50-75/c.png");
        assertThat(dataset.resolve("1_character/Bob/face_height_ratio_50-75/c.txt")).content().startsWith("1person, Bob, anishot yamaS2EP04");
        assertThat(dataset.resolve("1_character/Bob/face_height_ratio_50-75/multiply.txt")).hasContent("2.0");
        assertThat(dataset.resolve("_report")).doesNotExist();

        var first = DatasetFixture.snapshot(root, ".aniprep", "dataset/.aniprep", "report.html");
        assertThat(Main.run(run)).isZero();
        assertThat(DatasetFixture.snapshot(root, ".aniprep", "dataset/.aniprep", "report.html")).isEqualTo(first);
    }
}
