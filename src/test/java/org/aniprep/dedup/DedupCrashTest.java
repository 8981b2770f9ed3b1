package org.aniprep.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.cli.Main;
import org.aniprep.image.RgbImage;
import org.aniprep.io.AtomicFiles;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.JournalFaults;
import org.aniprep.sidecar.MoveJournal;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.aniprep.testing.JavaProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * dedup's moves killed (kill -9, a real second process) or stopped by a full disk at the Nth file
 * operation: the next run of any stage on the folder ends with exactly what an uninterrupted run gives.
 */
class DedupCrashTest {
    static final int MID = AnimeScenes.CAM_X + AnimeScenes.FRAME_W / 2;
    static final String[] DEDUP = {"--no-report", "-q"};

    @TempDir
    static Path shared;
    static Path pristine;
    static Map<String, String> reference;
    static int operations;

    @TempDir
    Path dir;

    /** Three scenes, each three times (re-encoded), spread over two episodes: 3 groups, 6 moves. */
    @BeforeAll
    static void scenes() throws IOException {
        pristine = shared.resolve("pristine");
        writeScenes(pristine);
        Path ref = copy(pristine, shared.resolve("reference"));
        var counter = JournalFaults.count();
        assertThat(Main.run(args(ref))).isZero();
        JournalFaults.clear();
        operations = counter.get();
        reference = state(ref);
        assertThat(reference.keySet().stream().filter(k -> k.startsWith("_removed/") && !k.endsWith(".json"))).hasSize(6);
        assertThat(operations).as("journal, 3 records, 6 x (sidecar, image, record), done").isEqualTo(1 + 3 + 18 + 1);
    }

    @AfterEach
    void noFaults() {
        JournalFaults.clear();
    }

    @Test
    void killedAtTheNthFileOperationTheNextRunOfAnyStageFinishesTheJob() throws Exception {
        int[] killAt = {0, 1, 3, 4, 5, 6, 11, 21, 22};
        for (int n = 0; n < killAt.length; n++) {
            Path work = copy(pristine, dir.resolve("kill" + killAt[n]));
            String line;
            try (JavaProcess child = JavaProcess.start(JournalFaults.class, prepend(String.valueOf(killAt[n]), args(work)))) {
                line = child.awaitLine("stopped before", "finished");
                child.kill();
            }
            assertThat(line).as("kill at %d", killAt[n]).startsWith("stopped before");
            assertThat(allImages(work)).as("nothing lost after kill at %d", killAt[n]).isEqualTo(allImages(pristine));
            if (n % 2 == 0) {
                assertThat(Main.run(args(work))).isZero();
                assertThat(state(work)).as("after kill at %d (%s), dedup again", killAt[n], line).isEqualTo(reference);
            } else {
                assertThat(Main.run("detect", "--src", work.toString(), "--face-model", "cascade", "-q")).isZero();
                assertThat(dedupSections(state(work))).as("after kill at %d (%s), then detect", killAt[n], line)
                        .isEqualTo(dedupSections(reference));
            }
            assertThat(work.resolve(MoveJournal.FILE_NAME)).doesNotExist();
            assertThat(temps(work)).isEmpty();
        }
    }

    @Test
    void aFullDiskAtAnyFileOperationConvergesOnceThereIsSpace() throws Exception {
        for (int k = 0; k < operations; k++) {
            Path work = copy(pristine, dir.resolve("full" + k));
            JournalFaults.diskFullFrom(k);
            assertThat(Main.run(args(work))).as("disk full from operation %d", k).isEqualTo(2);
            assertThat(allImages(work)).isEqualTo(allImages(pristine));
            if (k > 0 && k < operations - 1) {
                // still full: the next stage says so and changes nothing more
                JournalFaults.diskFullFrom(0);
                assertThat(Main.run("detect", "--src", work.toString(), "--face-model", "cascade", "-q")).isEqualTo(2);
                assertThat(work.resolve(MoveJournal.FILE_NAME)).exists();
            }
            JournalFaults.clear();
            assertThat(Main.run(args(work))).isZero();
            Map<String, String> after = state(work);
            if (k > 0 && k < operations - 1) {
                assertThat(dedupSections(after)).as("disk full from operation %d", k).isEqualTo(dedupSections(reference));
            } else {
                assertThat(after).as("disk full from operation %d", k).isEqualTo(reference);
            }
        }
    }

    static void writeScenes(Path dir) throws IOException {
        RgbImage cave = AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_happy", MID));
        RgbImage street = AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("lucy_happy", MID));
        RgbImage house = AnimeScenes.scene("bg_whitehouse.jpg", 0, Actor.at("eileen_vhappy", MID - 120));
        int i = 0;
        for (RgbImage scene : List.of(cave, street, house)) {
            AnimeScenes.writeJpeg(scene, dir.resolve("ep1/f0" + (++i) + ".jpg"), 0.92f);
            AnimeScenes.writeJpeg(scene, dir.resolve("ep1/f0" + (++i) + ".jpg"), 0.6f);
            AnimeScenes.writePng(scene, dir.resolve("ep2/f0" + i + ".png"));
        }
    }

    static String[] args(Path work) {
        return prepend("dedup", prepend("--src", prepend(work.toString(), DEDUP)));
    }

    static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /** Every file but reports, the lock and the journal: images by size, sidecars by content. */
    static Map<String, String> state(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("_report") || p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                out.put(rel, rel.endsWith(".json") ? Json.MAPPER.readTree(p.toFile()).toString() : "bytes " + Files.size(p));
            }
        }
        return out;
    }

    static Map<String, String> dedupSections(Map<String, String> state) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (var e : state.entrySet()) {
            if (e.getKey().endsWith(".json")) {
                JsonNode node = Json.MAPPER.readTree(e.getValue());
                out.put(e.getKey(), node.path("file").asText() + " " + node.path("dedup"));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Image file name → size, wherever it is (in place or in _removed). */
    static Map<String, Long> allImages(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(jpg|png)$")).toList()) {
                String rel = root.relativize(p).toString().replaceFirst("^_removed/", "");
                if (!rel.startsWith("_report")) {
                    assertThat(out.put(rel, Files.size(p))).as("%s once only", rel).isNull();
                }
            }
        }
        return out;
    }

    static List<Path> temps(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return new ArrayList<>(s.filter(AtomicFiles::isTemp).toList());
        }
    }
}
