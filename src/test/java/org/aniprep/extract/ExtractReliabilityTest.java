package org.aniprep.extract;

import org.aniprep.cli.Main;
import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8: option errors before any work, linked episodes, an episode extracted from another file. */
class ExtractReliabilityTest {
    @TempDir
    static Path clips;
    static Path clip;

    @TempDir
    Path work;

    @BeforeAll
    static void recordClip() throws IOException {
        clip = SceneClips.standard(clips.resolve("clip.mp4"), SceneClips.SMALL).video();
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aBadFilterSpecOrPrefixIsAUsageErrorBeforeAnyWork() throws Exception {
        Path src = Files.createDirectories(work.resolve("v"));
        Files.copy(clip, src.resolve("show - 01.mp4"));
        Path dst = work.resolve("out");
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "--mpdecimate=garbage=1", "-q")).isEqualTo(1);
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "--mpdecimate", "hi=abc", "-q")).isEqualTo(1);
        for (String prefix : new String[] {"..", ".", "", "  "}) {
            assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "--prefix", prefix, "-q"))
                    .as("--prefix '%s'", prefix).isEqualTo(1);
        }
        assertThat(dst).doesNotExist();
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "--mpdecimate", "hi=64*400:lo=64*100:frac=0.5",
                "-q")).isZero();
        assertThat(files(dst)).contains("EP01/show_EP01_1.png");
    }

    @Test
    void linkedEpisodesAndFoldersAreExtracted() throws Exception {
        Path library = Files.createDirectories(work.resolve("anime/season2"));
        Files.copy(clip, library.resolve("show_03.mp4"));
        Files.copy(clip, work.resolve("anime/show_01.mp4"));
        Path v = Files.createDirectories(work.resolve("v"));
        Files.createSymbolicLink(v.resolve("show_01.mp4"), Path.of("../anime/show_01.mp4"));
        Files.createSymbolicLink(v.resolve("s2"), library);
        Files.createSymbolicLink(v.resolve("again"), v);
        Path dst = work.resolve("out");
        assertThat(Main.run("extract", "--src", v.toString(), "--dst", dst.toString(), "-r", "-q")).isZero();
        assertThat(files(dst)).contains("EP01/.aniprep-extract.json", "EP03/.aniprep-extract.json");
    }

    @Test
    void anEpisodeExtractedFromAnotherFileIsAnInputNotProcessed() throws Exception {
        Path src = Files.createDirectories(work.resolve("v"));
        Path video = Files.copy(clip, src.resolve("show - 01.mp4"));
        Path dst = work.resolve("out");
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "-q")).isZero();
        List<String> before = files(dst);
        Files.setLastModifiedTime(video, FileTime.fromMillis(Files.getLastModifiedTime(video).toMillis() - 86_400_000L));
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "-q")).isEqualTo(2);
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "--keyframes", "-q")).isEqualTo(2);
        assertThat(files(dst)).isEqualTo(before);
    }
}
