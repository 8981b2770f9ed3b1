package org.aniprep.filter;

import org.aniprep.sidecar.FilterInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Layouts from recognised boxes: no text verdict without text that reads as characters. */
class TextReadingRulesTest {
    private static final int W = 1920;
    private static final int H = 1080;
    private final TextLayout layout = new TextLayout(TextLayout.Settings.DEFAULT);
    private final TextDetector detector = new TextDetector(TextModels.SPEC, null, "test", null);

    private static List<Double> box(double x0, double y0, double x1, double y1) {
        return List.of(x0, y0, x1, y1, 0.8);
    }

    private static FilterInfo.Text found(double background, List<List<Double>> boxes, FilterInfo.Read... read) {
        return new FilterInfo.Text(TextModels.ID, "none", 0, boxes, background, W, H, TextModels.REC_ID, List.of(read));
    }

    @Test
    void aLineReadsAsTextWhenConfidentAndLongEnoughForItsBox() {
        TextBox line = new TextBox(600, 950, 1320, 1010, 0.8);    // aspect 12
        assertThat(layout.readsAsText(" Then we have to run.", 0.97, line)).isTrue();
        assertThat(layout.readsAsText(" Then we have to run.", 0.6, line)).isFalse();
        // the eyes of a close-up: two characters, unsure
        assertThat(layout.readsAsText("o0", 0.39, new TextBox(700, 400, 1200, 500, 0.7))).isFalse();
        // a long row of windows read confidently as two characters is not a line of writing
        assertThat(layout.readsAsText("口口", 0.9, line)).isFalse();
        // a short, large title
        assertThat(layout.readsAsText("Fin", 0.95, new TextBox(800, 400, 1100, 560, 0.8))).isTrue();
    }

    @Test
    void eyesOnAFlatBackgroundAreNoTitleCard() {
        List<List<Double>> eyes = List.of(box(0.35, 0.4, 0.65, 0.5));
        // without a reader the boxes' shapes alone made a title card (flat background)
        assertThat(detector.classify(new FilterInfo.Text(TextModels.ID, "none", 0, eyes, 0.8, W, H)).layout()).isEqualTo("title_card");
        FilterInfo.Text read = detector.classify(found(0.8, eyes, new FilterInfo.Read(0, "o0", 0.39, true)));
        assertThat(read.layout()).isEqualTo("none");
        assertThat(read.read().get(0).textLike()).isFalse();
    }

    @Test
    void recognisedLinesKeepTheirLayouts() {
        FilterInfo.Text sub = detector.classify(found(12, List.of(box(0.3, 0.86, 0.7, 0.93)),
                new FilterInfo.Read(0, " Then we have to run.", 0.97, false)));
        assertThat(sub.layout()).isEqualTo("subtitles");
        assertThat(sub.read().get(0).textLike()).isTrue();
        assertThat(sub.readText()).isEqualTo("Then we have to run.");
        // two lines, one unreadable: judged on the one that reads
        FilterInfo.Text mixed = detector.classify(found(12, List.of(box(0.3, 0.86, 0.7, 0.93), box(0.05, 0.3, 0.2, 0.34)),
                new FilterInfo.Read(0, " Then we have to run.", 0.97, false), new FilterInfo.Read(1, "ll", 0.4, false)));
        assertThat(mixed.layout()).isEqualTo("subtitles");
        assertThat(mixed.lines()).isEqualTo(1);
        // boxes that were not read (not text by shape) make no lines
        assertThat(detector.classify(found(12, List.of(box(0.3, 0.86, 0.7, 0.93)))).layout()).isEqualTo("none");
    }

    @Test
    void theReportCaptionShowsWhatWasRead() {
        FilterInfo.Text t = detector.classify(found(12, List.of(box(0.3, 0.86, 0.7, 0.93)),
                new FilterInfo.Read(0, " Then we have to run.", 0.97, false)));
        FilterInfo info = new FilterInfo("filter-v1", "drop", "subtitles", List.of("subtitles"), null, t);
        assertThat(FilterReport.withReading("1 line(s)", info)).isEqualTo("1 line(s); read: \"Then we have to run.\" 0.97");
    }
}
