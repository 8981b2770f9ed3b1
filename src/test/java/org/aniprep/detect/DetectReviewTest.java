package org.aniprep.detect;

import org.aniprep.pipeline.StageRunner;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.ReviewInfo;
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

/** A box the user marked not-a-face is dropped from the frame's faces and never comes back. */
class DetectReviewTest {
    @TempDir
    Path tmp;
    Path src;
    final DetectStage stage = new DetectStage();

    @BeforeEach
    void setUp() throws Exception {
        src = Files.createDirectories(tmp.resolve("frames"));
        Path models = Files.createDirectories(tmp.resolve("models"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", models.toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
        Files.copy(DetectCommandTest.SHARED.resolve("models/lbpcascade_animeface.xml"), models.resolve("lbpcascade_animeface.xml"));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("aniprep.env.ANIPREP_MODEL_PATH");
        System.clearProperty("aniprep.env.HF_HUB_OFFLINE");
    }

    private int detect(String... extra) throws Exception {
        DetectStage.Options o = stage.newOptions();
        List<String> args = new java.util.ArrayList<>(List.of("--src", src.toString()));
        args.addAll(List.of(extra));
        new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        return StageRunner.alone(stage, o, "test", false);
    }

    private DetectInfo info(Path image) {
        return SidecarStore.read(image).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow();
    }

    @Test
    void aBoxMarkedNotAFaceIsDroppedAndNeverComesBackAlsoWithOverwrite() throws Exception {
        Path image = src.resolve("concert1.png");
        Files.copy(DetectCommandTest.SHARED.resolve("testdata/anime/concert1.png"), image);
        assertThat(detect()).isZero();
        List<DetectInfo.Box> before = info(image).faces().boxes();
        assertThat(before).as("concert1 has faces to mark").isNotEmpty();
        List<Integer> wrong = before.get(0).box();
        // the decision's box is a little off the detector's (the user drew on a scaled picture): IoU still >= 0.5
        List<Integer> drawn = List.of(wrong.get(0) + 2, wrong.get(1) + 1, wrong.get(2) + 2, wrong.get(3) - 1);
        SidecarStore.put(image, ReviewInfo.SECTION, new ReviewInfo(
                List.of(new ReviewInfo.Face("face", drawn, null, null, true, null, null)), null, null, null));

        assertThat(detect()).as("a plain rerun applies the decision").isZero();
        DetectInfo after = info(image);
        assertThat(after.faces().boxes()).hasSize(before.size() - 1);
        assertThat(after.faces().boxes()).noneMatch(b -> ReviewInfo.iou(b.box(), wrong) >= 0.5);
        assertThat(after.faceCount()).isEqualTo(before.size() - 1);
        if (after.facepos() != null) {
            assertThat(after.facepos()).hasSize(before.size() - 1);
        }

        assertThat(detect("--overwrite")).isZero();
        assertThat(info(image).faces().boxes()).hasSize(before.size() - 1)
                .noneMatch(b -> ReviewInfo.iou(b.box(), wrong) >= 0.5);
        assertThat(SidecarStore.read(image).has(ReviewInfo.SECTION)).as("the decision itself is kept").isTrue();
        assertThat(detect()).isZero();
        assertThat(info(image).faces().boxes()).hasSize(before.size() - 1);
    }
}
