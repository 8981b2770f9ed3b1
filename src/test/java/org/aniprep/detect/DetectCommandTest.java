package org.aniprep.detect;

import org.aniprep.cli.Main;
import org.aniprep.sidecar.CropInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DetectCommandTest {
    static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    private static final String[] ENV = {"ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME", "HF_HUB_OFFLINE"};

    @TempDir
    Path tmp;
    Path src;
    Path models;

    @BeforeEach
    void setUp() throws Exception {
        src = Files.createDirectories(tmp.resolve("frames"));
        models = Files.createDirectories(tmp.resolve("models"));
        // isolate model lookup from the machine's real caches; never try to download
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", models.toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", tmp.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", tmp.resolve("hfhome").toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
    }

    @AfterEach
    void tearDown() {
        for (String e : ENV) {
            System.clearProperty("aniprep.env." + e);
        }
    }

    void withCascade() throws Exception {
        Files.copy(SHARED.resolve("models/lbpcascade_animeface.xml"), models.resolve("lbpcascade_animeface.xml"));
    }

    void scene(String name, int characters, long seed) throws Exception {
        AnimeScenes.Scene s = new AnimeScenes(AnimeScenes.animeDir()).generate(characters, new Random(seed), name);
        ImageIO.write(s.image().toBufferedImage(), "png", src.resolve(name + ".png").toFile());
    }

    static DetectInfo detect(Path image) {
        return SidecarStore.read(image).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow();
    }

    static CropInfo crop(Path image) {
        return SidecarStore.read(image).get(CropInfo.SECTION, CropInfo.class).orElseThrow();
    }

    @Test
    void offlineFallbackFillsTheSidecarsAndReportsBadFiles() throws Exception {
        withCascade();
        Files.copy(SHARED.resolve("testdata/anime/concert1.png"), src.resolve("concert1.png"));
        Files.createDirectories(src.resolve("ep 1"));
        Files.copy(SHARED.resolve("testdata/anime/eileen_happy.png"), src.resolve("ep 1/eileen.png"));
        scene("empty", 0, 1);
        Files.write(src.resolve("zero.png"), new byte[0]);
        byte[] png = Files.readAllBytes(SHARED.resolve("testdata/anime/lucy_happy.png"));
        Files.write(src.resolve("truncated.png"), Arrays.copyOf(png, png.length / 3));
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", src.resolve("tiny.png").toFile());
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY), "png", src.resolve("grey16.png").toFile());

        assertThat(Main.run("detect", "--src", src.toString(), "-q")).isEqualTo(2);

        DetectInfo concert = detect(src.resolve("concert1.png"));
        // no YOLO face model here: FaceBoxes (bundled) + the cascade
        assertThat(concert.faces().detector()).isEqualTo(CombinedFaceDetector.NAME);
        assertThat(concert.faces().boxes()).allSatisfy(b -> assertThat(b.foundBy()).isNotEmpty());
        assertThat(concert.width()).isEqualTo(1280);
        // three band members and the chibi face painted on the bass drum
        assertThat(concert.faceCount()).isEqualTo(4);
        assertThat(concert.facepos()).hasSize(4).allMatch(p -> p.matches("fvp \\d+ \\d+ fhp \\d+ \\d+"));
        DetectInfo.Box first = concert.faces().boxes().get(0);
        assertThat(first.rel().get(0)).isEqualTo(first.box().get(0) / 1280.0);
        assertThat(concert.faceHeightBucket()).isEqualTo("0-25");
        DetectInfo eileen = detect(src.resolve("ep 1/eileen.png"));
        assertThat(eileen.faceCount()).isEqualTo(1);
        assertThat(eileen.faceHeightBucket()).isEqualTo("0-25");   // about 0.2 of a 720-px sprite
        assertThat(detect(src.resolve("empty.png")).faceCount()).isZero();
        assertThat(detect(src.resolve("empty.png")).faceHeightBucket()).isEqualTo("0-25");
        assertThat(detect(src.resolve("grey16.png")).faceCount()).isZero();
        String report = Files.readString(src.resolve("_report/detect.html"));
        assertThat(report).contains("href=\"../ep%201/eileen.png\"").contains("href=\"../concert1.png\"")
                .contains("src=\"thumbs/").contains(" x=\"" + first.box().get(0) + "\"").doesNotContain("zero.png");
        for (String bad : new String[]{"zero", "truncated", "tiny"}) {
            assertThat(src.resolve(bad + ".json")).as(bad).doesNotExist();
            assertThat(src.resolve(bad + ".png")).exists();
        }
    }

    @Test
    void eachFaceDetectorCanBeChosen() throws Exception {
        withCascade();
        Files.copy(SHARED.resolve("testdata/anime/concert1.png"), src.resolve("concert1.png"));
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "faceboxes", "-q")).isZero();
        DetectInfo fb = detect(src.resolve("concert1.png"));
        assertThat(fb.faces().detector()).isEqualTo(FaceBoxesModels.ID);
        assertThat(fb.faces().boxes()).isNotEmpty().allSatisfy(b -> {
            assertThat(b.score()).isBetween(0.5, 1.0);
            assertThat(b.foundBy()).isNull();
        });
        // an explicit FaceBoxes .onnx is recognised by its outputs; a rerun with another detector detects again
        Path own = Files.copy(SHARED.resolve("models/" + FaceBoxesModels.FILE), tmp.resolve("my_faceboxes.onnx"));
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", own.toString(), "-q")).isZero();
        assertThat(detect(src.resolve("concert1.png")).faces().detector()).isEqualTo(own.toAbsolutePath().normalize().toString());
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "combined", "-q")).isZero();
        DetectInfo both = detect(src.resolve("concert1.png"));
        assertThat(both.faces().detector()).isEqualTo(CombinedFaceDetector.NAME);
        assertThat(both.faceCount()).isGreaterThanOrEqualTo(fb.faceCount());
        assertThat(both.faces().boxes()).allSatisfy(b -> assertThat(b.foundBy()).isNotEmpty());
        // the YOLO model named explicitly must be there
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "yolo", "-q")).isEqualTo(1);
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "nonsense", "-q")).isEqualTo(1);
    }

    @Test
    void skipsDoneImagesUnlessOverwrite() throws Exception {
        withCascade();
        Files.copy(SHARED.resolve("testdata/anime/eileen_happy.png"), src.resolve("a.png"));
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "cascade", "-q")).isZero();
        Path side = src.resolve("a.json");
        SidecarStore.put(src.resolve("a.png"), "other", Map.of("kept", true));
        long before = Files.getLastModifiedTime(side).toMillis();
        Thread.sleep(20);
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "cascade", "-q")).isZero();
        assertThat(Files.getLastModifiedTime(side).toMillis()).isEqualTo(before);
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "cascade", "--overwrite", "-q")).isZero();
        assertThat(Files.getLastModifiedTime(side).toMillis()).isGreaterThan(before);
        assertThat(SidecarStore.read(src.resolve("a.png")).has("other")).isTrue();
    }

    @Test
    void missingOrBrokenCascadeIsAUsageError() throws Exception {
        Files.copy(SHARED.resolve("testdata/anime/eileen_happy.png"), src.resolve("a.png"));
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", tmp.resolve("none.xml").toString(), "-q"))
                .isEqualTo(1);
        Path bad = Files.writeString(tmp.resolve("broken.xml"), "<opencv_storage><cascade>oops</cascade></opencv_storage>");
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", bad.toString(), "-q")).isEqualTo(1);
        assertThat(src.resolve("a.json")).doesNotExist();
    }

    @Test
    void yoloStandInsFromTheModelPathGiveExactBoxesAndCrops() throws Exception {
        Path faceDir = models.resolve("deepghs/anime_face_detection/" + YoloModels.FACE);
        YoloStandIn.ultralytics(faceDir.resolve("model.onnx"), 1, List.of(
                new float[]{320, 200, 100, 120, 0.9f},       // → 1280×720: [540,158,740,292]
                new float[]{630, 500, 40, 40, 0.2f}), -1, YoloStandIn.meta("{0: 'face'}"));
        Path personDir = models.resolve("deepghs/anime_person_detection/" + YoloModels.PERSON);
        YoloStandIn.ultralytics(personDir.resolve("model.onnx"), 1, List.of(
                new float[]{320, 320, 300, 600, 0.8f},       // → [340,22.5→22,940,697.5→698]: short side 600, cropped
                new float[]{620, 320, 40, 600, 0.7f}),       // → [1200,22,1280,698]: short side 80, not cropped
                -1, YoloStandIn.meta("{0: 'person'}"));
        scene("two", 2, 5);
        assertThat(Main.run("detect", "--src", src.toString(), "--faces", "--persons", "--crop", "persons", "-q")).isZero();
        DetectInfo info = detect(src.resolve("two.png"));
        assertThat(info.faces().detector()).isEqualTo(YoloModels.FACE);
        assertThat(info.faces().boxes()).singleElement().satisfies(b -> {
            assertThat(b.box()).containsExactly(540, 158, 740, 292);
            assertThat(b.score()).isEqualTo(0.9);
        });
        // 158/720 = 0.219, 292/720 = 0.405, 540/1280 = 0.421, 740/1280 = 0.578
        assertThat(info.facepos()).containsExactly("fvp 21 40 fhp 42 57");
        assertThat(info.faceHeightRatio()).isEqualTo(134 / 720.0);
        assertThat(info.persons().boxes()).extracting(DetectInfo.Box::box)
                .containsExactly(List.of(340, 22, 940, 698), List.of(1200, 22, 1280, 698));
        Path crop = src.resolve("_crops/two_person0.png");
        assertThat(crop).exists();
        assertThat(src.resolve("_crops/two_person1.png")).doesNotExist();
        CropInfo ci = crop(crop);
        assertThat(ci.source()).isEqualTo(src.resolve("two.png").toAbsolutePath().normalize().toString());
        assertThat(ci.box()).containsExactly(340, 22, 940, 698);
        assertThat(ImageIO.read(crop.toFile()).getWidth()).isEqualTo(600);
        // the crops folder is never detected itself, and a rerun changes nothing
        long before = Files.getLastModifiedTime(crop).toMillis();
        assertThat(Main.run("detect", "--src", src.toString(), "--faces", "--persons", "--crop", "persons", "-q")).isZero();
        assertThat(SidecarStore.read(crop).has(DetectInfo.SECTION)).isFalse();
        assertThat(Files.getLastModifiedTime(crop).toMillis()).isEqualTo(before);
    }

    @Test
    void minFaceScoreDropsWeakerFaces() throws Exception {
        Path faceDir = models.resolve("deepghs/anime_face_detection/" + YoloModels.FACE);
        YoloStandIn.ultralytics(faceDir.resolve("model.onnx"), 1, List.of(
                new float[]{320, 200, 100, 120, 0.9f}, new float[]{100, 500, 50, 50, 0.5f}), -1, YoloStandIn.meta("{0: 'face'}"));
        scene("one", 1, 9);
        assertThat(Main.run("detect", "--src", src.toString(), "--min-face-score", "0.6", "-q")).isZero();
        assertThat(detect(src.resolve("one.png")).faceCount()).isEqualTo(1);
        assertThat(Main.run("detect", "--src", src.toString(), "--overwrite", "-q")).isZero();
        assertThat(detect(src.resolve("one.png")).faceCount()).isEqualTo(2);
    }

    @Test
    void neverOverwritesAForeignFileAtACropName() throws Exception {
        withCascade();
        Files.copy(SHARED.resolve("testdata/anime/eileen_happy.png"), src.resolve("e.png"));
        Path dst = Files.createDirectories(tmp.resolve("crops"));
        Files.writeString(dst.resolve("e_face0.png"), "not ours");
        assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "cascade", "--crop", "faces",
                "--crop-dst", dst.toString(), "-q")).isEqualTo(2);
        assertThat(Files.readString(dst.resolve("e_face0.png"))).isEqualTo("not ours");
    }

    @Test
    void headCropsAreSquaresOneAndAHalfTimesTheHeadClipped() throws Exception {
        Path headDir = models.resolve("deepghs/anime_head_detection/" + YoloModels.HEAD);
        YoloStandIn.ultralytics(headDir.resolve("model.onnx"), 1, List.of(
                new float[]{320, 200, 64, 80, 0.9f},     // 640×640 frame: [288,160,352,240] → side 120 around (320,200)
                new float[]{620, 40, 40, 40, 0.8f}),     // [600,20,640,60] → side 60 around (620,40), clipped: [590,10,640,70]
                -1, YoloStandIn.meta("{0: 'head'}"));
        ImageIO.write(new BufferedImage(640, 640, BufferedImage.TYPE_INT_RGB), "png", src.resolve("f.png").toFile());
        assertThat(Main.run("detect", "--src", src.toString(), "--heads", "--crop", "heads", "-q")).isZero();
        assertThat(crop(src.resolve("_crops/f_head0.png")).rect()).containsExactly(260, 140, 380, 260);
        assertThat(crop(src.resolve("_crops/f_head1.png")).rect()).containsExactly(590, 10, 640, 70);
        assertThat(detect(src.resolve("f.png")).faces()).isNull();
    }

    @Test
    void cropOfAKindNotDetectedIsAUsageError() {
        assertThat(Main.run("detect", "--src", src.toString(), "--faces", "--crop", "heads", "-q")).isEqualTo(1);
    }
}
