package org.aniprep.cli;

import org.aniprep.io.FolderLock;
import org.aniprep.io.LockHolder;
import org.aniprep.tag.Wd14StandIn;
import org.aniprep.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command that writes a folder refuses (exit 1, the holder named) while another process writes it. */
class OneWriterPerFolderTest {
    private static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));

    @TempDir
    Path tmp;

    private Path frames() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("frames/EP01"));
        for (String name : new String[] {"eileen_happy", "lucy_happy"}) {
            Files.copy(SHARED.resolve("testdata/anime/" + name + ".png"), src.resolve(name + ".png"));
        }
        return src.getParent();
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void eachWritingCommandIsRefusedWhileAnotherProcessWritesTheFolder() throws Exception {
        Path src = frames();
        Path videos = Files.createDirectories(tmp.resolve("videos"));
        Files.writeString(videos.resolve("show - 01.mp4"), "not decoded: the lock comes first");
        Path model = new Wd14StandIn(7).write(tmp.resolve("model"), false);
        try (JavaProcess holder = JavaProcess.start(LockHolder.class, src.toString(), "120000")) {
            holder.awaitLine("locked");
            List<String> before = files(src);
            assertThat(Main.run("dedup", "--src", src.toString(), "-q")).isEqualTo(1);
            assertThat(Main.run("tag", "--src", src.toString(), "--model", model.toString(), "-q")).isEqualTo(1);
            assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "cascade", "-q")).isEqualTo(1);
            assertThat(Main.run("extract", "--src", videos.toString(), "--dst", src.toString(), "-q")).isEqualTo(1);
            assertThat(files(src)).isEqualTo(before);
            // read-only: no lock taken
            assertThat(Main.run("dedup", "--src", src.toString(), "--action", "report", "-q")).isZero();

            try (JavaProcess second = JavaProcess.start(Main.class, "dedup", "--src", src.toString())) {
                assertThat(second.waitFor()).isEqualTo(1);
                assertThat(second.output()).contains(src.toRealPath() + " is being written by another aniprep run (pid "
                        + holder.pid() + ", aniprep test-holder, started ").doesNotContain("Exception");
            }
        }
    }

    @Test
    void cropsOutsideTheSourceAreLockedToo() throws Exception {
        Path src = frames();
        Path crops = Files.createDirectories(tmp.resolve("crops"));
        try (JavaProcess holder = JavaProcess.start(LockHolder.class, crops.toString(), "120000")) {
            holder.awaitLine("locked");
            assertThat(Main.run("detect", "--src", src.toString(), "--face-model", "cascade", "--crop", "faces",
                    "--crop-dst", crops.toString(), "-q")).isEqualTo(1);
        }
    }

    @Test
    void waitStartsOnceTheOtherRunEnds() throws Exception {
        Path src = frames();
        try (JavaProcess holder = JavaProcess.start(LockHolder.class, src.toString(), "1500")) {
            holder.awaitLine("locked");
            assertThat(Main.run("dedup", "--src", src.toString(), "--wait", "-q")).isZero();
            assertThat(holder.waitFor()).isZero();
        }
        assertThat(src.resolve(FolderLock.FILE_NAME)).exists();
    }
}
