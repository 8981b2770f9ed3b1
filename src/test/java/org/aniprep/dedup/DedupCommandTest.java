package org.aniprep.dedup;

import org.aniprep.image.Sharpness;
import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.cli.Main;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aniprep dedup} end to end on two "episodes" of frames built from the shared anime art. */
class DedupCommandTest {
    static final int MID = AnimeScenes.CAM_X + AnimeScenes.FRAME_W / 2;
    static RgbImage eileen;
    static RgbImage eileenShifted;
    static RgbImage eileenVhappy;
    static RgbImage lucy;
    static RgbImage street;

    @TempDir
    Path dir;

    @BeforeAll
    static void scenes() {
        var world = AnimeScenes.world("bg_cave.jpg", Actor.at("eileen_happy", MID));
        eileen = AnimeScenes.frame(world, AnimeScenes.CAM_X, AnimeScenes.CAM_Y);
        eileenShifted = AnimeScenes.frame(world, AnimeScenes.CAM_X + 3, AnimeScenes.CAM_Y + 1);
        eileenVhappy = AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_vhappy", MID));
        lucy = AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("lucy_happy", MID));
        street = AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("eileen_happy", MID));
    }

    /** ep1: a scene, its re-encode, a shift, a mouth change, another character, a blurred street; ep2: the scene recurs, a sharp street. */
    void writeEpisodes() throws IOException {
        AnimeScenes.writeJpeg(eileen, dir.resolve("ep1/f01.jpg"), 0.92f);
        AnimeScenes.writeJpeg(eileen, dir.resolve("ep1/f02.jpg"), 0.5f);
        AnimeScenes.writeJpeg(eileenShifted, dir.resolve("ep1/f03.jpg"), 0.92f);
        AnimeScenes.writePng(lucy, dir.resolve("ep1/f04.png"));
        AnimeScenes.writeJpeg(eileenVhappy, dir.resolve("ep1/f05.jpg"), 0.92f);
        AnimeScenes.writeJpeg(boxBlur(street), dir.resolve("ep1/f06.jpg"), 0.92f);
        AnimeScenes.writeJpeg(eileen, dir.resolve("ep2/f01.jpg"), 0.8f);
        AnimeScenes.writePng(street, dir.resolve("ep2/f02.png"));
    }

    static RgbImage boxBlur(RgbImage img) {
        byte[] out = img.rgb().clone();
        int w = img.width();
        for (int y = 2; y < img.height() - 2; y++) {
            for (int x = 2; x < w - 2; x++) {
                for (int c = 0; c < 3; c++) {
                    int s = 0;
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            s += img.get(x + dx, y + dy, c);
                        }
                    }
                    out[(y * w + x) * 3 + c] = (byte) (s / 25);
                }
            }
        }
        return new RgbImage(w, img.height(), out);
    }

    List<String> images(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().matches(".*\\.(jpg|png)$") && !p.toString().contains("_report"))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** The member with the largest variance of the Laplacian, computed here from the files. */
    String sharpest(List<String> members) throws IOException {
        String best = null;
        double max = -1;
        for (String m : members) {
            double v = Sharpness.varianceOfLaplacian(new org.aniprep.image.ImageLoader().load(dir.resolve(m)));
            if (v > max) {
                max = v;
                best = m;
            }
        }
        return best;
    }

    DedupInfo info(String rel) {
        return SidecarStore.read(dir.resolve(rel)).get(DedupInfo.SECTION, DedupInfo.class).orElseThrow();
    }

    @Test
    void keepBestMovesDuplicatesAcrossEpisodesAndRecordsTheGroup() throws IOException {
        writeEpisodes();
        List<String> scene = List.of("ep1/f01.jpg", "ep1/f02.jpg", "ep1/f03.jpg", "ep1/f05.jpg", "ep2/f01.jpg");
        String sharpest = sharpest(scene);
        assertThat(Main.run("dedup", "--src", dir.toString(), "-q")).isZero();

        List<String> expectedRemoved = new java.util.ArrayList<>(scene);
        expectedRemoved.remove(sharpest);
        expectedRemoved.add("ep1/f06.jpg");
        assertThat(images(dir.resolve("_removed"))).containsExactlyInAnyOrderElementsOf(expectedRemoved);
        assertThat(images(dir).stream().filter(p -> !p.startsWith("_removed")))
                .containsExactlyInAnyOrder(sharpest, "ep1/f04.png", "ep2/f02.png");
        DedupInfo kept = info(sharpest);
        assertThat(kept.groupSize()).isEqualTo(5);
        assertThat(kept.removed()).containsExactlyInAnyOrderElementsOf(
                scene.stream().filter(x -> !x.equals(sharpest)).toList());
        assertThat(info("ep2/f02.png").removed()).containsExactly("ep1/f06.jpg"); // the sharp one, though later
        DedupInfo gone = info("_removed/ep1/f06.jpg");
        assertThat(gone.kept()).isEqualTo("ep2/f02.png");
        assertThat(gone.hash()).isNotNull();
        assertThat(info("ep1/f04.png").groupSize()).isEqualTo(1);

        Path report = dir.resolve("_report/dedup.html");
        String html = Files.readString(report);
        assertThat(html).contains("ep1/f01.jpg", "ep2/f02.png", "class=\"kept\"", "src=\"thumbs/");
        try (Stream<Path> thumbs = Files.walk(dir.resolve("_report/thumbs"))) {
            assertThat(thumbs.filter(p -> p.toString().endsWith(".jpg")).count()).isEqualTo(7);
        }
    }

    @Test
    void keepFirstKeepsTheEarliestFrame() throws IOException {
        writeEpisodes();
        assertThat(Main.run("dedup", "--src", dir.toString(), "--keep", "first", "--no-report", "-q")).isZero();
        assertThat(images(dir).stream().filter(p -> !p.startsWith("_removed")))
                .containsExactly("ep1/f01.jpg", "ep1/f04.png", "ep1/f06.jpg");
        assertThat(Files.exists(dir.resolve("_report"))).isFalse();
    }

    @Test
    void reportActionChangesNothingAndDeleteDeletes() throws IOException {
        writeEpisodes();
        List<String> before = images(dir);
        assertThat(Main.run("dedup", "--src", dir.toString(), "--action", "report", "-q")).isZero();
        assertThat(images(dir)).isEqualTo(before);
        assertThat(SidecarStore.exists(dir.resolve("ep1/f01.jpg"))).isFalse();
        assertThat(Files.readString(dir.resolve("_report/dedup.html"))).contains("ep1/f02.jpg");

        assertThat(Main.run("dedup", "--src", dir.toString(), "--action", "delete", "--keep", "first", "-q")).isZero();
        assertThat(images(dir)).containsExactly("ep1/f01.jpg", "ep1/f04.png", "ep1/f06.jpg");
        assertThat(Files.exists(dir.resolve("ep1/f02.json"))).isFalse();
    }

    @Test
    void rerunOnAGrownFolderOnlyHashesNewImagesAndGrowsTheGroup() throws IOException {
        writeEpisodes();
        assertThat(Main.run("dedup", "--src", dir.toString(), "--keep", "first", "-q")).isZero();
        Map<String, FileTime> stamps = sidecarTimes();
        // a new episode: the scene recurs once more, plus a new scene
        AnimeScenes.writeJpeg(eileen, dir.resolve("ep3/f01.jpg"), 0.7f);
        AnimeScenes.writePng(AnimeScenes.scene("bg_whitehouse.jpg", 0), dir.resolve("ep3/f02.png"));
        // a cached hash made by another method is recomputed
        SidecarStore.put(dir.resolve("ep1/f04.png"), DedupInfo.SECTION,
                DedupInfo.cache("phash64-v1", "0000000000000000", 1.0));
        stamps.remove("ep1/f04.json");

        assertThat(Main.run("dedup", "--src", dir.toString(), "--keep", "first", "-q")).isZero();
        assertThat(images(dir.resolve("_removed"))).contains("ep3/f01.jpg");
        DedupInfo kept = info("ep1/f01.jpg");
        assertThat(kept.groupSize()).isEqualTo(6);
        assertThat(kept.removed()).contains("ep2/f01.jpg", "ep3/f01.jpg");
        assertThat(info("ep1/f04.png").method()).isEqualTo(DedupOptions.DEFAULT_HASH.id());
        Map<String, FileTime> after = sidecarTimes();
        stamps.remove("ep1/f01.json"); // its group grew
        stamps.forEach((k, v) -> assertThat(after.get(k)).as(k + " untouched").isEqualTo(v));
    }

    @Test
    void rerunFinishesAMoveInterruptedBetweenSidecarAndImage() throws IOException {
        writeEpisodes();
        Path dup = dir.resolve("ep1/f02.jpg");
        SidecarStore.put(dup, Tags.SECTION, Map.of("general", List.of("1girl", "red_hair")));
        // the crash: the sidecar already moved, the image still in place
        Files.createDirectories(dir.resolve("_removed/ep1"));
        Files.move(dir.resolve("ep1/f02.json"), dir.resolve("_removed/ep1/f02.json"));

        assertThat(Main.run("dedup", "--src", dir.toString(), "--keep", "first", "--no-report", "-q")).isZero();
        assertThat(Files.exists(dup)).isFalse();
        assertThat(Files.exists(dir.resolve("_removed/ep1/f02.jpg"))).isTrue();
        JsonNode side = SidecarStore.read(dir.resolve("_removed/ep1/f02.jpg")).json();
        assertThat(side.path(Tags.SECTION).path("general").get(1).asText()).isEqualTo("red_hair");
        assertThat(side.path("dedup").path("kept").asText()).isEqualTo("ep1/f01.jpg");
    }

    @Test
    void aDuplicateWhoseNameIsTakenInRemovedStaysAndIsLeftOutOfTheRecord() throws IOException {
        writeEpisodes();
        Files.createDirectories(dir.resolve("_removed/ep1"));
        Files.writeString(dir.resolve("_removed/ep1/f02.jpg"), "an older removed file of the same name");
        assertThat(Main.run("dedup", "--src", dir.toString(), "--keep", "first", "--no-report", "-q")).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("ep1/f02.jpg"))).isTrue();
        assertThat(Files.readString(dir.resolve("_removed/ep1/f02.jpg"))).startsWith("an older"); // not overwritten
        DedupInfo kept = info("ep1/f01.jpg");
        assertThat(kept.removed()).doesNotContain("ep1/f02.jpg").contains("ep1/f03.jpg", "ep2/f01.jpg");
        assertThat(kept.groupSize()).isEqualTo(1 + kept.removed().size());
    }

    @Test
    void timeOrderComesFromTheSourceSectionNotThePath() throws IOException {
        // b.jpg is an earlier frame (episode 1) than a.jpg (episode 2): keep first keeps b
        AnimeScenes.writeJpeg(eileen, dir.resolve("a.jpg"), 0.9f);
        AnimeScenes.writeJpeg(eileen, dir.resolve("b.jpg"), 0.7f);
        SidecarStore.put(dir.resolve("a.jpg"), "source", Map.of("video", "e2.mkv", "prefix", "Show", "episode", 2,
                "frame_index", 5, "time", 0.2));
        SidecarStore.put(dir.resolve("b.jpg"), "source", Map.of("video", "e1.mkv", "prefix", "Show", "episode", 1,
                "frame_index", 900, "time", 37.5));
        assertThat(Main.run("dedup", "--src", dir.toString(), "--keep", "first", "--no-report", "-q")).isZero();
        assertThat(images(dir)).containsExactly("_removed/a.jpg", "b.jpg");
    }

    Map<String, FileTime> sidecarTimes() throws IOException {
        Map<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                m.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return m;
    }
}
