package org.aniprep.cli;

import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A new episode in --src: the rerun extracts only it, and the dataset then holds frames of both. */
class RunNewEpisodeTest {
    @Test
    void aRerunWithANewEpisodeDoesOnlyTheNewWork(@TempDir Path work) throws Exception {
        Path videos = Files.createDirectories(work.resolve("videos"));
        SceneClips.record(videos.resolve("Show - 01.mp4"), SceneClips.SMALL,
                SceneClips.held("a", 12, "bg_washington.jpg", SceneClips.sprite("eileen_happy.png", 0.5)),
                SceneClips.held("b", 12, "bg_cave.jpg", SceneClips.sprite("lucy_happy.png", 0.4)));
        Path run = work.resolve("run");
        String[] args = {"run", "--src", videos.toString(), "--dst", run.toString(), "--offline", "-q"};
        assertThat(Main.run(args)).isZero();
        Map<Path, FileTime> ep1 = times(run.resolve("frames/EP01"));
        assertThat(ep1).isNotEmpty();

        SceneClips.record(videos.resolve("Show - 02.mp4"), SceneClips.SMALL,
                SceneClips.held("c", 12, "bg_whitehouse.jpg", SceneClips.sprite("lucy_mad.png", 0.6)),
                SceneClips.pan("d", 12, 8, "bg_cave.jpg", "bg_washington.jpg"));
        assertThat(Main.run(args)).isZero();

        assertThat(times(run.resolve("frames/EP01")).keySet()).isEqualTo(ep1.keySet());
        times(run.resolve("frames/EP01")).forEach((png, t) -> assertThat(t).as(png.toString()).isEqualTo(ep1.get(png)));
        assertThat(times(run.resolve("frames/EP02"))).isNotEmpty();
        try (Stream<Path> s = Files.walk(run.resolve("dataset"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).toList())
                    .anyMatch(n -> n.contains("EP01")).anyMatch(n -> n.contains("EP02"));
        }
    }

    /** The frames extract wrote (PNGs, not their sidecars, which later stages rewrite) and when. */
    private static Map<Path, FileTime> times(Path dir) throws Exception {
        Map<Path, FileTime> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                out.put(p, Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
