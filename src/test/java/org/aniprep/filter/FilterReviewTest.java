package org.aniprep.filter;

import org.aniprep.cli.Main;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Filter never removes a frame the user kept (it still records its scores) and never brings back one the user removed. */
class FilterReviewTest {
    static void decide(Path image, String decision) {
        SidecarStore.update(image, s -> s.put(ReviewInfo.SECTION, new ReviewInfo(List.of(),
                new ReviewInfo.Frame(decision, ReviewInfo.REMOVE.equals(decision) ? ReviewInfo.MANUAL : null), null, null)));
    }

    static FilterInfo filterOf(Path image) {
        return SidecarStore.read(image).get(FilterInfo.SECTION, FilterInfo.class).orElseThrow();
    }

    static int filter(Path dir) {
        return Main.run("filter", "--src", dir.toString(), "--text", "off", "--quiet");
    }

    static void restore(Path dir, String name) throws IOException {
        Files.move(dir.resolve("_removed").resolve(name), dir.resolve(name));
        Files.move(SidecarStore.pathFor(dir.resolve("_removed").resolve(name)), SidecarStore.pathFor(dir.resolve(name)));
        decide(dir.resolve(name), ReviewInfo.KEEP);
    }

    @Test
    void aKeptFrameStaysWithItsScoresAndARemovedOneStaysRemoved(@TempDir Path dir) throws IOException {
        AnimeScenes.writePng(AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("lucy_mad", 420)), dir.resolve("a_1.png"));
        AnimeScenes.writePng(RgbImage.blank(640, 360, 0, 0, 0), dir.resolve("a_2.png"));
        AnimeScenes.writePng(RgbImage.blank(640, 360, 255, 255, 255), dir.resolve("a_3.png"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("eileen_happy", 480)), dir.resolve("a_4.png"));
        decide(dir.resolve("a_2.png"), ReviewInfo.KEEP);

        assertThat(filter(dir)).isZero();
        assertThat(dir.resolve("a_2.png")).as("kept by the user").exists();
        FilterInfo kept = filterOf(dir.resolve("a_2.png"));
        assertThat(kept.dropped()).isFalse();
        assertThat(kept.overruled()).as("the checks' reason is still recorded").isNotNull();
        assertThat(kept.hits()).contains(kept.overruled());
        assertThat(kept.scores()).isNotNull();
        assertThat(dir.resolve("a_3.png")).as("the checks still remove what the user did not keep").doesNotExist();
        assertThat(dir.resolve("_removed/a_3.png")).exists();

        // the user restores a_3 (the review server moves it back and records keep): it stays restored across reruns
        restore(dir, "a_3.png");
        // and removes a_4 by hand: into _removed/ with the decision
        Files.createDirectories(dir.resolve("_removed"));
        Files.move(dir.resolve("a_4.png"), dir.resolve("_removed/a_4.png"));
        decide(dir.resolve("_removed/a_4.png"), ReviewInfo.REMOVE);
        for (int run = 0; run < 2; run++) {
            assertThat(filter(dir)).isZero();
            assertThat(dir.resolve("a_3.png")).exists();
            assertThat(filterOf(dir.resolve("a_3.png")).dropped()).isFalse();
            assertThat(dir.resolve("a_4.png")).doesNotExist();
            assertThat(dir.resolve("_removed/a_4.png")).exists();
            assertThat(dir.resolve("a_1.png")).exists();
            assertThat(dir.resolve("a_2.png")).exists();
        }
    }
}
