package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaceCascadeTest {
    static final Path MODELS = Path.of(System.getProperty("aniprep.shared", "../shared"), "models");
    static List<AnimeScenes.Scene> scenes;

    @BeforeAll
    static void scenes() {
        // a different seed and size from the one the filter was designed on (docs/detect.md)
        scenes = new AnimeScenes(AnimeScenes.animeDir()).all(4, 2024);
    }

    static FaceCascade cascade(FaceCascade.Settings s) {
        return FaceCascade.load(FaceCascade.locate(List.of(MODELS)).orElseThrow(), s);
    }

    @Test
    void findsTheCascadeThroughTheModelPath() {
        Map<String, String> env = Map.of(ModelSettings.MODEL_PATH_ENV, "/nonexistent" + java.io.File.pathSeparator + MODELS);
        ModelSettings settings = ModelSettings.fromEnvironment(env, Path.of("/nonexistent-home"), true, Device.CPU);
        assertThat(FaceCascade.locate(settings.extraDirs())).contains(MODELS.resolve(FaceCascade.FILE_NAME));
        // nothing in the model folders: the copy bundled with aniprep, checked against the real file
        Path bundled = FaceCascade.locate(List.of(Path.of("/nonexistent"))).orElseThrow();
        assertThat(bundled).hasSameBinaryContentAs(MODELS.resolve(FaceCascade.FILE_NAME));
        assertThat(FaceCascade.load(bundled, FaceCascade.Settings.DEFAULT)).isNotNull();
    }

    @Test
    void missingOrBadCascadeFileSaysSo(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> FaceCascade.load(dir.resolve("none.xml"), FaceCascade.Settings.DEFAULT))
                .isInstanceOf(CascadeException.class).hasMessageContaining("does not exist");
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<?xml version=\"1.0\"?><opencv_storage></opencv_storage>");
        assertThatThrownBy(() -> FaceCascade.load(bad, FaceCascade.Settings.DEFAULT))
                .isInstanceOf(CascadeException.class).hasMessageContaining("bad.xml").hasMessageContaining("not an OpenCV cascade");
        Path garbage = Files.writeString(dir.resolve("garbage.xml"), "<opencv_storage><cascade>oops</opencv_storage>");
        assertThatThrownBy(() -> FaceCascade.load(garbage, FaceCascade.Settings.DEFAULT))
                .isInstanceOf(CascadeException.class).hasMessageContaining("garbage.xml").hasMessageContaining("cannot be read");
    }

    @Test
    void filteringCountsFacesBetterThanTheReferenceSettings() {
        FaceEval raw = evaluate(FaceCascade.Settings.DEFAULT.withFilter(false).withTighten(false));
        FaceEval filtered = evaluate(FaceCascade.Settings.DEFAULT);
        assertThat(filtered.countAccuracy()).isGreaterThanOrEqualTo(raw.countAccuracy()).isGreaterThanOrEqualTo(0.7);
        assertThat(filtered.recall()).isGreaterThanOrEqualTo(raw.recall()).isGreaterThan(0.8);
        assertThat(filtered.precision()).isGreaterThan(0.9);
        // tightened boxes match fringe-to-chin face boxes far better than the cascade's hair-inclusive ones
        assertThat(filtered.meanIouFound()).isGreaterThan(0.7).isGreaterThan(raw.meanIouFound() + 0.15);
    }

    @Test
    void noFacesOnEmptyBackgroundsOrFlatFrames() {
        try (FaceCascade c = cascade(FaceCascade.Settings.DEFAULT)) {
            for (AnimeScenes.Scene s : scenes) {
                if (s.count() == 0) {
                    assertThat(c.detect(s.image())).as(s.name()).isEmpty();
                }
            }
            assertThat(c.detect(RgbImage.blank(64, 48, 200, 180, 160))).isEmpty();
        }
    }

    @Test
    void boxesAreInFramePixelsForSmallAndLargeFrames() {
        try (FaceCascade c = cascade(FaceCascade.Settings.DEFAULT)) {
            AnimeScenes.Scene concert = new AnimeScenes(AnimeScenes.animeDir()).concert("concert1.png");
            List<Detection> found = c.detect(concert.image());
            Detection eileen = concert.faces().get(2);
            assertThat(found).anySatisfy(d -> assertThat(d.iou(eileen)).isGreaterThan(0.6));
            for (Detection d : found) {
                assertThat(d.x1()).isLessThanOrEqualTo(concert.image().width());
                assertThat(d.y1()).isLessThanOrEqualTo(concert.image().height());
            }
        }
    }

    private static FaceEval evaluate(FaceCascade.Settings settings) {
        FaceEval eval = new FaceEval();
        try (FaceCascade c = cascade(settings)) {
            for (AnimeScenes.Scene s : scenes) {
                eval.add(s, c.detect(s.image()));
            }
        }
        return eval;
    }
}
