package org.aniprep.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaceSummaryTest {
    static Detection box(int x0, int y0, int x1, int y1) {
        return new Detection(x0, y0, x1, y1, "face", 0.9f);
    }

    @Test
    void faceposIsTruncatedPercentages() {
        // the reference README example: "fvp 42 70 fhp 22 39" on a 1000×1000 frame
        assertThat(FaceSummary.facepos(box(220, 420, 399, 709), 1000, 1000)).isEqualTo("fvp 42 70 fhp 22 39");
        // non-square: 1280×720, y 0.5 → 50, x 1279/1280 = 99.92 → 99
        assertThat(FaceSummary.facepos(box(0, 360, 1279, 720), 1280, 720)).isEqualTo("fvp 50 100 fhp 0 99");
        // 0.29 × 100 = 28.999999999999996 and 0.58 × 100 = 57.99999999999999 in doubles: Python's int() gives 28 and 57 too
        assertThat(FaceSummary.facepos(box(29, 29, 58, 58), 100, 100)).isEqualTo("fvp 28 57 fhp 28 57");
    }

    @Test
    void heightRatioOfTheTallestFaceAndItsBucket() {
        List<Detection> faces = List.of(box(0, 0, 10, 100), box(0, 0, 10, 250));
        assertThat(FaceSummary.heightRatio(faces, 1000)).isEqualTo(0.25);
        assertThat(FaceSummary.bucket(0.25)).isEqualTo("25-50");
        assertThat(FaceSummary.bucket(0.2499)).isEqualTo("0-25");
        assertThat(FaceSummary.bucket(0.0)).isEqualTo("0-25");
        assertThat(FaceSummary.bucket(0.74)).isEqualTo("50-75");
        assertThat(FaceSummary.bucket(1.0)).isEqualTo("75-100");
        assertThat(FaceSummary.heightRatio(List.of(), 720)).isZero();
    }
}
