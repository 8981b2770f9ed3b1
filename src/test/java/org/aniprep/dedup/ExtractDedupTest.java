package org.aniprep.dedup;

import org.aniprep.cli.Main;
import org.aniprep.image.ImageLoader;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.aniprep.testing.SceneClips.held;
import static org.aniprep.testing.SceneClips.sprite;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code extract --dedup} keeps exactly the frames that extract followed by {@code dedup --keep first} keeps. */
class ExtractDedupTest {
    @TempDir
    static Path videos;

    @BeforeAll
    static void recordEpisodes() throws IOException {
        SceneClips.standard(videos.resolve("[Grp] Eileen Show - 01 [320p].mp4"), SceneClips.SMALL);
        // episode 2: the opening shot recurs, a mouth flap, a new shot, a cut back to episode 1's cave
        SceneClips.record(videos.resolve("[Grp] Eileen Show - 02 [320p].mp4"), SceneClips.SMALL,
                held("opening", 10, "bg_washington.jpg", sprite("eileen_happy.png", 0.5)),
                SceneClips.flap("talk", 16, 4, "bg_cave.jpg", sprite("eileen_happy.png", 0.5), sprite("eileen_vhappy.png", 0.5)),
                held("lucy_alone", 10, "bg_whitehouse.jpg", sprite("lucy_mad.png", 0.5)),
                held("two_in_cave", 8, "bg_cave.jpg", sprite("lucy_mad.png", 0.3), sprite("eileen_concerned.png", 0.72)));
    }

    /** (episode, frame index) → group size of every kept frame under {@code dst} (outside _removed). */
    static Map<String, Integer> kept(Path dst) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dst)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png") && !p.toString().contains("_removed")).toList()) {
                Sidecar side = SidecarStore.read(p);
                FrameSource src = side.get(FrameSource.SECTION, FrameSource.class).orElseThrow();
                DedupInfo info = side.get(DedupInfo.SECTION, DedupInfo.class).orElseThrow();
                out.put(String.format("EP%02d/%04d", src.episode(), src.frameIndex()), info.groupSize());
            }
        }
        return out;
    }

    static long bytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void streamingEqualsExtractThenDedupKeepFirst(@TempDir Path work) throws IOException {
        Path streamed = work.resolve("streamed");
        Path plain = work.resolve("plain");
        // --pans keep: hash grouping alone, as dedup does (collapsing camera moves is PanCollapseTest's)
        assertThat(Main.run("extract", "--src", videos.toString(), "--dst", streamed.toString(), "--dedup", "--pans", "keep",
                "-q")).isZero();
        assertThat(Main.run("extract", "--src", videos.toString(), "--dst", plain.toString(), "-q")).isZero();
        assertThat(Main.run("dedup", "--src", plain.toString(), "--keep", "first", "--no-report", "-q")).isZero();

        Map<String, Integer> expected = kept(plain);
        assertThat(kept(streamed)).isEqualTo(expected);
        // the opening recurs in episode 2 and the cave shot too: some groups span both episodes
        assertThat(expected.keySet()).allMatch(k -> k.startsWith("EP01") || k.startsWith("EP02"));
        assertThat(expected.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(expected.size());
        assertThat(expected.keySet().stream().filter(k -> k.startsWith("EP02")).count())
                .isLessThan(3); // only Lucy alone is new in episode 2 (+ at most one talk frame)
        assertThat(bytes(streamed)).isLessThan(bytes(plain)); // plain wrote the duplicates too (now in _removed)
    }

    @Test
    void aRerunAfterAnInterruptedEpisodeStillComparesWithTheFinishedOnes(@TempDir Path work) throws IOException {
        Path streamed = work.resolve("streamed");
        assertThat(Main.run("extract", "--src", videos.toString(), "--dst", streamed.toString(), "--dedup", "-q")).isZero();
        Map<String, Integer> whole = kept(streamed);
        Files.delete(streamed.resolve("EP02").resolve(org.aniprep.extract.CompletionMarker.FILE));
        assertThat(Main.run("extract", "--src", videos.toString(), "--dst", streamed.toString(), "--dedup", "-q")).isZero();
        assertThat(kept(streamed)).isEqualTo(whole);
    }

    /**
     * Episode 1 extracted, then {@code dedup --keep best} (which keeps other frames than the groups'
     * first ones), then episode 2 streamed: episode 2 is compared with episode 1's groups through the
     * representatives the kept frames record, so it writes exactly the frames that start a group in
     * one keep-first run over both episodes.
     */
    @Test
    void aLaterEpisodeMeetsTheGroupsOfAnEarlierKeepBestRun(@TempDir Path work) throws IOException {
        Path src = work.resolve("videos");
        Files.createDirectories(src);
        String ep1 = "[Grp] Eileen Show - 01 [320p].mp4";
        String ep2 = "[Grp] Eileen Show - 02 [320p].mp4";
        Files.copy(videos.resolve(ep1), src.resolve(ep1));
        Path streamed = work.resolve("streamed");
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", streamed.toString(), "-q")).isZero();
        blurEvenFramesOfEpisode1(streamed);
        assertThat(Main.run("dedup", "--src", streamed.toString(), "--no-report", "-q")).isZero();
        assertThat(representatives(streamed)).as("groups whose kept frame is not their first").isPositive();
        Files.copy(videos.resolve(ep2), src.resolve(ep2));
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", streamed.toString(), "--dedup", "--pans", "keep",
                "-q")).isZero();

        Path plain = work.resolve("plain");
        assertThat(Main.run("extract", "--src", videos.toString(), "--dst", plain.toString(), "-q")).isZero();
        blurEvenFramesOfEpisode1(plain);
        assertThat(Main.run("dedup", "--src", plain.toString(), "--keep", "first", "--no-report", "-q")).isZero();
        assertThat(episode2(kept(streamed))).isEqualTo(episode2(kept(plain)));
    }

    /** Held shots give members of equal sharpness; blurring every other frame makes keep best keep later ones. */
    static void blurEvenFramesOfEpisode1(Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(dst.resolve("EP01"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png")).toList()) {
                if (SidecarStore.read(p).get(FrameSource.SECTION, FrameSource.class).orElseThrow().frameIndex() % 2 == 0) {
                    AnimeScenes.writePng(DedupCommandTest.boxBlur(new ImageLoader().load(p)), p);
                }
            }
        }
    }

    static long representatives(Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(dst)) {
            return s.filter(p -> p.toString().endsWith(".png") && !p.toString().contains("_removed"))
                    .filter(p -> SidecarStore.read(p).get(DedupInfo.SECTION, DedupInfo.class).orElseThrow().representative() != null)
                    .count();
        }
    }

    static Map<String, Integer> episode2(Map<String, Integer> kept) {
        Map<String, Integer> out = new TreeMap<>(kept);
        out.keySet().removeIf(k -> !k.startsWith("EP02"));
        return out;
    }
}
