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
}
