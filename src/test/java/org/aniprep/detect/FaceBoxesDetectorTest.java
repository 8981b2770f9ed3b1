package org.aniprep.detect;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.model.ResolvedModel;
import org.aniprep.sidecar.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** FaceBoxes against the vectors computed independently with Pillow + numpy + ONNX Runtime (shared/testdata/vectors). */
class FaceBoxesDetectorTest {
    static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    static final Path MODELS = SHARED.resolve("models");
    static final Path VECTORS = SHARED.resolve("testdata/vectors");

    static ModelResolver resolver(String modelPath) {
        Map<String, String> env = modelPath == null ? Map.of() : Map.of(ModelSettings.MODEL_PATH_ENV, modelPath);
        return new ModelResolver(ModelSettings.fromEnvironment(env, Path.of("/nonexistent-home"), true, Device.CPU));
    }

    static FaceBoxesTranslator.Params params() {
        return FaceBoxesTranslator.Params.of(FaceBoxesModels.SPEC);
    }

    @Test
    void priorsComeInTheModelsOrder() {
        FaceBoxesTranslator.Params p = params();
        assertThat(FaceBoxesPriors.count(1280, 896, p.steps(), p.minSizes())).isEqualTo(23870);
        assertThat(FaceBoxesPriors.count(256, 640, p.steps(), p.minSizes())).isEqualTo(3410);
        assertThat(FaceBoxesPriors.count(384, 640, p.steps(), p.minSizes())).isEqualTo(5115);
        double[] pr = FaceBoxesPriors.generate(1280, 896, p.steps(), p.minSizes());
        assertThat(pr.length).isEqualTo(4 * 23870);
        // cell (0,0) of the stride-32 map: sixteen 32-px anchors, x inner, then four 64-px, one 128-px
        assertPrior(pr, 0, 0, 0, 32 / 1280.0, 32 / 896.0);
        assertPrior(pr, 1, 0.25 * 32 / 1280, 0, 32 / 1280.0, 32 / 896.0);
        assertPrior(pr, 4, 0, 0.25 * 32 / 896, 32 / 1280.0, 32 / 896.0);
        assertPrior(pr, 16, 0, 0, 64 / 1280.0, 64 / 896.0);
        assertPrior(pr, 19, 0.5 * 32 / 1280, 0.5 * 32 / 896, 64 / 1280.0, 64 / 896.0);
        assertPrior(pr, 20, 0.5 * 32 / 1280, 0.5 * 32 / 896, 128 / 1280.0, 128 / 896.0);
        assertPrior(pr, 21, 1.0 * 32 / 1280, 0, 32 / 1280.0, 32 / 896.0);
        // the concert face's best prior (vectors: 23594) is on the stride-64 map, row 3, column 14
        assertPrior(pr, 23594, 14.5 * 64 / 1280, 3.5 * 64 / 896, 256 / 1280.0, 256 / 896.0);
        assertPrior(pr, 23869, 9.5 * 128 / 1280, 6.5 * 128 / 896, 512 / 1280.0, 512 / 896.0);
    }

    private static void assertPrior(double[] pr, int i, double cx, double cy, double w, double h) {
        assertThat(new double[]{pr[4 * i], pr[4 * i + 1], pr[4 * i + 2], pr[4 * i + 3]}).containsExactly(new double[]{cx, cy, w, h}, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"faceboxes_concert1_1280x896.json", "faceboxes_concert3_1280x896.json",
            "faceboxes_eileen_happy_256x640.json", "faceboxes_lucy_happy_384x640.json"})
    void reproducesTheReferenceVectors(String file) throws IOException {
        JsonNode v = Json.MAPPER.readTree(VECTORS.resolve(file).toFile());
        RgbImage image = new ImageLoader().load(SHARED.resolve("testdata/anime").resolve(v.get("image").asText()));
        int w = v.get("input_w").asInt();
        int h = v.get("input_h").asInt();
        try (FaceBoxesDetector fb = FaceBoxesDetector.open(null, resolver(MODELS.toString()))) {
            assertThat(fb.translator().priors(w, h).length / 4).isEqualTo(v.get("priors").asInt());
            float[] scores = FaceBoxesTranslator.faceScores(fb.run(image, w, h).get("conf"));
            assertThat(scores.length).isEqualTo(v.get("priors").asInt());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                order.add(i);
            }
            order.sort((a, b) -> Float.compare(scores[b], scores[a]));
            for (int k = 0; k < 5; k++) {
                JsonNode top = v.get("top5_prior_index_score").get(k);
                assertThat(scores[top.get(0).asInt()]).as("score of prior %d", top.get(0).asInt())
                        .isCloseTo((float) top.get(1).asDouble(), within(1e-3f));
            }
            assertThat(order.subList(0, 4)).as("the best priors")
                    .containsExactlyElementsOf(topIndices(v, 4));

            List<FaceBoxesTranslator.Face> faces = fb.faces(image, w, h);
            JsonNode want = v.get("faces");
            assertThat(faces).hasSize(want.size());
            for (int i = 0; i < want.size(); i++) {
                FaceBoxesTranslator.Face f = faces.get(i);
                assertThat(f.score()).isCloseTo((float) want.get(i).get("score").asDouble(), within(1e-3f));
                double[] px = {f.x0() * image.width(), f.y0() * image.height(), f.x1() * image.width(), f.y1() * image.height()};
                for (int c = 0; c < 4; c++) {
                    assertThat(px[c]).as("box_px[%d]", c).isCloseTo(want.get(i).get("box_px").get(c).asDouble(), within(0.5));
                    assertThat(new double[]{f.x0(), f.y0(), f.x1(), f.y1()}[c]).isCloseTo(want.get(i).get("box_rel").get(c).asDouble(), within(1e-3));
                }
            }
        }
    }

    /** The first n prior indices of the vector's top five, where their scores are clearly apart (ties may swap). */
    private static List<Integer> topIndices(JsonNode v, int n) {
        List<Integer> out = new ArrayList<>();
        JsonNode top = v.get("top5_prior_index_score");
        for (int k = 0; k < n; k++) {
            out.add(top.get(k).get(0).asInt());
        }
        return out;
    }

    @Test
    void theTopOfEachBoxMovesDownByAFifthOfItsHeight() {
        FaceBoxesTranslator t = new FaceBoxesTranslator(params().withFit(BoxFit.NONE));
        List<Detection> d = t.toDetections(List.of(new FaceBoxesTranslator.Face(0, 0.9f, 0.1, 0.2, 0.3, 0.7)), 1000, 100);
        assertThat(d).containsExactly(new Detection(100, 30, 300, 70, "face", 0.9f));
        assertThat(t.inputSize(1280, 720, 1280)).containsExactly(1280, 768);
        assertThat(t.inputSize(1280, 720, 1920)).containsExactly(1920, 1152);
        assertThat(t.inputSize(1920, 1080, 1920)).containsExactly(1920, 1152);
        assertThat(t.inputSize(320, 720, 1280)).containsExactly(640, 1280);
        assertThat(t.inputSize(1000, 60, 128)).containsExactly(128, 128);
    }

    @Test
    void aModelFolderOverridesTheBundledCopy() {
        assertThat(ModelRegistry.find(FaceBoxesModels.ID)).contains(FaceBoxesModels.SPEC);
        ResolvedModel fromFolder = resolver(MODELS.toString()).resolve(FaceBoxesModels.SPEC);
        assertThat(fromFolder.modelPath()).isEqualTo(MODELS.resolve(FaceBoxesModels.FILE));
        assertThat(fromFolder.source()).startsWith("model folder");
        // no model folder, offline, empty hub caches: the copy inside aniprep, checked against its SHA-256
        ResolvedModel bundled = resolver(null).resolve(FaceBoxesModels.SPEC);
        assertThat(bundled.source()).startsWith("bundled with aniprep");
        assertThat(bundled.modelPath()).hasSameBinaryContentAs(MODELS.resolve(FaceBoxesModels.FILE));
    }
}
