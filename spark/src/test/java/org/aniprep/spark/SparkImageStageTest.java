package org.aniprep.spark;

import com.fasterxml.jackson.databind.node.TextNode;
import org.aniprep.character.ClassifyStage;
import org.aniprep.console.Problems;
import org.aniprep.detect.DetectStage;
import org.aniprep.pipeline.BoundStage;
import org.aniprep.pipeline.Engine;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.Setting;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-image stages (detect, classify) as Spark tasks on {@code local[2]}: the same sidecar sections as in this
 * JVM, and a damaged frame is one of the stage's problems (named, the rest detected), not a failed job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkImageStageTest {
    private final List<String> props = List.of("aniprep.env.ANIPREP_MODEL_PATH", "aniprep.env.HF_HUB_OFFLINE");

    @BeforeAll
    void offline() {
        System.setProperty(props.get(0), SceneClips.shared().resolve("models").toString());
        System.setProperty(props.get(1), "1");
    }

    @AfterAll
    void clear() {
        props.forEach(System::clearProperty);
    }

    @Test
    void detectTasksWriteTheLocalSectionsAndReportABadFrame(@TempDir Path tmp) throws IOException {
        Path anime = SceneClips.shared().resolve("testdata/anime");
        Map<String, String> local = detect(frames(tmp.resolve("a"), anime), Engine.LOCAL, 1);
        try (SparkEngine spark = new SparkEngine("local[2]")) {
            Map<String, String> onSpark = detect(frames(tmp.resolve("b"), anime), spark, 1);
            assertThat(onSpark).isEqualTo(local).hasSizeGreaterThan(3);
        }
    }

    /**
     * Classify's embedding as Spark tasks, its naming and clustering on the driver: the same classify
     * sections (embeddings, names, clusters) as in this JVM, the damaged frame its one problem.
     */
    @Test
    void classifyTasksGiveTheLocalSections(@TempDir Path tmp) throws IOException {
        Path anime = SceneClips.shared().resolve("testdata/anime");
        Map<String, String> local = classify(frames(tmp.resolve("a"), anime), Engine.LOCAL, anime);
        try (SparkEngine spark = new SparkEngine("local[2]")) {
            Map<String, String> onSpark = classify(frames(tmp.resolve("b"), anime), spark, anime);
            assertThat(onSpark).isEqualTo(local).hasSizeGreaterThan(3);
        }
        assertThat(local.values()).anyMatch(v -> v.contains("Lucy")).anyMatch(v -> v.contains("Eileen"));
    }

    /** Detect here, then classify with {@code engine} (offline embedder, a reference each for Eileen and Lucy). */
    private static Map<String, String> classify(RunLayout frames, Engine engine, Path anime) throws IOException {
        detect(frames, Engine.LOCAL, 1);
        Path refs = frames.root().resolve("refs");
        for (String who : List.of("Eileen", "Lucy")) {
            Files.createDirectories(refs.resolve(who));
            Files.copy(anime.resolve(who.toLowerCase() + "_happy.png"), refs.resolve(who).resolve("ref.png"));
        }
        RunLayout layout = new RunLayout(frames.videos(), frames.root(), refs, List.of());
        BoundStage<ClassifyStage.Options> stage = BoundStage.bind(new ClassifyStage(), layout,
                List.of(new Setting("classify", "embedder", TextNode.valueOf("offline"), "test")));
        Problems problems = new Problems();
        StageResult result = engine.run(stage, layout, new StageContext(problems));
        assertThat(problems.list()).hasSize(1).first().satisfies(p -> assertThat(p.file()).endsWith("damaged.png"));
        assertThat(result.counts()).containsKey("named");
        Map<String, String> sections = new TreeMap<>();
        try (Stream<Path> s = Files.walk(layout.frames())) {
            for (Path img : s.filter(f -> f.toString().endsWith(".png") && !f.toString().contains("/_")).toList()) {
                SidecarStore.read(img).get(ClassifyInfo.SECTION, ClassifyInfo.class)
                        .ifPresent(d -> sections.put(layout.frames().relativize(img).toString(), d.toString()));
            }
        }
        return sections;
    }

    /** A run folder whose frames are the shared anime images in two episodes, and one damaged frame. */
    private static RunLayout frames(Path root, Path anime) throws IOException {
        RunLayout layout = new RunLayout(root.resolve("videos"), root, null, List.of());
        int i = 0;
        try (Stream<Path> s = Files.list(anime)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
                Path ep = layout.frames().resolve(i++ % 2 == 0 ? "EP01" : "EP02");
                Files.createDirectories(ep);
                Files.copy(p, ep.resolve(p.getFileName()));
            }
        }
        Files.write(layout.frames().resolve("EP02/damaged.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        return layout;
    }

    /** Each frame's detect section (relative path → JSON), after checking the damaged frame is the one problem. */
    private static Map<String, String> detect(RunLayout layout, Engine engine, int problemsWanted) throws IOException {
        BoundStage<DetectStage.Options> stage = BoundStage.bind(new DetectStage(), layout, List.of());
        Problems problems = new Problems();
        StageResult result = engine.run(stage, layout, new StageContext(problems));
        assertThat(problems.list()).hasSize(problemsWanted).first().satisfies(p -> assertThat(p.file()).endsWith("damaged.png"));
        assertThat(result.counts()).containsEntry("failed", (long) problemsWanted);
        Map<String, String> sections = new TreeMap<>();
        try (Stream<Path> s = Files.walk(layout.frames())) {
            for (Path img : s.filter(f -> f.toString().endsWith(".png") && !f.toString().contains("/_")).toList()) {
                SidecarStore.read(img).get(DetectInfo.SECTION, DetectInfo.class)
                        .ifPresent(d -> sections.put(layout.frames().relativize(img).toString(), d.toString()));
            }
        }
        return sections;
    }
}
