package org.aniprep.dedup;

import org.aniprep.image.Sharpness;
import org.aniprep.cli.Main;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aniprep dedup --keep best} run again on its own output converges, and a run on a grown
 * folder gives the groups of one run over everything. The frames are a slow pan over the shared
 * cave scene with Eileen: each group's first frame is blurred, so the kept (sharpest) frame is a
 * later one, and the two kept frames lie within the threshold of each other although their groups'
 * first frames do not.
 */
class DedupRerunTest {
    static final int THRESHOLD = DedupOptions.DEFAULT_HASH_THRESHOLD;
    static BufferedImage world;

    @TempDir
    Path dir;

    @BeforeAll
    static void scenes() {
        world = AnimeScenes.world("bg_cave.jpg", Actor.at("eileen_happy", DedupCommandTest.MID));
    }

    static RgbImage pan(int dx) {
        return AnimeScenes.frame(world, AnimeScenes.CAM_X + dx, AnimeScenes.CAM_Y);
    }

    static RgbImage blurredPan(int dx) {
        return DedupCommandTest.boxBlur(pan(dx));
    }

    /** Group 1: f01 (first, blurred), f02 (blurred), f03 (sharp, kept). Group 2: f04 (first, blurred), f05 (sharp, kept), f06. */
    void writePartA(Path root) throws IOException {
        AnimeScenes.writeJpeg(blurredPan(0), root.resolve("ep1/f01.jpg"), 0.92f);
        AnimeScenes.writeJpeg(blurredPan(4), root.resolve("ep1/f02.jpg"), 0.92f);
        AnimeScenes.writeJpeg(pan(12), root.resolve("ep1/f03.jpg"), 0.92f);
        AnimeScenes.writeJpeg(blurredPan(24), root.resolve("ep1/f04.jpg"), 0.92f);
        AnimeScenes.writeJpeg(pan(20), root.resolve("ep1/f05.jpg"), 0.92f);
        AnimeScenes.writeJpeg(blurredPan(28), root.resolve("ep1/f06.jpg"), 0.92f);
    }

    /** A later episode: frames near either group's first frame, sharper ones among them, and a new scene. */
    void writePartB(Path root) throws IOException {
        AnimeScenes.writeJpeg(blurredPan(16), root.resolve("ep2/f01.jpg"), 0.92f);
        AnimeScenes.writePng(pan(32), root.resolve("ep2/f02.png"));
        AnimeScenes.writePng(pan(4), root.resolve("ep2/f03.png"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("lucy_happy", DedupCommandTest.MID)),
                root.resolve("ep2/f04.png"));
        AnimeScenes.writeJpeg(pan(40), root.resolve("ep2/f05.jpg"), 0.92f);
    }

    static int dedup(Path root) {
        return Main.run("dedup", "--src", root.toString(), "--no-report", "-q");
    }

    @Test
    void aSecondRunOnItsOwnOutputRemovesNothing() throws IOException {
        writePartA(dir);
        checkTheSceneIsTheIntendedOne();
        assertThat(dedup(dir)).isZero();
        assertThat(inPlace(dir)).containsExactly("ep1/f03.jpg", "ep1/f05.jpg");
        assertThat(groups(dir)).isEqualTo(Map.of(
                "ep1/f03.jpg", List.of("ep1/f01.jpg", "ep1/f02.jpg"),
                "ep1/f05.jpg", List.of("ep1/f04.jpg", "ep1/f06.jpg")));
        DedupInfo.Representative first = info(dir, "ep1/f05.jpg").representative();
        assertThat(first.file()).isEqualTo("ep1/f04.jpg");
        assertThat(first.hash()).isEqualTo(info(dir, "_removed/ep1/f04.jpg").hash());
        Map<String, String> sidecars = sidecars(dir);

        assertThat(dedup(dir)).isZero();
        assertThat(inPlace(dir)).containsExactly("ep1/f03.jpg", "ep1/f05.jpg");
        assertThat(sidecars(dir)).isEqualTo(sidecars); // nothing moved, no record changed
    }

    @Test
    void aRunOnAGrownFolderGivesTheGroupsOfOneRunOverEverything() throws IOException {
        writePartA(dir);
        assertThat(dedup(dir)).isZero();
        writePartB(dir);
        assertThat(dedup(dir)).isZero();

        Path once = dir.resolveSibling(dir.getFileName() + "-once");
        writePartA(once);
        writePartB(once);
        assertThat(dedup(once)).isZero();

        assertThat(inPlace(dir)).isEqualTo(inPlace(once)).hasSize(3);
        assertThat(groups(dir)).isEqualTo(groups(once));
        assertThat(removedFiles(dir)).isEqualTo(removedFiles(once));
        Map<String, String> sidecars = sidecars(dir);
        assertThat(dedup(dir)).isZero();
        assertThat(sidecars(dir)).isEqualTo(sidecars);
    }

    @Test
    void keepFirstAfterKeepBestKeepsTheGroupsAndRecordsNothingNew() throws IOException {
        writePartA(dir);
        assertThat(dedup(dir)).isZero();
        Map<String, String> sidecars = sidecars(dir);
        assertThat(Main.run("dedup", "--src", dir.toString(), "--keep", "first", "--no-report", "-q")).isZero();
        assertThat(sidecars(dir)).isEqualTo(sidecars);
        assertThat(Main.run("dedup", "--src", dir.toString(), "--action", "report", "-q")).isZero();
        assertThat(inPlace(dir)).containsExactly("ep1/f03.jpg", "ep1/f05.jpg");
        assertThat(Files.readString(dir.resolve("_report/dedup.html"))).contains("2 images, 2 groups, 0 duplicates");
    }

    @Test
    void aRunInterruptedAfterTheKeptRecordFinishesWithTheSameGroups() throws IOException {
        writePartA(dir);
        assertThat(dedup(dir)).isZero();
        // back to the moment of a crash inside group 2: the kept frame's record (naming its representative
        // f04) is written, f04's sidecar is moved but not its image, f06 is not moved at all
        DedupInfo representative = fingerprintOnly(info(dir, "_removed/ep1/f04.jpg"));
        Files.move(dir.resolve("_removed/ep1/f04.jpg"), dir.resolve("ep1/f04.jpg"));
        Files.delete(dir.resolve("_removed/ep1/f04.json"));
        SidecarStore.put(dir.resolve("ep1/f04.jpg"), DedupInfo.SECTION, representative);
        Files.move(SidecarStore.pathFor(dir.resolve("ep1/f04.jpg")), dir.resolve("_removed/ep1/f04.json"));
        Files.move(dir.resolve("_removed/ep1/f06.jpg"), dir.resolve("ep1/f06.jpg"));
        Files.move(dir.resolve("_removed/ep1/f06.json"), dir.resolve("ep1/f06.json"));
        SidecarStore.put(dir.resolve("ep1/f06.jpg"), DedupInfo.SECTION, fingerprintOnly(info(dir, "ep1/f06.jpg")));

        assertThat(dedup(dir)).isZero();
        assertThat(inPlace(dir)).containsExactly("ep1/f03.jpg", "ep1/f05.jpg");
        assertThat(groups(dir)).isEqualTo(Map.of(
                "ep1/f03.jpg", List.of("ep1/f01.jpg", "ep1/f02.jpg"),
                "ep1/f05.jpg", List.of("ep1/f04.jpg", "ep1/f06.jpg")));
        assertThat(info(dir, "ep1/f05.jpg").representative().file()).isEqualTo("ep1/f04.jpg");
        assertThat(info(dir, "_removed/ep1/f04.jpg").kept()).isEqualTo("ep1/f05.jpg");
        Map<String, String> sidecars = sidecars(dir);
        assertThat(dedup(dir)).isZero();
        assertThat(sidecars(dir)).isEqualTo(sidecars);
    }

    static DedupInfo fingerprintOnly(DedupInfo info) {
        return DedupInfo.cache(info.method(), info.hash(), info.sharpness());
    }

    /** The construction this test depends on, measured on the files (not assumed). */
    void checkTheSceneIsTheIntendedOne() throws IOException {
        BitHash r1 = hash("ep1/f01.jpg");
        BitHash k1 = hash("ep1/f03.jpg");
        BitHash r2 = hash("ep1/f04.jpg");
        BitHash k2 = hash("ep1/f05.jpg");
        assertThat(r1.distance(k1)).isLessThanOrEqualTo(THRESHOLD);
        assertThat(r1.distance(r2)).isGreaterThan(THRESHOLD);
        assertThat(r1.distance(k2)).isGreaterThan(THRESHOLD);
        assertThat(r2.distance(k2)).isLessThanOrEqualTo(THRESHOLD);
        assertThat(k1.distance(k2)).as("the two kept frames are duplicates of each other").isLessThanOrEqualTo(THRESHOLD);
        assertThat(sharpness("ep1/f03.jpg")).isGreaterThan(Math.max(sharpness("ep1/f01.jpg"), sharpness("ep1/f02.jpg")));
        assertThat(sharpness("ep1/f05.jpg")).isGreaterThan(Math.max(sharpness("ep1/f04.jpg"), sharpness("ep1/f06.jpg")));
    }

    BitHash hash(String rel) throws IOException {
        return DedupOptions.DEFAULT_HASH.hash(new ImageLoader().load(dir.resolve(rel)));
    }

    double sharpness(String rel) throws IOException {
        return Sharpness.varianceOfLaplacian(new ImageLoader().load(dir.resolve(rel)));
    }

    static DedupInfo info(Path root, String rel) {
        return SidecarStore.read(root.resolve(rel)).get(DedupInfo.SECTION, DedupInfo.class).orElseThrow();
    }

    static List<String> inPlace(Path root) throws IOException {
        return images(root).stream().filter(p -> !p.startsWith("_removed/")).toList();
    }

    static List<String> removedFiles(Path root) throws IOException {
        return images(root).stream().filter(p -> p.startsWith("_removed/")).toList();
    }

    /** Kept frame → the members its record names (sorted); the group size must agree. */
    static Map<String, List<String>> groups(Path root) throws IOException {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String kept : inPlace(root)) {
            DedupInfo info = info(root, kept);
            List<String> removed = info.removed() == null ? List.of() : new ArrayList<>(info.removed());
            assertThat(info.groupSize()).as(kept).isEqualTo(1 + removed.size());
            groups.put(kept, removed.stream().sorted().toList());
        }
        return groups;
    }

    static List<String> images(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().matches(".*\\.(jpg|png)$") && !p.toString().contains("_report"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    static Map<String, String> sidecars(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("_report")).toList()) {
                m.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }
}
