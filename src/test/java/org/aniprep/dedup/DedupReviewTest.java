package org.aniprep.dedup;

import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dedup never removes a frame the user kept (its twins may still go), a restored frame stays restored
 * across reruns, and a frame the user removed is never brought back. The frames are {@link DedupRerunTest}'s pan.
 */
class DedupReviewTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void scenes() {
        DedupRerunTest.scenes();
    }

    static void decide(Path image, String decision) {
        SidecarStore.update(image, s -> s.put(ReviewInfo.SECTION, new ReviewInfo(List.of(),
                new ReviewInfo.Frame(decision, ReviewInfo.REMOVE.equals(decision) ? ReviewInfo.MANUAL : null), null, null)));
    }

    @Test
    void keptFramesStayRestoredFramesStayAndRemovedFramesStayOut() throws IOException {
        new DedupRerunTest().writePartA(dir);
        decide(dir.resolve("ep1/f02.jpg"), ReviewInfo.KEEP);
        assertThat(DedupRerunTest.dedup(dir)).isZero();
        assertThat(DedupRerunTest.inPlace(dir)).as("f02 kept by the user beside its group's kept frame").containsExactly("ep1/f02.jpg", "ep1/f03.jpg", "ep1/f05.jpg");
        assertThat(DedupRerunTest.info(dir, "ep1/f03.jpg").removed()).containsExactly("ep1/f01.jpg");
        assertThat(DedupRerunTest.info(dir, "ep1/f02.jpg").kept()).isNull();

        // the user restores f06 (moved back, decision keep) and removes f05 by hand (into _removed/, decision remove)
        Files.move(dir.resolve("_removed/ep1/f06.jpg"), dir.resolve("ep1/f06.jpg"));
        Files.move(SidecarStore.pathFor(dir.resolve("_removed/ep1/f06.jpg")), SidecarStore.pathFor(dir.resolve("ep1/f06.jpg")));
        decide(dir.resolve("ep1/f06.jpg"), ReviewInfo.KEEP);
        Files.move(dir.resolve("ep1/f05.jpg"), dir.resolve("_removed/ep1/f05.jpg"));
        Files.move(SidecarStore.pathFor(dir.resolve("ep1/f05.jpg")), SidecarStore.pathFor(dir.resolve("_removed/ep1/f05.jpg")));
        decide(dir.resolve("_removed/ep1/f05.jpg"), ReviewInfo.REMOVE);

        Map<String, String> before = null;
        for (int run = 0; run < 2; run++) {
            assertThat(DedupRerunTest.dedup(dir)).isZero();
            assertThat(DedupRerunTest.inPlace(dir)).contains("ep1/f02.jpg", "ep1/f03.jpg", "ep1/f06.jpg").doesNotContain("ep1/f05.jpg");
            assertThat(dir.resolve("_removed/ep1/f05.jpg")).exists();
            DedupInfo restored = DedupRerunTest.info(dir, "ep1/f06.jpg");
            assertThat(restored.kept()).as("nobody's removed twin any more").isNull();
            for (String kept : DedupRerunTest.inPlace(dir)) {
                List<String> removed = DedupRerunTest.info(dir, kept).removed();
                assertThat(removed == null ? List.<String>of() : removed).doesNotContain("ep1/f06.jpg", "ep1/f02.jpg");
            }
            if (before != null) {
                assertThat(DedupRerunTest.sidecars(dir)).as("a second rerun changes nothing").isEqualTo(before);
            }
            before = DedupRerunTest.sidecars(dir);
        }
    }
}
