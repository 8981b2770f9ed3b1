package org.aniprep.sidecar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewInfoTest {
    @Test
    void facesAreMatchedByOverlapOfTheirBoxes() {
        ReviewInfo r = new ReviewInfo(List.of(
                new ReviewInfo.Face("face", List.of(100, 100, 200, 200), "Eileen", null, null, null, null),
                new ReviewInfo.Face("face", List.of(400, 100, 500, 200), null, List.of("Lucy"), true, null, null)), null, null, null);
        // a box moved by 10 px overlaps 0.68: the same face
        assertThat(r.face("face", List.of(110, 100, 210, 200))).map(ReviewInfo.Face::character).contains("Eileen");
        assertThat(r.face("head", List.of(100, 100, 200, 200))).isEmpty();
        assertThat(r.face("face", List.of(160, 100, 260, 200))).isEmpty(); // IoU 0.25
        assertThat(r.notAFace("face", List.of(400, 100, 500, 200))).isTrue();
        assertThat(r.face("face", List.of(400, 100, 500, 200)).orElseThrow().rules("lucy")).isTrue();
        assertThat(ReviewInfo.iou(List.of(0, 0, 10, 10), List.of(0, 0, 10, 10))).isEqualTo(1.0);
        assertThat(ReviewInfo.iou(List.of(0, 0, 10, 10), List.of(5, 0, 15, 10))).isEqualTo(50.0 / 150);
        assertThat(ReviewInfo.iou(List.of(0, 0, 0, 10), List.of(0, 0, 0, 10))).isZero();
    }

    @Test
    void roundTripsThroughTheSidecarInSnakeCase(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("a.png");
        Files.write(image, new byte[] {1});
        ReviewInfo r = new ReviewInfo(List.of(new ReviewInfo.Face("face", List.of(1, 2, 3, 4), null, null, true, null, "g1")),
                new ReviewInfo.Frame(ReviewInfo.REMOVE, ReviewInfo.MANUAL), new ReviewInfo.TagEdits(List.of("smile"), null), "a caption");
        SidecarStore.put(image, ReviewInfo.SECTION, r);
        String json = Files.readString(SidecarStore.pathFor(image));
        assertThat(json).contains("\"not_a_face\" : true").contains("\"decision\" : \"remove\"").doesNotContain("\"not\"");
        ReviewInfo back = SidecarStore.read(image).get(ReviewInfo.SECTION, ReviewInfo.class).orElseThrow();
        assertThat(back).isEqualTo(r);
        assertThat(back.removeFrame()).isTrue();
        assertThat(back.tags().remove()).isEmpty();
        assertThat(back.blank()).isFalse();
        assertThat(ReviewInfo.empty().blank()).isTrue();
    }
}
