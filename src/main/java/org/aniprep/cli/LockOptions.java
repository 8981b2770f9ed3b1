package org.aniprep.cli;

import org.aniprep.io.FolderLock;
import org.aniprep.io.IoErrors;
import org.aniprep.io.TempFiles;
import org.aniprep.sidecar.MoveJournal;
import org.aniprep.sidecar.SidecarException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --wait}, and the start of every command that writes a folder: {@link #lock} takes the
 * folder's {@link FolderLock} and then tidies what an interrupted earlier run left there.
 */
public final class LockOptions {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    @Option(names = "--wait", description = "When another aniprep run is writing the same folder, wait for it to "
            + "finish instead of stopping (exit 1).")
    boolean wait;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Locks {@code folder} for this command (exit 1 naming the holder when another run has it), then,
     * unless this thread already held it, tidies what interrupted runs left: removes the temp files of
     * dead runs and finishes an interrupted batch of moves ({@link MoveJournal#recover}; when that fails
     * again, e.g. the disk is still full, the command stops with exit 2). Use with try-with-resources.
     */
    public FolderLock lock(Path folder) {
        FolderLock lock = FolderLock.acquire(folder, command.qualifiedName(), wait, LOG::info);
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
}
