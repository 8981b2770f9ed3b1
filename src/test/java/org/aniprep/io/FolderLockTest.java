package org.aniprep.io;

import org.aniprep.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void anotherProcessIsRefusedWithTheHolderNamed() throws Exception {
        try (JavaProcess holder = JavaProcess.start(LockHolder.class, dir.toString(), "60000")) {
            holder.awaitLine("locked");
            assertThatThrownBy(() -> FolderLock.acquire(dir, "aniprep dedup", false))
                    .isInstanceOf(FolderLock.LockedException.class)
                    .hasMessageContaining(dir.toRealPath().toString())
                    .hasMessageContaining("pid " + holder.pid())
                    .hasMessageContaining("aniprep test-holder")
                    .hasMessageContaining("started ")
                    .hasMessageContaining("--wait");
        }
    }

    @Test
    void killNineLeavesNoStaleLock() throws Exception {
        JavaProcess holder = JavaProcess.start(LockHolder.class, dir.toString(), "60000");
        holder.awaitLine("locked");
        holder.kill();
        assertThat(dir.resolve(FolderLock.FILE_NAME)).exists();
        try (FolderLock lock = FolderLock.acquire(dir, "aniprep tag", false)) {
            assertThat(Files.readString(dir.resolve(FolderLock.FILE_NAME)))
                    .contains("pid=" + ProcessHandle.current().pid()).contains("command=aniprep tag");
        }
    }

    @Test
    void waitStartsWhenTheHolderEnds() throws Exception {
        try (JavaProcess holder = JavaProcess.start(LockHolder.class, dir.toString(), "1500")) {
            holder.awaitLine("locked");
            AtomicReference<String> notice = new AtomicReference<>();
            try (FolderLock lock = FolderLock.acquire(dir, "aniprep detect", true, notice::set)) {
                assertThat(holder.waitFor()).isZero();
                assertThat(notice.get()).startsWith("waiting for ").contains("pid " + holder.pid());
            }
        }
    }

    @Test
    void reentrantOnTheHoldingThread() {
        try (FolderLock outer = FolderLock.acquire(dir, "aniprep run", false)) {
            try (FolderLock inner = FolderLock.acquire(dir.resolve("."), "aniprep dedup", false)) {
                assertThat(outer.outermost()).isTrue();
                assertThat(inner.outermost()).isFalse();
            }
            // still held after the inner handle closed
            assertThat(CompletableFuture.supplyAsync(() -> tryLock(dir)).join()).contains("being written");
        }
        assertThat(CompletableFuture.supplyAsync(() -> tryLock(dir)).join()).isEqualTo("locked");
    }

    @Test
    void anotherThreadWaitsOrIsRefused() throws Exception {
        try (FolderLock lock = FolderLock.acquire(dir, "aniprep extract", false)) {
            assertThat(CompletableFuture.supplyAsync(() -> tryLock(dir)).join())
                    .contains("being written").contains("aniprep extract").contains("pid " + ProcessHandle.current().pid());
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> FolderLock.acquire(dir, "aniprep tag", true).close());
            Thread.sleep(200);
            assertThat(waiter).isNotDone();
            lock.close();
            waiter.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsOneClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> FolderLock.acquire(file.resolve("sub"), "aniprep extract", false))
                .isInstanceOf(FolderLock.LockedException.class)
                .hasMessageContaining(file.resolve("sub").toString())
                .hasMessageNotContaining("Exception");
    }

    private static String tryLock(Path dir) {
        try (FolderLock lock = FolderLock.acquire(dir, "aniprep other", false)) {
            return "locked";
        } catch (FolderLock.LockedException e) {
            return e.getMessage();
        }
    }
}
