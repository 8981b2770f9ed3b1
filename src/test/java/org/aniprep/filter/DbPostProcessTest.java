package org.aniprep.filter;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** DB post-processing on hand-made probability maps, against the arithmetic of PaddleOCR's rules. */
class DbPostProcessTest {
    private final DbPostProcess post = new DbPostProcess(TextModels.SPEC);

    private static void fill(float[] map, int w, int x0, int y0, int x1, int y1, float v) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                map[y * w + x] = v;
            }
        }
    }

    @Test
    void regionsAreUnclippedByAreaTimesRatioOverPerimeterAndScaledToTheFrame() {
        int w = 200;
        int h = 100;
        float[] map = new float[w * h];
        fill(map, w, 20, 30, 120, 40, 0.9f);   // a 100 x 10 text kernel
        fill(map, w, 150, 80, 155, 85, 0.9f);  // 5 x 5 pixels: a 4 x 4 rect, kept and grown
        fill(map, w, 180, 80, 183, 83, 0.9f);  // 3 x 3 pixels: a 2 x 2 rect, under min_size
        fill(map, w, 20, 60, 80, 70, 0.5f);    // above 0.3 but its mean score is under 0.6: dropped
        fill(map, w, 170, 10, 172, 40, 0.9f);  // 2 px wide: under min_size
        List<TextBox> boxes = post.boxes(map, w, h, 400, 200).stream().sorted(Comparator.comparingDouble(TextBox::x0)).toList();
        assertThat(boxes).hasSize(2);
        TextBox line = boxes.get(0);
        // OpenCV's contour runs through pixel centres: the rect is 99 x 9 (20..119, 30..39)
        double rw = 99;
        double rh = 9;
        double d = rw * rh * 1.5 / (2 * (rw + rh));
        assertThat(line.x0()).isCloseTo(2 * (20 - d), within(2.0));
        assertThat(line.x1()).isCloseTo(2 * (119 + d), within(2.0));
        assertThat(line.y0()).isCloseTo(2 * (30 - d), within(2.0));
        assertThat(line.y1()).isCloseTo(2 * (39 + d), within(2.0));
        assertThat(line.score()).isCloseTo(0.9, within(1e-4));
        TextBox dot = boxes.get(1);
        double dd = 4 * 4 * 1.5 / (2 * 8.0);
        assertThat(dot.width()).isCloseTo(2 * (4 + 2 * dd), within(2.0));
    }

    @Test
    void anEmptyMapHasNoBoxes() {
        assertThat(post.boxes(new float[64 * 32], 64, 32, 64, 32)).isEmpty();
    }
}
