package org.aniprep.detect;

import org.aniprep.cli.Main;
import org.aniprep.io.AtomicFiles;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8: crops inside the source, another image's sidecar, leftovers of a killed run. */
class DetectReliabilityTest {
    static final Path SHARED = DetectCommandTest.SHARED;
    private static final String[] ENV = {"ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME", "HF_HUB_OFFLINE"};

    @TempDir
    Path tmp;
    Path src;

    @BeforeEach
    void setUp() throws Exception {
        src = Files.createDirectories(tmp.resolve("frames"));
        Path models = Files.createDirectories(tmp.resolve("models"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", models.toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", tmp.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", tmp.resolve("hfhome").toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
        YoloStandIn.ultralytics(models.resolve("deepghs/anime_face_detection/" + YoloModels.FACE + "/model.onnx"), 1,
                List.of(new float[]{320, 200, 100, 120, 0.9f}), -1, YoloStandIn.meta("{0: 'face'}"));
        AnimeScenes.Scene s = new AnimeScenes(AnimeScenes.animeDir()).generate(1, new Random(3), "one");
        ImageIO.write(s.image().toBufferedImage(), "png", Files.createDirectories(src.resolve("EP01")).resolve("one.png").toFile());
    }

    @AfterEach
    void tearDown() {
        for (String e : ENV) {
            System.clearProperty("aniprep.env." + e);
        }
    }

    private List<String> pngs() throws Exception {
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(p -> p.toString().endsWith(".png") && !p.toString().contains("_report"))
                    .map(p -> src.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void cropsPutInsideOrEqualToTheSourceAreNeverCroppedAgain() throws Exception {
        for (String cropDst : new String[] {src.toString(), src.resolve("faces").toString()}) {
            for (int run = 0; run < 3; run++) {
                assertThat(Main.run("detect", "--src", src.toString(), "--crop", "faces", "--crop-dst", cropDst,
                        "--overwrite", "-q")).isZero();
            }
        }
        assertThat(pngs()).containsExactly("EP01/one.png", "EP01/one_face0.png", "faces/EP01/one_face0.png");
        assertThat(SidecarStore.read(src.resolve("EP01/one_face0.png")).has(DetectInfo.SECTION)).isFalse();
        assertThat(SidecarStore.read(src.resolve("faces/EP01/one_face0.png")).has(DetectInfo.SECTION)).isFalse();
    }

    @Test
    void anotherImagesSidecarIsSetAsideAndAFreshRecordStarted() throws Exception {
        Path image = src.resolve("EP01/one.png");
        String foreign = "{\"schema\":1,\"file\":\"someone_else.png\",\"image\":{\"width\":99,\"height\":99},\"alien\":{\"x\":1}}";
        Files.writeString(SidecarStore.pathFor(image), foreign);
        assertThat(Main.run("detect", "--src", src.toString(), "-q")).isZero();
        assertThat(Files.readString(src.resolve("EP01/one.json.foreign-1"))).isEqualTo(foreign);
        Sidecar fresh = SidecarStore.read(image);
        assertThat(fresh.json().path("file").asText()).isEqualTo("one.png");
        assertThat(fresh.get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(1280, 720));
        assertThat(fresh.has("alien")).isFalse();
        assertThat(fresh.get(DetectInfo.SECTION, DetectInfo.class).orElseThrow().faceCount()).isEqualTo(1);
    }

    @Test
    void theTempFilesOfAKilledRunAreRemovedByTheNextOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectories(src.resolve("_crops/EP02")).resolve(AtomicFiles.TEMP_PREFIX + gone.pid() + "-x1.json");
        Files.writeString(stale, "{\"half");
        assertThat(Main.run("detect", "--src", src.toString(), "-q")).isZero();
        assertThat(stale).doesNotExist();
    }

    @Test
    void theFailedCountIsTheNumberOfProblemLines() throws Exception {
        Files.writeString(src.resolve("EP01/broken.png"), "not a png");
        Files.copy(src.resolve("EP01/one.png"), src.resolve("EP01/two.png"));
        Files.writeString(src.resolve("EP01/two.json"), "{\"schema\":2,");
        Files.write(src.resolve("EP01/empty.png"), new byte[0]);
        org.aniprep.console.Problems problems = new org.aniprep.console.Problems();
        DetectorFactory factory = new DetectorFactory(new org.aniprep.model.ModelResolver(
                org.aniprep.model.ModelSettings.fromEnvironment(true, org.aniprep.model.Device.CPU)));
        try (DetectorSet set = new DetectorSet(factory.face(DetectorFactory.CASCADE), null, null)) {
            DetectRun.Summary s = new DetectRun(set, new DetectOptions(src, null, CropKind.NONE, src.resolve("_crops"), false, 8),
                    problems).run();
            assertThat(s.failed()).isEqualTo(problems.count()).isEqualTo(3);
            assertThat(s.detected()).isEqualTo(1);
        }
    }
}
