package org.aniprep.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesWholeFileAndLeavesNoTemp() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.writeString(f, "old");
        AtomicFiles.writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("a.json");
        }
    }

    @Test
    void failedWriteKeepsOldContent() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        try (var s = Files.list(dir)) {
            assertThat(s.filter(AtomicFiles::isTemp)).isEmpty();
        }
    }

    @Test
    void writeNewRefusesToOverwrite() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeNew(f, "x".getBytes());
        assertThatThrownBy(() -> AtomicFiles.writeNew(f, "y".getBytes())).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(f)).isEqualTo("x");
    }

    @Test
    void newFilesGetTheUmasksModeAndRewrittenFilesKeepTheirs() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference")); // what the umask gives a new file
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.writeString(fresh, "{}");
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(reference));
        Path viaEncoder = dir.resolve("frame.png");
        AtomicFiles.writeVia(viaEncoder, temp -> Files.write(temp, new byte[] {1, 2, 3}));
        assertThat(Files.getPosixFilePermissions(viaEncoder)).isEqualTo(Files.getPosixFilePermissions(reference));

        Path users = dir.resolve("users.json");
        Files.writeString(users, "{}");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(users, "{\"a\":1}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-r-----");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeVia(users, temp -> Files.writeString(temp, "{}"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-rw-r--");
    }

    @Test
    void staleTempFilesOfDeadRunsAreRemovedLiveOnesKept() throws IOException, InterruptedException {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path sub = Files.createDirectories(dir.resolve("_crops/EP02"));
        Path ofDead = Files.writeString(sub.resolve(AtomicFiles.TEMP_PREFIX + dead.pid() + "-abc.json"), "{");
        Path old = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "123456789.json"), "{");
        Path mine = AtomicFiles.newTempFile(dir, ".png");
        Path user = Files.writeString(dir.resolve("notes.json"), "{}");
        assertThat(TempFiles.removeStale(dir)).isEqualTo(2);
        assertThat(ofDead).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(mine).exists();
        assertThat(user).exists();
    }
}
