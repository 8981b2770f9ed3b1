package org.aniprep.io;

import java.nio.file.Path;

/** A second process for {@link FolderLockTest}: locks a folder, says so, holds it for the given milliseconds. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]), "aniprep test-holder", false)) {
            System.out.println("locked " + lock.folder());
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
        }
    }
}
