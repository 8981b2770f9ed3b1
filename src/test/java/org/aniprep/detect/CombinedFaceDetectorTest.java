package org.aniprep.detect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CombinedFaceDetectorTest {
    static final CombinedFaceDetector.Settings S = CombinedFaceDetector.Settings.DEFAULT;

    static Detection box(int x0, int y0, int x1, int y1, float score) {
        return new Detection(x0, y0, x1, y1, "face", score);
    }

    @Test
    void aFaceFoundByBothIsOneBoxThatSaysSo() {
        List<Detection> merged = CombinedFaceDetector.merge(S, "fb", List.of(box(100, 100, 200, 200, 0.9f)),
                "cascade", List.of(box(110, 104, 210, 204, 40)));
        assertThat(merged).singleElement().satisfies(d -> {
            assertThat(d.score()).isEqualTo(0.9f);
            assertThat(d.foundBy()).containsExactly(Map.entry("fb", 0.9f), Map.entry("cascade", 40f));
            // the mean of the two boxes
            assertThat(List.of(d.x0(), d.y0(), d.x1(), d.y1())).containsExactly(105, 102, 205, 202);
        });
        assertThat(CombinedFaceDetector.merge(S.withAverageBoxes(false), "fb", List.of(box(100, 100, 200, 200, 0.9f)),
                "cascade", List.of(box(110, 104, 210, 204, 40)))).singleElement()
                .satisfies(d -> assertThat(d.x0()).isEqualTo(100));
    }

    @Test
    void facesFoundByOneDetectorAreKeptBestFirst() {
        List<Detection> merged = CombinedFaceDetector.merge(S, "fb",
                List.of(box(0, 0, 50, 50, 0.95f), box(300, 300, 340, 340, 0.6f)),
                "cascade", List.of(box(600, 100, 700, 200, 25), box(5, 2, 48, 52, 60)));
        assertThat(merged).extracting(Detection::score).containsExactly(0.95f, 0.6f, S.cascadeOnlyScore());
        assertThat(merged.get(0).foundBy()).containsOnlyKeys("fb", "cascade");
        assertThat(merged.get(1).foundBy()).containsOnlyKeys("fb");
        assertThat(merged.get(2).foundBy()).containsExactly(Map.entry("cascade", 25f));
        assertThat(merged.get(2).x0()).isEqualTo(600);
    }

    @Test
    void aSmallBoxInsideALargerOneIsTheSameFace() {
        // IoU 0.25 only, but the cascade box lies wholly inside FaceBoxes' box
        List<Detection> merged = CombinedFaceDetector.merge(S, "fb", List.of(box(0, 0, 200, 200, 0.8f)),
                "cascade", List.of(box(50, 50, 150, 150, 30)));
        assertThat(merged).hasSize(1);
        assertThat(CombinedFaceDetector.merge(S.withCascadeOnlyVotes(50), "fb", List.of(),
                "cascade", List.of(box(50, 50, 150, 150, 30)))).isEmpty();
    }

    @Test
    void aSecondCascadeBoxInsideAFaceIsNoFaceOfItsOwn() {
        // the cascade found an eye and a mouth inside one large face; one pairs with FaceBoxes' box, the other is dropped
        List<Detection> fb = List.of(box(60, 220, 300, 460, 0.9f));
        List<Detection> cascade = List.of(box(80, 230, 150, 300, 30), box(190, 240, 260, 310, 20), box(700, 200, 800, 300, 40));
        assertThat(CombinedFaceDetector.merge(S, "fb", fb, "cascade", cascade)).hasSize(2);
        assertThat(CombinedFaceDetector.merge(S.withDropNested(false), "fb", fb, "cascade", cascade)).hasSize(3);
    }
}
