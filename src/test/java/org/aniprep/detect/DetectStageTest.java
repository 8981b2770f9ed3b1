package org.aniprep.detect;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The detect stage through the stage contract alone, without the command line. */
class DetectStageTest {
    private static final String[] ENV = {"ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME", "HF_HUB_OFFLINE"};

    @TempDir
    Path tmp;
    Path src;
    final DetectStage stage = new DetectStage();

    @BeforeEach
    void setUp() throws Exception {
        src = Files.createDirectories(tmp.resolve("frames"));
        Path models = Files.createDirectories(tmp.resolve("models"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", models.toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", tmp.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", tmp.resolve("hfhome").toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
        Files.copy(DetectCommandTest.SHARED.resolve("models/lbpcascade_animeface.xml"), models.resolve("lbpcascade_animeface.xml"));
    }

    @AfterEach
    void tearDown() {
        for (String e : ENV) {
            System.clearProperty("aniprep.env." + e);
        }
    }

    private DetectStage.Options options(String... args) {
        DetectStage.Options o = stage.newOptions();
        new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return o;
    }

    @Test
    void detectsCropsAndCountsThenSkipsWhatIsDone() throws Exception {
        Files.copy(DetectCommandTest.SHARED.resolve("testdata/anime/concert1.png"), src.resolve("concert1.png"));
        Path crops = tmp.resolve("crops");
        DetectStage.Options o = options("--src", src.toString(), "--crop", "faces", "--crop-dst", crops.toString());
        assertThat(stage.unavailable(o)).as("the offline detector is always there").isEmpty();
        assertThat(stage.writes(o)).containsExactly(src, crops);

        assertThat(StageRunner.alone(stage, o, "test", false)).isZero();
        DetectInfo info = SidecarStore.read(src.resolve("concert1.png")).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow();
        assertThat(info.faceCount()).isPositive();
        try (var listed = Files.list(crops)) {
            assertThat(listed.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo((long) info.faceCount());
        }

        StageResult again = stage.run(o, new StageContext(new Problems()));
        assertThat(again.counts()).containsExactly(java.util.Map.entry("images", 0L), java.util.Map.entry("faces", 0L),
                java.util.Map.entry("crops", 0L), java.util.Map.entry("skipped", 1L), java.util.Map.entry("failed", 0L));
        assertThat(again.lines()).singleElement().asString().startsWith("detected 0 image(s)");
    }

    @Test
    void optionsAreCheckedAndAMissingYoloModelSaysHowToGetIt() {
        assertThatThrownBy(() -> stage.check(options("--src", src.toString(), "--faces", "--crop", "heads")))
                .isInstanceOf(BadOptions.class).hasMessage("--crop heads needs --heads");
        assertThatThrownBy(() -> stage.check(options("--src", tmp.resolve("absent").toString())))
                .isInstanceOf(BadOptions.class).hasMessageContaining("not a folder");
        assertThat(stage.unavailable(options("--src", src.toString(), "--face-model", "yolo")))
                .hasValueSatisfying(why -> assertThat(why).contains(YoloModels.FACE, "aniprep models fetch " + YoloModels.FACE));
        assertThat(stage.unavailable(options("--src", src.toString(), "--persons")))
                .hasValueSatisfying(why -> assertThat(why).contains("aniprep models fetch " + YoloModels.PERSON));
        assertThat(stage.unavailable(options("--src", src.toString(), "--face-model", "combined"))).isEmpty();
        assertThat(stage.writes(options("--src", src.toString(), "--crop", "faces"))).as("crops inside src").containsExactly(src);
    }

    @Test
    void runSetsTheFramesFolder() {
        Path root = tmp.resolve("run");
        assertThat(stage.layoutArgs(new RunLayout(tmp, root, null, List.of())))
                .containsExactly("--src", root.resolve("frames").toString());
        assertThat(stage.runDefaults()).isEmpty();
    }
}
