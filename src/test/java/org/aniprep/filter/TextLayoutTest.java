package org.aniprep.filter;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout rules on boxes placed as subtitles, credits, title cards and signs are on a 1920×1080 frame. */
class TextLayoutTest {
    private static final int W = 1920;
    private static final int H = 1080;
    private final TextLayout layout = new TextLayout(TextLayout.Settings.DEFAULT);

    private static TextBox box(double x0, double y0, double x1, double y1) {
        return new TextBox(x0 * W, y0 * H, x1 * W, y1 * H, 0.8);
    }

    private String classify(double background, TextBox... boxes) {
        return layout.classify(List.of(boxes), W, H, background).name();
    }

    @Test
    void oneOrTwoCentredLinesInABandAreSubtitles() {
        assertThat(classify(12, box(0.3, 0.86, 0.7, 0.93))).isEqualTo("subtitles");
        assertThat(classify(12, box(0.25, 0.78, 0.75, 0.84), box(0.3, 0.86, 0.7, 0.92))).isEqualTo("subtitles");
        assertThat(classify(12, box(0.35, 0.05, 0.65, 0.11))).isEqualTo("subtitles");
        // two boxes on one line (a gap between words) are one line
        assertThat(layout.classify(List.of(box(0.3, 0.86, 0.48, 0.93), box(0.5, 0.861, 0.7, 0.929)), W, H, 12).lines()).isEqualTo(1);
    }

    @Test
    void textInTheSceneIsKept() {
        // a sign in the upper left, off centre; a line in the middle of the picture
        assertThat(classify(12, box(0.03, 0.12, 0.3, 0.17))).isEqualTo("other");
        assertThat(classify(12, box(0.4, 0.45, 0.6, 0.5))).isEqualTo("other");
        assertThat(classify(12)).isEqualTo("none");
    }

    @Test
    void manyLinesAreCredits() {
        List<TextBox> lines = new ArrayList<>();
        double[] ends = {0.85, 0.78, 0.9, 0.74, 0.82}; // names differ in length
        for (int i = 0; i < 5; i++) {
            lines.add(box(0.55, 0.2 + i * 0.1, ends[i], 0.24 + i * 0.1));
        }
        assertThat(layout.classify(lines, W, H, 12).name()).isEqualTo("credits");
        // three lines spread over the frame too
        assertThat(classify(12, box(0.55, 0.2, 0.85, 0.24), box(0.55, 0.4, 0.78, 0.44), box(0.55, 0.6, 0.9, 0.64)))
                .isEqualTo("credits");
    }

    @Test
    void largeTextOrTextOnAFlatBackgroundIsATitleCard() {
        assertThat(classify(12, box(0.3, 0.42, 0.7, 0.54))).isEqualTo("title_card");
        assertThat(classify(0.5, box(0.4, 0.45, 0.6, 0.5))).isEqualTo("title_card");
        // a subtitle-only frame on a flat background is still a subtitle
        assertThat(classify(0.5, box(0.3, 0.86, 0.7, 0.93))).isEqualTo("subtitles");
    }

    @Test
    void rowsOfWindowsAreNeitherCreditsNorATitle() {
        // what the detector finds on a street of houses: short boxes scattered over one band, at slightly different heights
        assertThat(classify(15, box(0.91, 0.55, 0.93, 0.58), box(0.71, 0.53, 0.87, 0.61), box(0.01, 0.51, 0.13, 0.58),
                box(0.65, 0.5, 0.66, 0.53), box(0.32, 0.49, 0.46, 0.55), box(0.81, 0.43, 0.97, 0.48), box(0.05, 0.47, 0.28, 0.54)))
                .isIn("none", "other");
    }

    @Test
    void columnsOfWindowsAreNotCredits() {
        // a house front: three columns of window rows, each row as wide as the one above
        List<TextBox> windows = new ArrayList<>();
        for (double x : new double[]{0.05, 0.31, 0.55}) {
            for (int row = 0; row < 4; row++) {
                windows.add(box(x, 0.23 + row * 0.08, x + 0.145, 0.29 + row * 0.08));
            }
        }
        assertThat(layout.classify(windows, W, H, 15).name()).isEqualTo("none");
    }

    @Test
    void roundishBlobsAreNotText() {
        // what the detector sometimes finds on a motion-blurred picture: a box as high as it is wide
        assertThat(classify(1.0, box(0.18, 0.17, 0.45, 0.64))).isEqualTo("none");
    }
}
