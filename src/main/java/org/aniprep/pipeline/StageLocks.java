package org.aniprep.pipeline;

import org.aniprep.io.FolderLock;
import org.aniprep.io.IoErrors;
import org.aniprep.io.TempFiles;
import org.aniprep.sidecar.MoveJournal;
import org.aniprep.sidecar.SidecarException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The locks of the folders a stage writes, and the tidy-up every stage's start goes through. */
public final class StageLocks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    private final List<FolderLock> held;

    private StageLocks(List<FolderLock> held) {
        this.held = held;
    }

    /** Locks each folder in order (see {@link #lock}); on a failure the ones taken are released. */
    public static StageLocks lockAll(List<Path> folders, String holder, boolean wait) {
        List<FolderLock> held = new ArrayList<>();
        try {
            for (Path folder : folders) {
                held.add(lock(folder, holder, wait));
            }
        } catch (RuntimeException e) {
            new StageLocks(held).close();
            throw e;
        }
        return new StageLocks(held);
    }

    /**
     * Locks {@code folder} (a {@link FolderLock.LockedException} naming the holder when another run has
     * it), then, unless this thread already held it, tidies what interrupted runs left: removes the temp
     * files of dead runs and finishes an interrupted batch of moves ({@link MoveJournal#recover}; when that
     * fails again, e.g. the disk is still full, a {@link SidecarException} stops the command with exit 2).
     */
    public static FolderLock lock(Path folder, String holder, boolean wait) {
        FolderLock lock = FolderLock.acquire(folder, holder, wait, LOG::info);
        if (lock.outermost()) {
            try {
                int stale = TempFiles.removeStale(lock.folder());
                if (stale > 0) {
                    LOG.info("{}: removed {} temp file(s) left by an interrupted run", folder, stale);
                }
            } catch (IOException e) {
                lock.close();
                throw new FolderLock.LockedException("cannot tidy " + folder + " before writing (" + IoErrors.describe(e) + ")");
            }
            MoveJournal.Outcome recovered = MoveJournal.recover(lock.folder(), (file, why) -> LOG.error("{}: {}", file, why));
            if (!recovered.complete()) {
                lock.close();
                throw new SidecarException(folder + ": cannot finish what an interrupted earlier run left to do ("
                        + recovered.error() + "); fix that and run again");
            }
        }
        return lock;
    }

    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).close();
        }
    }
}
