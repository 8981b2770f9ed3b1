package org.aniprep.spark;

import org.aniprep.cli.Main;
import org.aniprep.testing.DatasetBytes;
import org.aniprep.tag.Wd14Models;
import org.aniprep.tag.Wd14StandIn;
import org.aniprep.testing.SceneClips;
import org.aniprep.testing.ShowEpisodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aniprep run --engine spark --master local[2]} on the generated end-to-end episodes (those of
 * the main build's RunEndToEndTest) gives the dataset of a local {@code aniprep run}, byte for byte:
 * images, captions, sidecars, multiply.txt, the kohya TOML, and the frames folder's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkRunTest {
    private Path tmp;
    private Path videos;
    private Path refs;
    private Path config;
    private Path run;
    private final List<String> props = List.of("aniprep.env.ANIPREP_MODEL_PATH", "aniprep.env.HF_HUB_CACHE",
            "aniprep.env.HF_HOME", "aniprep.env.HF_HUB_OFFLINE");

    @BeforeAll
    void episodes(@TempDir Path tmp) throws IOException {
        this.tmp = tmp;
        videos = tmp.resolve("videos");
        refs = tmp.resolve("refs");
        for (int ep = 1; ep <= 2; ep++) {
            ShowEpisodes.record(videos.resolve("Show - 0" + ep + ".mp4"), SceneClips.SMALL, ShowEpisodes.episode(ep, SceneClips.SMALL));
        }
        ShowEpisodes.writeRefs(refs);
        config = Files.writeString(tmp.resolve("pipeline.yaml"), "arrange:\n  min-images-per-combination: 2\n");
        Path models = tmp.resolve("models");
        new Wd14StandIn(3).write(models.resolve(Wd14Models.DEFAULT_ID), false);
        System.setProperty(props.get(0), models + File.pathSeparator + SceneClips.shared().resolve("models"));
        System.setProperty(props.get(1), tmp.resolve("hub").toString());
        System.setProperty(props.get(2), tmp.resolve("hfhome").toString());
        System.setProperty(props.get(3), "1");
        run = tmp.resolve("w/run"); // both runs use the same absolute folder, so paths written into files are the same
    }

    @AfterAll
    void clear() {
        props.forEach(System::clearProperty);
    }

    @Test
    void localTwoGivesTheLocalRunsDataset() throws IOException {
        assertThat(Main.run(args().toArray(String[]::new))).as("local run").isZero();
        Path local = Files.move(run, tmp.resolve("w/local"));
        List<String> spark = new ArrayList<>(args());
        spark.addAll(List.of("--engine", "spark", "--master", "local[2]"));
        assertThat(Main.run(spark.toArray(String[]::new))).as("spark run").isZero();

        Map<String, String> want = DatasetBytes.of(local.resolve("dataset"));
        assertThat(want).as("the local run made a dataset").isNotEmpty()
                .anySatisfy((k, v) -> assertThat(k).endsWith("/multiply.txt"))
                .anySatisfy((k, v) -> assertThat(k).contains("EP02").endsWith(".txt"));
        assertThat(DatasetBytes.of(run.resolve("dataset"))).as("dataset").isEqualTo(want);
        assertThat(DatasetBytes.records(run.resolve("frames"))).as("frames' records").isEqualTo(DatasetBytes.records(local.resolve("frames")));
    }

    private List<String> args() {
        return List.of("run", "-q", "--src", videos.toString(), "--dst", run.toString(), "--refs", refs.toString(),
                "--config", config.toString());
    }
}
