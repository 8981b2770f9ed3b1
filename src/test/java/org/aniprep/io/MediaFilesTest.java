package org.aniprep.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class MediaFilesTest {
    @TempDir
    Path root;

    @Test
    void findsMediaInNaturalOrderSkippingOwnAndHiddenFolders() throws IOException {
        for (String f : List.of("ep10.mkv", "ep2.mkv", "a/ep1.mp4", "_removed/x.mkv", ".hidden/y.mkv", "notes.txt", ".z.mkv")) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        List<Path> flat = MediaFiles.find(root, false, null, MediaFiles::isVideo, (f, m) -> { }, Set.of());
        assertThat(flat).extracting(p -> p.getFileName().toString()).containsExactly("ep2.mkv", "ep10.mkv");
        List<Path> deep = MediaFiles.find(root, true, null, MediaFiles::isVideo, (f, m) -> { }, Set.of());
        assertThat(deep).extracting(p -> root.relativize(p).toString()).containsExactly("a/ep1.mp4", "ep2.mkv", "ep10.mkv");
        List<Path> glob = MediaFiles.find(root, true, "ep1*", p -> false, (f, m) -> { }, Set.of());
        assertThat(glob).extracting(p -> p.getFileName().toString()).containsExactly("ep1.mp4", "ep10.mkv");
    }

    @Test
    void unreadableFolderIsReportedAndTheRestFound() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every folder");
        Path locked = Files.createDirectories(root.resolve("locked"));
        Files.writeString(locked.resolve("ep3.mkv"), "x");
        Files.writeString(root.resolve("ep1.mkv"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            List<String> problems = new ArrayList<>();
            List<Path> found = MediaFiles.find(root, true, null, MediaFiles::isVideo, (f, m) -> problems.add(f + ": " + m), Set.of());
            assertThat(found).extracting(p -> p.getFileName().toString()).containsExactly("ep1.mkv");
            assertThat(problems).singleElement().asString().contains("locked").contains("cannot be read");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void linkedFilesAndFoldersAreFollowedLoopsEnteredOnceBrokenLinksReported() throws IOException {
        Path library = Files.createDirectories(root.resolve("library"));
        Files.writeString(library.resolve("show_01.mp4"), "x");
        Files.createDirectories(library.resolve("season2"));
        Files.writeString(library.resolve("season2/show_02.mkv"), "x");
        Path v = Files.createDirectories(root.resolve("v"));
        Files.createSymbolicLink(v.resolve("show_01.mp4"), Path.of("../library/show_01.mp4")); // a relative file link
        Files.createSymbolicLink(v.resolve("s2"), library.resolve("season2"));                // a folder link
        Files.createSymbolicLink(v.resolve("loop"), v);                                       // back to itself
        Files.createSymbolicLink(v.resolve("gone.mkv"), library.resolve("nothing.mkv"));      // broken
        List<String> problems = new ArrayList<>();
        List<Path> flat = MediaFiles.find(v, false, null, MediaFiles::isVideo, (f, m) -> problems.add(f.getFileName() + " " + m), Set.of());
        assertThat(flat).extracting(p -> v.relativize(p).toString()).containsExactly("show_01.mp4");
        problems.clear();
        List<Path> deep = MediaFiles.find(v, true, null, MediaFiles::isVideo, (f, m) -> problems.add(f.getFileName() + " " + m), Set.of());
        assertThat(deep).extracting(p -> v.relativize(p).toString()).containsExactly("s2/show_02.mkv", "show_01.mp4");
        assertThat(problems).containsExactly("gone.mkv is a link to " + library.resolve("nothing.mkv") + ", which does not exist");
    }

    @Test
    void aSkippedFolderIsSkippedAlsoThroughALink() throws IOException {
        Path out = Files.createDirectories(root.resolve("out"));
        Files.writeString(out.resolve("a.png"), "x");
        Files.writeString(root.resolve("b.png"), "x");
        Files.createSymbolicLink(root.resolve("frames"), out);
        List<Path> found = MediaFiles.find(root, true, null, MediaFiles::isImage, (f, m) -> { }, Set.of(out));
        assertThat(found).extracting(p -> root.relativize(p).toString()).containsExactly("b.png");
    }
}
