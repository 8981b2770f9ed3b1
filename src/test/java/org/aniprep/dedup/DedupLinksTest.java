package org.aniprep.dedup;

import org.aniprep.cli.Main;
import org.aniprep.image.RgbImage;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Linked images (a library of links) are deduplicated; moved links still lead to their files. */
class DedupLinksTest {
    @TempDir
    Path dir;

    @Test
    void linkedImagesAreGroupedAndMovedLinksStillResolve() throws Exception {
        RgbImage scene = AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_happy", AnimeScenes.CAM_X + AnimeScenes.FRAME_W / 2));
        Path library = Files.createDirectories(dir.resolve("library"));
        AnimeScenes.writeJpeg(scene, library.resolve("a.jpg"), 0.92f);
        AnimeScenes.writeJpeg(scene, library.resolve("b.jpg"), 0.6f);
        AnimeScenes.writePng(AnimeScenes.scene("bg_washington.jpg", 0, Actor.at("lucy_happy", 400)), library.resolve("c.png"));
        Path frames = Files.createDirectories(dir.resolve("frames/EP01"));
        for (String f : List.of("a.jpg", "b.jpg", "c.png")) {
            Files.createSymbolicLink(frames.resolve(f), Path.of("../../library/" + f));
        }
        assertThat(Main.run("dedup", "--src", dir.resolve("frames").toString(), "--keep", "first", "-q")).isZero();
        Path moved = dir.resolve("frames/_removed/EP01/b.jpg");
        assertThat(Files.isSymbolicLink(moved)).isTrue();
        assertThat(Files.isSameFile(moved, library.resolve("b.jpg"))).isTrue();
        assertThat(frames.resolve("b.jpg")).doesNotExist();
        assertThat(frames.resolve("a.json")).exists();
        try (Stream<Path> s = Files.list(library)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.jpg", "b.jpg", "c.png"); // nothing written there
        }
    }
}
