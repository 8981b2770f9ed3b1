package org.aniprep.cli;

import org.aniprep.io.FolderLock;
import org.aniprep.pipeline.StageLocks;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code --wait}, and the lock of a command that writes a folder ({@link StageLocks#lock}). */
public final class LockOptions {
    @Option(names = "--wait", description = "When another aniprep run is writing the same folder, wait for it to "
            + "finish instead of stopping (exit 1).")
    boolean wait;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public boolean waits() {
        return wait;
    }

    /** The name the lock file gives for this command, e.g. {@code aniprep tag}. */
    public String holder() {
        return command.qualifiedName();
    }

    /** Locks {@code folder} for this command and tidies it ({@link StageLocks#lock}). Use with try-with-resources. */
    public FolderLock lock(Path folder) {
        return StageLocks.lock(folder, holder(), wait);
    }
}
