package org.aniprep.pipeline;

import org.aniprep.testing.DatasetBytes;
import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.tag.Wd14Models;
import org.aniprep.tag.Wd14StandIn;
import org.aniprep.testing.Folders;
import org.aniprep.testing.SceneClips;
import org.aniprep.testing.ShowEpisodes;
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
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code aniprep run} from two generated episodes of the shared art (Eileen and Lucy) to the
 * balanced, captioned tree, in a child JVM: once uninterrupted, then killed (SIGKILL) at seeded
 * random points spread over the stages and rerun each time; the final dataset must be the same,
 * byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunEndToEndTest {
    /** Change it to draw other kill points; a failure prints the points it used. */
    private static final long SEED = 20261201L;
    /** Points drawn at first, all tried; more are drawn while fewer than {@link #MIN_KILLS} runs were killed. */
    private static final int KILLS = 12;
    private static final int MIN_KILLS = 10;
    private static final long RUN_SECONDS = 300;

    private Path tmp;
    private Path videos;
    private Path refs;
    private Path config;
    private Path run;
    private Path ref;
    private List<String> jvm;
    private RunLog reference;

    /** What the reference run logged: the stages in order, when each started, when it ended. */
    record RunLog(List<RunProcess.Start> starts, long endNanos, String output) {
        String timeline() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < starts.size(); i++) {
                b.append(String.format("%s%s %.1f s", i == 0 ? "" : ", ", starts.get(i).stage(), duration(i) / 1e9));
            }
            return b.toString();
        }

        long duration(int i) {
            long end = i + 1 < starts.size() ? starts.get(i + 1).nanos() : endNanos;
            return end - starts.get(i).nanos();
        }
    }

    @BeforeAll
    void uninterruptedRun(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        videos = tmp.resolve("videos");
        refs = tmp.resolve("refs");
        for (int ep = 1; ep <= 2; ep++) {
            ShowEpisodes.record(videos.resolve("Show - 0" + ep + ".mp4"), SceneClips.SMALL, ShowEpisodes.episode(ep, SceneClips.SMALL));
        }
        ShowEpisodes.writeRefs(refs);
        // a handful of frames per character: two images keep a combination's own folder
        config = Files.writeString(tmp.resolve("pipeline.yaml"), "arrange:\n  min-images-per-combination: 2\n");
        Path models = tmp.resolve("models");
        new Wd14StandIn(3).write(models.resolve(Wd14Models.DEFAULT_ID), false);
        jvm = List.of("-Xmx1g",
                "-Daniprep.env.ANIPREP_MODEL_PATH=" + models + File.pathSeparator + SceneClips.shared().resolve("models"),
                "-Daniprep.env.HF_HUB_CACHE=" + tmp.resolve("hub"),
                "-Daniprep.env.HF_HOME=" + tmp.resolve("hfhome"),
                "-Daniprep.env.HF_HUB_OFFLINE=1");
        run = tmp.resolve("w/run");
        ref = tmp.resolve("w/ref");
        try (RunProcess p = start()) {
            int exit = p.waitFor(RUN_SECONDS);
            reference = new RunLog(p.starts(), System.nanoTime(), p.output());
            assertThat(exit).as(p.output()).isZero();
        }
        // the killed runs use the same absolute folder, so paths written into files are the same
        Files.move(run, ref);
    }

    private RunProcess start() throws IOException {
        return RunProcess.start(jvm, List.of("--src", videos.toString(), "--dst", run.toString(), "--refs", refs.toString(),
                "--config", config.toString()));
    }

    @Test
    void everyStageRunsInOrderAndTheTreeHasTheCastTheirCaptionsAndMultiplies() throws IOException {
        assertThat(reference.starts()).extracting(RunProcess.Start::stage).containsExactly(
                "extract", "filter", "dedup", "fanart", "detect", "tag", "classify", "metadata", "caption", "arrange", "balance");
        assertThat(reference.starts()).extracting(RunProcess.Start::n).containsOnly(11);
        assertThat(ref.resolve("report.html")).isRegularFile();

        Path dataset = ref.resolve("dataset");
        List<Path> images = images(dataset, true);
        List<Path> frames = new ArrayList<>();
        for (String ep : List.of("EP01", "EP02")) {
            frames.addAll(images(ref.resolve("frames").resolve(ep), false));
        }
        assertThat(images).as("every kept frame is in the tree").hasSameSizeAs(frames);
        assertThat(images).anyMatch(p -> p.getFileName().toString().contains("EP01"))
                .anyMatch(p -> p.getFileName().toString().contains("EP02"));

        // Eileen and Lucy are alone in close-ups and together in two-shots; pans show nobody
        assertThat(children(dataset.resolve("1_character"))).containsExactlyInAnyOrder("Eileen", "Lucy");
        assertThat(children(dataset.resolve("2_characters"))).contains("Eileen+Lucy");
        assertThat(dataset.resolve("others")).isDirectory();
        assertThat(dataset.resolve("_report")).as("nothing but training data in the tree (trainers read it recursively)").doesNotExist();

        for (Path image : images) {
            String rel = dataset.relativize(image).toString();
            Path caption = image.resolveSibling(MediaFiles.stem(image) + ".txt");
            assertThat(caption).as(rel + " has a caption").isRegularFile();
            String text = Files.readString(caption);
            SeedKeys keys = SeedKeys.read(SidecarStore.read(image));
            String names = String.join(" ", keys.characterList());
            assertThat(text).as(rel).contains(keys.general()).matches("(.*, )?anishot ShowEP0[12](, .*)?");
            if (rel.startsWith("1_character/")) {
                String who = image.getParent().getParent().getFileName().toString();
                assertThat(keys.characterList()).as(rel).containsExactly(who);
                assertThat(text).as(rel).startsWith(countWord(keys) + ", " + who + ", ");
            } else if (rel.startsWith("2_characters/Eileen+Lucy/")) {
                assertThat(keys.characterList()).as(rel).containsExactlyInAnyOrder("Eileen", "Lucy");
                assertThat(text).as(rel).startsWith(countWord(keys) + ", " + names + ", ");
            } else if (rel.startsWith("others/")) {
                assertThat(keys.characterList()).as(rel).isEmpty();
            }
            assertThat(keys.tags()).as(rel + ": the stand-in tagger ran").isNotNull();
        }
        assertBalanced(dataset);
    }

    /** The caption's count word: {@code 1person}, {@code 2people}; the count is detect's faces (at least one per name). */
    private static String countWord(SeedKeys keys) {
        int count = keys.countValue();
        assertThat(count).isGreaterThanOrEqualTo(keys.characterList().size());
        return count == 1 ? "1person" : count + "people";
    }

    /**
     * multiply.txt in every folder with images; sibling concepts of weight 1 get the same share of
     * the image views ({@code n × multiply} summed below them), and the least weighted image has 1.
     */
    private static void assertBalanced(Path dataset) throws IOException {
        Map<String, Double> views = new TreeMap<>();
        double least = Double.MAX_VALUE;
        for (Path folder : imageFolders(dataset)) {
            Path multiply = folder.resolve("multiply.txt");
            assertThat(multiply).as(dataset.relativize(folder) + " has multiply.txt").isRegularFile();
            double m = Double.parseDouble(Files.readString(multiply).trim());
            assertThat(m).isPositive();
            least = Math.min(least, m);
            long n = images(folder, false).size();
            views.merge(dataset.relativize(folder).getName(0).toString(), n * m, Double::sum);
        }
        assertThat(least).isEqualTo(1.0);
        assertThat(views).containsOnlyKeys("1_character", "2_characters", "others");
        double first = views.values().iterator().next();
        // multiplies are rounded to 2 decimals: shares agree to well within a few percent
        assertThat(views.values()).as(views.toString()).allSatisfy(v -> assertThat(v).isCloseTo(first, org.assertj.core.data.Percentage.withPercentage(5)));
    }

    @Test
    void killedAtRandomPointsAndRerunTheDatasetIsByteForByteTheUninterruptedOne() throws Exception {
        Random rnd = new Random(SEED);
        java.util.Deque<KillPoint> points = new java.util.ArrayDeque<>(KillPoint.draw(reference, KILLS, rnd));
        List<String> outcomes = new ArrayList<>();
        int kills = 0;
        while (!points.isEmpty() || kills < MIN_KILLS) {
            if (points.isEmpty()) {
                // some runs ended before their kill (a stage with less left to do than in the reference): draw more
                assertThat(outcomes).as("runs that kept ending before the kill").hasSizeLessThan(3 * KILLS);
                points.addAll(KillPoint.draw(reference, MIN_KILLS - kills, rnd));
            }
            KillPoint point = points.removeFirst();
            try (RunProcess p = start()) {
                boolean reached = p.awaitStage(point.stage(), RUN_SECONDS);
                if (reached) {
                    TimeUnit.NANOSECONDS.sleep(point.delayNanos());
                }
                if (reached && p.isAlive()) {
                    String at = p.lastStage();
                    p.kill();
                    kills++;
                    outcomes.add(String.format("%s: killed in %s, %.1f s after the start", point, at, (System.nanoTime() - p.startedNanos()) / 1e9));
                } else {
                    // it finished first: that run's dataset must already be the reference's; start afresh
                    int exit = p.waitFor(RUN_SECONDS);
                    assertThat(exit).as(p.output()).isZero();
                    assertThat(DatasetBytes.differences(ref.resolve("dataset"), run.resolve("dataset")))
                            .as(point + " finished before the kill: the dataset is the uninterrupted run's").isEmpty();
                    outcomes.add(point + ": finished before the kill (dataset checked, started afresh)");
                    Folders.deleteTree(run);
                }
            }
        }
        try (RunProcess p = start()) {
            assertThat(p.waitFor(RUN_SECONDS)).as(p.output()).isZero();
        }
        System.out.println("RunEndToEndTest: stages of the uninterrupted run " + reference.timeline() + "\n  " + String.join("\n  ", outcomes));
        List<String> differ = DatasetBytes.differences(ref.resolve("dataset"), run.resolve("dataset"));
        if (!differ.isEmpty()) {
            // where it started: the working frames' records name the stage (a section per stage)
            List<String> frames = DatasetBytes.differences(ref.resolve("frames"), run.resolve("frames"));
            fail("the dataset differs from the uninterrupted run's in " + differ.size() + " files:\n" + first(differ, 40)
                    + "\nin frames/ (" + frames.size() + " files):\n" + first(frames, 20) + "\nkill points:\n" + String.join("\n", outcomes));
        }
    }

    private static String first(List<String> lines, int n) {
        return String.join("\n", lines.subList(0, Math.min(n, lines.size()))) + (lines.size() > n ? "\n..." : "");
    }

    private static List<Path> images(Path folder, boolean recursive) throws IOException {
        return MediaFiles.find(folder, recursive, null, MediaFiles::isImage, (f, m) -> { }, Set.of());
    }

    private static List<String> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<Path> imageFolders(Path dataset) throws IOException {
        try (Stream<Path> s = Files.walk(dataset)) {
            return s.filter(Files::isDirectory)
                    .filter(d -> !dataset.relativize(d).toString().startsWith(".") && !dataset.relativize(d).toString().startsWith("_"))
                    .filter(d -> {
                        try (Stream<Path> f = Files.list(d)) {
                            return f.anyMatch(MediaFiles::isImage);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
