package org.aniprep.cli;

import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aniprep run --to dedup} on an episode made from the shared art: extract (with its run default,
 * streaming dedup), filter and dedup run from the run folder's layout, every kept frame carries both
 * stages' records, and a rerun changes nothing.
 */
class RunExtractToDedupTest {
    @Test
    void theFirstStagesRunFromTheLayoutAndARerunChangesNothing(@TempDir Path work) throws Exception {
        Path videos = Files.createDirectories(work.resolve("videos"));
        SceneClips.standard(videos.resolve("Eileen Show - 01.mp4"), SceneClips.SMALL);
        Path run = work.resolve("run");
        String[] args = {"run", "--src", videos.toString(), "--dst", run.toString(), "--to", "dedup", "--offline", "-q"};

        assertThat(Main.run(args)).isZero();
        List<Path> kept = images(run.resolve("frames/EP01"));
        assertThat(kept).isNotEmpty();
        for (Path frame : kept) {
            assertThat(SidecarStore.read(frame).get(FilterInfo.SECTION, FilterInfo.class)).as(frame.toString()).isPresent();
            assertThat(SidecarStore.read(frame).get(DedupInfo.SECTION, DedupInfo.class)).as(frame.toString()).isPresent();
        }
        assertThat(run.resolve("frames/_report/filter.html")).exists();
        assertThat(run.resolve("frames/_report/dedup.html")).exists();

        List<Path> before = images(run.resolve("frames"));
        assertThat(Main.run(args)).isZero();
        assertThat(images(run.resolve("frames"))).isEqualTo(before);
    }

    private static List<Path> images(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
