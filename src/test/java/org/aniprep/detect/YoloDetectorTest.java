package org.aniprep.detect;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelSettings;
import org.aniprep.model.ModelResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YoloDetectorTest {
    static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));

    @TempDir
    Path tmp;

    /** Anchors in 640-px input units; expected frame boxes are worked out by hand in each test. */
    static final List<float[]> FACES = List.of(
            new float[]{320, 200, 100, 120, 0.9f},   // [270,140,370,260]
            new float[]{325, 205, 100, 120, 0.8f},   // IoU ≈ 0.85 with the first: suppressed at 0.7
            new float[]{630, 500, 40, 40, 0.6f},     // [610,480,650,520]: right edge clipped
            new float[]{100, 100, 30, 30, 0.25f},    // exactly conf: dropped (strict)
            new float[]{100, 600, 60, 50, 0});       // score = input mean: [70,575,130,625]

    ModelResolver resolver() {
        return new ModelResolver(ModelSettings.fromEnvironment(Map.of(), tmp.resolve("home"), true, Device.CPU));
    }

    YoloDetector standIn(Map<String, String> meta) throws Exception {
        Path onnx = YoloStandIn.ultralytics(tmp.resolve("face/model.onnx"), 1, FACES, 4, meta);
        return YoloDetector.open(onnx.toString(), "face", resolver());
    }

    @Test
    void preprocessingReproducesThePillowVectors() throws Exception {
        ImageLoader loader = new ImageLoader();
        for (String name : new String[]{"eileen_happy", "concert1"}) {
            float[] x = YoloDetector.toChw(org.aniprep.image.PillowResize.resize(loader.load(SHARED.resolve("testdata/anime/" + name + ".png")),
                    640, 640, org.aniprep.image.ResampleFilter.BICUBIC));
            RgbImage want = loader.load(SHARED.resolve("testdata/vectors/yolo_" + name + "_640.png"));
            int plane = 640 * 640;
            int maxDiff = 0;
            for (int i = 0; i < plane; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    int got = Math.round(x[ch * plane + i] * 255);
                    maxDiff = Math.max(maxDiff, Math.abs(got - (want.rgb()[3 * i + ch] & 0xff)));
                }
            }
            assertThat(maxDiff).as(name).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void detectorPreprocessMatchesTheVectorToo() throws Exception {
        YoloDetector d = standIn(YoloStandIn.meta("{0: 'face'}"));
        RgbImage img = new ImageLoader().load(SHARED.resolve("testdata/anime/eileen_happy.png"));
        RgbImage want = new ImageLoader().load(SHARED.resolve("testdata/vectors/yolo_eileen_happy_640.png"));
        float[] x = d.preprocess(img);
        assertThat(x).hasSize(3 * 640 * 640);
        assertThat(Math.abs(Math.round(x[640 * 320 + 160] * 255) - want.get(160, 320, 0))).isLessThanOrEqualTo(1);
    }

    @Test
    void standInBoxesComeOutRescaledSuppressedAndClippedOnANonSquareFrame() throws Exception {
        YoloDetector d = standIn(YoloStandIn.meta("{0: 'face'}"));
        assertThat(d.inputWidth()).isEqualTo(640);
        RgbImage white = RgbImage.blank(1280, 720, 255, 255, 255);
        // x × 2, y × 1.125: [270,140,370,260] → [540,157.5→158,740,292.5→292]; [610,480,650,520] → [1220,540,1280(clipped),585];
        // driven (score 1.0 on white): [70,575,130,625] → [140,646.875→647,260,703.125→703]
        assertThat(d.detect(white)).containsExactly(
                new Detection(140, 647, 260, 703, "face", 1.0f),
                new Detection(540, 158, 740, 292, "face", 0.9f),
                new Detection(1220, 540, 1280, 585, "face", 0.6f));
        // a black frame: the driven score is 0, so that box disappears
        assertThat(d.detect(RgbImage.blank(1280, 720, 0, 0, 0))).extracting(Detection::x0).containsExactly(540, 1220);
    }

    @Test
    void portraitFrameRescalesEachAxisOnItsOwn() throws Exception {
        YoloDetector d = standIn(YoloStandIn.meta("{0: 'face'}"));
        // 320×720: x × 0.5, y × 1.125: [270,140,370,260] → [135,157.5→158,185,292.5→292]
        List<Detection> found = d.detect(RgbImage.blank(320, 720, 0, 0, 0));
        assertThat(found.get(0)).isEqualTo(new Detection(135, 158, 185, 292, "face", 0.9f));
        // [610,480,650,520] → [305,540,320(clipped),585]
        assertThat(found.get(1)).isEqualTo(new Detection(305, 540, 320, 585, "face", 0.6f));
    }

    @Test
    void missingMetadataFallsBackTo640AndClassIndices() throws Exception {
        YoloDetector d = standIn(Map.of());
        assertThat(d.inputWidth()).isEqualTo(640);
        assertThat(d.inputHeight()).isEqualTo(640);
        assertThat(d.detect(RgbImage.blank(640, 640, 0, 0, 0))).extracting(Detection::label).containsOnly("0");
    }

    @Test
    void readsMultiClassNamesAndYolov10Outputs() throws Exception {
        Path onnx = YoloStandIn.endToEnd(tmp.resolve("v10/model.onnx"), List.of(
                new float[]{10, 20, 110, 220, 0.9f, 1},
                new float[]{12, 20, 110, 220, 0.8f, 0},     // IoU 0.98: suppressed by the fixed 0.7
                new float[]{400, 400, 500, 440, 0.5f, 0}), YoloStandIn.meta("{0: 'face', 1: \"head\"}"));
        YoloDetector d = YoloDetector.open(onnx.toString(), "face", resolver());
        assertThat(d.detect(RgbImage.blank(1280, 1280, 9, 9, 9))).containsExactly(
                new Detection(20, 40, 220, 440, "head", 0.9f), new Detection(800, 800, 1000, 880, "face", 0.5f));
    }

    @Test
    void parsesUltralyticsMetadata() {
        assertThat(YoloMetadata.size(Map.of("imgsz", "[640, 480]"))).get().isEqualTo(new int[]{640, 480});
        assertThat(YoloMetadata.size(Map.of("imgsz", "[320]"))).get().isEqualTo(new int[]{320, 320});
        assertThat(YoloMetadata.size(Map.of("imgsz", "junk"))).isEmpty();
        assertThat(YoloMetadata.names(Map.of("names", "{0: 'face', 1: 'head', 2: \"it's\"}"))).containsExactly("face", "head", "it's");
        assertThat(YoloMetadata.names(Map.of())).isEmpty();
    }

    @Test
    void refusesModelsOfTheWrongKindOrShape() throws Exception {
        assertThatThrownBy(() -> YoloDetector.open(YoloModels.HEAD, "face", resolver()))
                .isInstanceOf(ModelException.class).hasMessageContaining("not a face detector");
        assertThatThrownBy(() -> YoloDetector.open(YoloModels.FACE, "face", resolver()))
                .isInstanceOf(ModelException.class).hasMessageContaining("offline");
    }
}
