package org.aniprep.cli;

import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aniprep run --to metadata} on an episode made from the shared art: detect, classify (with the
 * run's references and cluster folder) and metadata run from the run folder's layout, every kept frame
 * carries their records, and a rerun leaves every record as it was.
 */
class RunDetectToMetadataTest {
    @Test
    void detectClassifyAndMetadataRunFromTheLayoutAndARerunChangesNothing(@TempDir Path work) throws Exception {
        Path videos = Files.createDirectories(work.resolve("videos"));
        SceneClips.standard(videos.resolve("Eileen Show - 01.mp4"), SceneClips.SMALL);
        Path refs = Files.createDirectories(work.resolve("refs/Eileen"));
        Files.copy(SceneClips.shared().resolve("testdata/anime/eileen_vhappy.png"), refs.resolve("eileen_vhappy.png"));
        Path run = work.resolve("run");
        String[] args = {"run", "--src", videos.toString(), "--dst", run.toString(), "--refs", refs.getParent().toString(),
                "--to", "metadata", "--offline", "-q"};

        assertThat(Main.run(args)).isZero();
        List<Path> kept = images(run.resolve("frames/EP01"));
        assertThat(kept).isNotEmpty();
        List<String> names = new ArrayList<>();
        for (Path frame : kept) {
            Sidecar s = SidecarStore.read(frame);
            assertThat(s.get(DetectInfo.SECTION, DetectInfo.class)).as(frame.toString()).isPresent();
            s.get(ClassifyInfo.SECTION, ClassifyInfo.class).ifPresent(c -> names.addAll(c.characters()));
            assertThat(SeedKeys.read(s).isEmpty()).as(frame.toString()).isFalse();
        }
        assertThat(names).contains("Eileen");
        assertThat(run.resolve("frames/_report/detect.html")).exists();
        assertThat(run.resolve("frames/_report/classify.html")).exists();
        assertThat(run.resolve("clusters")).isDirectory();

        Map<Path, String> before = records(run.resolve("frames"));
        assertThat(Main.run(args)).isZero();
        assertThat(records(run.resolve("frames"))).isEqualTo(before);
    }

    private static List<Path> images(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static Map<Path, String> records(Path dir) throws Exception {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.put(p, Files.readString(p));
            }
        }
        return out;
    }
}
