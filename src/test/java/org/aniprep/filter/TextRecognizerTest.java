package org.aniprep.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The recogniser against shared/testdata/vectors/ppocr_rec (reference_rec.py: onnxruntime + Pillow +
 * numpy, independent of this code). The model is found through the normal lookup (ANIPREP_MODEL_PATH,
 * else the copy bundled in the jar).
 */
class TextRecognizerTest {
    static final Path VECTORS = Path.of(System.getProperty("aniprep.shared", "../shared")).resolve("testdata/vectors/ppocr_rec");
    static TextRecognizer rec;
    static JsonNode expected;

    @BeforeAll
    static void open() throws Exception {
        rec = TextRecognizer.open(new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU)));
        expected = new ObjectMapper().readTree(VECTORS.resolve("expected.json").toFile());
    }

    static RgbImage line(String name) throws Exception {
        return new ImageLoader().load(VECTORS.resolve(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub_line.png", "title_line.png", "eyes_closeup.png"})
    void readsAsTheReferenceWithItsPreprocessing(String name) throws Exception {
        TextRecognizer.Reading r = rec.readLine(line(name), TextRecognizer.Resize.PILLOW);
        assertThat(r.text()).isEqualTo(expected.get(name).get("text").asText());
        assertThat(r.confidence()).isCloseTo(expected.get(name).get("mean_confidence").asDouble(), within(0.01));
    }

    /** PaddleOCR's own (OpenCV) resize differs slightly from Pillow's: the lines read alike, the eyes stay unsure. */
    @Test
    void paddleOcrsOwnResizeReadsAlike() throws Exception {
        TextRecognizer.Reading sub = rec.readLine(line("sub_line.png"), TextRecognizer.Resize.OPENCV);
        assertThat(sub.text()).isEqualTo(" Then we have to run.");
        assertThat(sub.confidence()).isCloseTo(0.9684, within(0.02));
        TextRecognizer.Reading title = rec.readLine(line("title_line.png"), TextRecognizer.Resize.OPENCV);
        assertThat(title.text()).startsWith(" Episode 2: The Conce");
        assertThat(title.confidence()).isGreaterThan(0.9);
        TextRecognizer.Reading eyes = rec.readLine(line("eyes_closeup.png"), TextRecognizer.Resize.OPENCV);
        assertThat(eyes.text().strip()).hasSizeLessThanOrEqualTo(2);
        assertThat(eyes.confidence()).isLessThan(0.5);
    }

    @Test
    void boxesOfAFrameAreBatchedAndPaddedAsPaddleOcrDoes() throws Exception {
        RgbImage sub = line("sub_line.png");
        RgbImage eyes = line("eyes_closeup.png");
        RgbImage title = line("title_line.png");
        List<TextRecognizer.Reading> rs = rec.readLines(List.of(eyes, sub, title), TextRecognizer.Resize.OPENCV);
        assertThat(rs.get(1).text()).isEqualTo(" Then we have to run.");
        assertThat(rs.get(2).text()).startsWith(" Episode 2: The Conce");
        assertThat(rs.get(1).confidence()).isGreaterThan(0.94);
        assertThat(rs.get(0).confidence()).isLessThan(0.5);
    }

    @Test
    void aBoxIsCutFromTheFrame() throws Exception {
        RgbImage sub = line("sub_line.png");
        RgbImage frame = RgbImage.blank(sub.width() + 40, sub.height() + 30, 0, 0, 0);
        byte[] px = frame.rgb();
        for (int y = 0; y < sub.height(); y++) {
            System.arraycopy(sub.rgb(), y * sub.width() * 3, px, ((y + 10) * frame.width() + 20) * 3, sub.width() * 3);
        }
        TextBox box = new TextBox(20, 10, 20 + sub.width(), 10 + sub.height(), 0.9);
        assertThat(rec.read(frame, List.of(box)).get(0).text()).isEqualTo(" Then we have to run.");
    }
}
