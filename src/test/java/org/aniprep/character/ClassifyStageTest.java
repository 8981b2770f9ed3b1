package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The classify stage through the stage contract alone, without the command line. */
class ClassifyStageTest {
    @TempDir
    Path tmp;
    ClassifyFixture fx;
    final ClassifyStage stage = new ClassifyStage();

    @BeforeEach
    void setUp() throws Exception {
        fx = new ClassifyFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        ClassifyFixture.clearEnvironment();
    }

    private ClassifyStage.Options options(String... args) {
        ClassifyStage.Options o = stage.newOptions();
        new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return o;
    }

    @Test
    void namesTheReferencedCharacterAndCountsWhatItDid() throws Exception {
        int i = 0;
        for (CastScenes.Scene s : fx.cast.scenes(4, 7, List.of("eileen_vhappy.png"))) {
            fx.frame(s, "f" + i++, true);
        }
        fx.ref("Eileen", "eileen_happy.png");
        Path clusters = tmp.resolve("clusters");
        ClassifyStage.Options o = options("--src", fx.src.toString(), "--refs", fx.refs.toString(),
                "--export-clusters", clusters.toString(), "--offline");
        assertThat(stage.unavailable(o)).isEmpty();
        assertThat(stage.writes(o)).containsExactly(fx.src, clusters);

        assertThat(StageRunner.alone(stage, o, "test", false)).isZero();
        assertThat(fx.outcomes()).contains("Eileen->Eileen");

        StageResult again = stage.run(o, new StageContext(new Problems()));
        assertThat(again.counts()).containsOnlyKeys("faces", "named", "clusters", "unknown");
        assertThat(again.counts().get("faces")).isEqualTo(fx.outcomes().size());
        assertThat(again.counts().get("named")).isPositive();
        assertThat(again.lines()).singleElement().asString().startsWith("classified ");
    }

    /** Embedding writes each image's embeddings as it goes: a run stopped before naming resumes without embedding again. */
    @Test
    void aRunStoppedAfterEmbeddingResumesFromTheSidecars() throws Exception {
        int i = 0;
        for (CastScenes.Scene s : fx.cast.scenes(3, 11, List.of("eileen_vhappy.png"))) {
            fx.frame(s, "f" + i++, true);
        }
        fx.ref("Eileen", "eileen_happy.png");
        ClassifyStage.Options o = options("--src", fx.src.toString(), "--refs", fx.refs.toString(), "--offline");
        Problems problems = new Problems();
        ClassifyRun.Plan plan = stage.plan(o, problems);
        assertThat(plan.todo()).hasSize(plan.images()).isNotEmpty();
        assertThat(stage.process(o, plan.todo(), problems)).containsEntry("failed", 0L).extractingByKey("embedded").isNotEqualTo(0L);

        assertThat(stage.plan(o, problems).todo()).as("every embedding is on disk").isEmpty();
        StageResult resumed = stage.run(o, new StageContext(problems));
        assertThat(resumed.lines()).singleElement().asString().contains(" 0 embedded");
        assertThat(fx.outcomes()).contains("Eileen->Eileen");
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void optionsAreCheckedAndAMissingCcipSaysHowToGetIt() {
        assertThatThrownBy(() -> stage.check(options("--src", fx.src.toString(), "--min-cluster", "1")))
                .isInstanceOf(BadOptions.class).hasMessageContaining("--min-cluster");
        assertThatThrownBy(() -> stage.check(options("--src", fx.src.toString(), "--embedder", "nonsense")))
                .isInstanceOf(BadOptions.class).hasMessageContaining("--embedder nonsense");
        assertThat(stage.unavailable(options("--src", fx.src.toString()))).as("the default falls back to offline").isEmpty();
        assertThat(stage.unavailable(options("--src", fx.src.toString(), "--embedder", "ccip", "--offline")))
                .hasValueSatisfying(why -> assertThat(why).contains(CcipModels.DEFAULT_ID, "aniprep models fetch"));
    }

    @Test
    void runSetsTheFramesTheReferencesAndTheClusterFolder() {
        Path root = tmp.resolve("run");
        assertThat(stage.layoutArgs(new RunLayout(tmp, root, fx.refs, List.of())))
                .containsExactly("--src", root.resolve("frames").toString(), "--refs", fx.refs.toString(),
                        "--export-clusters", root.resolve("clusters").toString());
        assertThat(stage.layoutArgs(new RunLayout(tmp, root, null, List.of()))).doesNotContain("--refs");
    }
}
