package org.aniprep.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected boxes below are worked out by hand from model-specs.md §2.4. */
class YoloDecoderTest {
    static final List<String> FACE = List.of("face");

    /** An Ultralytics head [1, 4+nc, n]; each anchor is {cx, cy, w, h, score per class...}. */
    static float[] head(int n, float[]... anchors) {
        int rows = anchors[0].length;
        float[] data = new float[rows * n];
        for (int i = 0; i < anchors.length; i++) {
            for (int r = 0; r < rows; r++) {
                data[r * n + i] = anchors[i][r];
            }
        }
        return data;
    }

    static long[] shape(int rows, int n) {
        return new long[]{1, rows, n};
    }

    @Test
    void rescalesPerAxisToANonSquareFrame() {
        // 640×640 input of a 1280×720 frame: x × 2, y × 1.125
        float[] out = head(8, new float[]{320, 320, 64, 32, 0.9f});
        List<Detection> d = YoloDecoder.decode(out, shape(5, 8), 0.25f, 0.7f, 640, 640, 1280, 720, FACE);
        assertThat(d).containsExactly(new Detection(576, 342, 704, 378, "face", 0.9f));
    }

    @Test
    void confidenceFilterIsStrict() {
        float[] out = head(4, new float[]{100, 100, 20, 20, 0.25f}, new float[]{300, 300, 20, 20, 0.2500001f});
        List<Detection> d = YoloDecoder.decode(out, shape(5, 4), 0.25f, 0.7f, 640, 640, 640, 640, FACE);
        assertThat(d).extracting(Detection::x0).containsExactly(290);
    }

    @Test
    void nmsUsesThePlusOnePixelIou() {
        // A = [0,0,9,9], B = [0,0,9,4]: with +1, areas 100 and 50, intersection 50 → IoU 0.5;
        // the continuous IoU would be 36/81 = 0.444
        float[] out = head(4, new float[]{4.5f, 4.5f, 9, 9, 0.9f}, new float[]{4.5f, 2, 9, 4, 0.8f});
        assertThat(YoloDecoder.decode(out, shape(5, 4), 0.25f, 0.45f, 640, 640, 640, 640, FACE))
                .containsExactly(new Detection(0, 0, 9, 9, "face", 0.9f));
        // survives when IoU ≤ threshold (0.5 ≤ 0.5)
        assertThat(YoloDecoder.decode(out, shape(5, 4), 0.25f, 0.5f, 640, 640, 640, 640, FACE))
                .containsExactly(new Detection(0, 0, 9, 9, "face", 0.9f), new Detection(0, 0, 9, 4, "face", 0.8f));
    }

    @Test
    void nmsIsGreedyByScoreAndClassAgnostic() {
        // B overlaps A and C; A is suppressed by the higher B, C (disjoint from B after A is gone) stays
        float[] out = head(4,
                new float[]{50, 50, 40, 40, 0.5f, 0.1f},
                new float[]{70, 50, 40, 40, 0.1f, 0.9f},
                new float[]{110, 50, 40, 40, 0.6f, 0.2f});
        List<Detection> d = YoloDecoder.decode(out, shape(6, 4), 0.25f, 0.3f, 640, 640, 640, 640, List.of("face", "head"));
        // B=[50,30,90,70] 0.9 head; A=[30,30,70,70]: +1 inter 21×41, union 2·1681−861 → 0.344 > 0.3 gone;
        // C=[90,30,130,70]: inter 1×41 → 0.012 stays
        assertThat(d).containsExactly(new Detection(50, 30, 90, 70, "head", 0.9f), new Detection(90, 30, 130, 70, "face", 0.6f));
    }

    @Test
    void roundsHalfToEvenAfterScaling() {
        // 640 → 100: 16 → 2.5 → 2, 48 → 7.5 → 8, 80 → 12.5 → 12, 112 → 17.5 → 18
        float[] out = head(2, new float[]{32, 96, 32, 32, 0.9f});
        assertThat(YoloDecoder.decode(out, shape(5, 2), 0.25f, 0.7f, 640, 640, 100, 100, FACE))
                .containsExactly(new Detection(2, 12, 8, 18, "face", 0.9f));
    }

    @Test
    void clipsToTheFrame() {
        float[] out = head(4, new float[]{630, 5, 40, 20, 0.9f}, new float[]{300, 635, 40, 40, 0.8f});
        // first: x 610..650 → ×2 1220..1300 → 1280; y −5..15 → ×1.125 → 0..16.875 → 17
        // second: x 280..320 → 560..640; y 615..655 → 691.875..736.875 → 692..720
        assertThat(YoloDecoder.decode(out, shape(5, 4), 0.25f, 0.7f, 640, 640, 1280, 720, FACE))
                .containsExactly(new Detection(1220, 0, 1280, 17, "face", 0.9f), new Detection(560, 692, 640, 720, "face", 0.8f));
    }

    @Test
    void missingLabelsBecomeIndices() {
        float[] out = head(2, new float[]{100, 100, 10, 10, 0.1f, 0.8f});
        assertThat(YoloDecoder.decode(out, shape(6, 2), 0.25f, 0.7f, 640, 640, 640, 640, List.of()))
                .extracting(Detection::label).containsExactly("1");
    }

    @Test
    void equalScoresKeepTheLaterAnchorFirst() {
        float[] out = head(4, new float[]{100, 100, 40, 40, 0.5f}, new float[]{102, 100, 40, 40, 0.5f});
        assertThat(YoloDecoder.decode(out, shape(5, 4), 0.25f, 0.7f, 640, 640, 640, 640, FACE))
                .extracting(Detection::x0).containsExactly(82);
    }

    @Test
    void decodesTheYolov10EndToEndLayoutWithFixedNms() {
        float[] out = new float[300 * 6];
        float[][] rows = {
                {10, 20, 110, 220, 0.9f, 0},     // kept
                {60, 20, 160, 220, 0.8f, 0},     // +1 IoU with the first = 51·201/(2·101·201−51·201) = 0.336: kept at 0.7
                {10, 20, 110, 215, 0.7f, 0},     // IoU 0.975 with the first: suppressed
                {300, 300, 320, 330, 0.2f, 0}};  // below conf
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * 6, 6);
        }
        // the IoU argument (0.1) is ignored for this layout, as in the reference
        List<Detection> d = YoloDecoder.decode(out, new long[]{1, 300, 6}, 0.25f, 0.1f, 640, 640, 1280, 1280, FACE);
        assertThat(d).containsExactly(new Detection(20, 40, 220, 440, "face", 0.9f), new Detection(120, 40, 320, 440, "face", 0.8f));
    }

    @Test
    void rejectsShapesItCannotRead() {
        assertThatThrownBy(() -> YoloDecoder.decode(new float[10], new long[]{1, 10}, 0.25f, 0.7f, 640, 640, 640, 640, FACE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
        assertThatThrownBy(() -> YoloDecoder.decode(new float[10], new long[]{1, 5, 3}, 0.25f, 0.7f, 640, 640, 640, 640, FACE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
