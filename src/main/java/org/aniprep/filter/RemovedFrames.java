package org.aniprep.filter;

import org.aniprep.console.Problems;
import org.aniprep.io.SafePaths;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Moves rejected frames with their sidecars to {@code SRC/_removed/<relative path>}, where they can be moved back. */
final class RemovedFrames {
    static final String FOLDER = "_removed";

    private final Path root;
    private final Problems problems;

    RemovedFrames(Path root, Problems problems) {
        this.root = root;
        this.problems = problems;
    }

    Path folder() {
        return root.resolve(FOLDER);
    }

    /** True when moved; a frame whose place in {@code _removed/} is taken stays where it is (reported). */
    boolean move(Frame f) {
        String reason = f.verdict.reason();
        try {
            Path target = SafePaths.inside(folder(), f.relative);
            if (Files.exists(target)) {
                problems.add(f.file, "rejected (" + reason + ") but " + root.relativize(target) + " already exists; left in place");
                return false;
            }
            SidecarStore.move(f.file, target);
            return true;
        } catch (IOException | SidecarException | IllegalArgumentException e) {
            problems.add(f.file, "rejected (" + reason + ") but cannot be moved (" + e.getMessage() + ")");
            return false;
        }
    }
}
