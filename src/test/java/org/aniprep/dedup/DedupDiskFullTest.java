package org.aniprep.dedup;

import org.aniprep.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * dedup on a real file system that fills up (a small tmpfs; skipped where the test may not mount
 * one): for every amount of free space from none up to enough, the run loses nothing, and once there
 * is space again the next run ends with exactly what a run on a roomy disk gives.
 */
class DedupDiskFullTest {
    private static final int PAGE = 4096;

    @TempDir
    Path tmp;
    Path mount;

    @BeforeEach
    void mountTmpfs() throws Exception {
        mount = Files.createDirectories(tmp.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString()) == 0, "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aDiskThatFillsUpAtAnyPointConvergesOnceThereIsSpace() throws Exception {
        Path pristine = tmp.resolve("pristine");
        DedupCrashTest.writeScenes(pristine);
        Path ref = DedupCrashTest.copy(pristine, tmp.resolve("reference"));
        assertThat(Main.run(DedupCrashTest.args(ref))).isZero();
        Map<String, String> reference = DedupCrashTest.state(ref);
        int failedRuns = 0;
        for (int free = 0; ; free += 2 * PAGE) {
            clear(mount);
            Path work = DedupCrashTest.copy(pristine, mount.resolve("work"));
            Path filler = fill(mount.resolve("filler"), free);
            int rc = Main.run(DedupCrashTest.args(work));
            assertThat(DedupCrashTest.allImages(work)).as("nothing lost with %d bytes free", free)
                    .isEqualTo(DedupCrashTest.allImages(pristine));
            Files.delete(filler);
            assertThat(Main.run(DedupCrashTest.args(work))).as("rerun after %d bytes free", free).isZero();
            assertThat(DedupCrashTest.state(work)).as("converged after %d bytes free", free).isEqualTo(reference);
            if (rc == 0) {
                break;
            }
            assertThat(rc).as("a full disk is named: exit 1 when even the lock cannot be written, else 2").isIn(1, 2);
            failedRuns++;
        }
        assertThat(failedRuns).as("the disk filled up at several points").isGreaterThan(3);
    }

    /** A file that takes all the space but {@code free} bytes. */
    private static Path fill(Path filler, int free) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, ch.size() - free));
        }
        return filler;
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1; // no mount command
        }
    }
}
