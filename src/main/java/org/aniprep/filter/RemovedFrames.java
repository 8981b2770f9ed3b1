package org.aniprep.filter;

import org.aniprep.console.Problems;
import org.aniprep.io.SafePaths;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.MoveJournal;
import org.aniprep.sidecar.SidecarStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves rejected frames with their sidecars to {@code SRC/_removed/<relative path>}, where they can be
 * moved back, as one {@link MoveJournal} batch: a run killed part-way is finished by the next run on
 * the folder. A frame whose place there is taken stays where it is (reported).
 */
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

    /** Returns the number of frames moved, as on disk. */
    int move(List<Frame> rejected) {
        List<MoveJournal.Step> steps = new ArrayList<>();
        for (Frame f : rejected) {
            Path target;
            try {
                target = SafePaths.inside(folder(), f.relative);
            } catch (IllegalArgumentException e) {
                problems.add(f.file, "rejected (" + f.verdict.reason() + ") but cannot be moved into " + FOLDER + " (" + e.getMessage() + ")");
                continue;
            }
            if (Files.exists(target) || Files.exists(SidecarStore.pathFor(target))) {
                problems.add(f.file, "rejected (" + f.verdict.reason() + ") but " + root.relativize(target) + " already exists; left in place");
                continue;
            }
            steps.add(MoveJournal.Step.move(f.relative, root.relativize(target).toString().replace('\\', '/'), FilterInfo.SECTION, f.verdict));
        }
        MoveJournal.Outcome done = MoveJournal.apply(root, "filter", steps, problems::add);
        if (!done.started()) {
            problems.add(root, "no rejected frame moved: " + done.error());
        } else if (!done.complete()) {
            problems.add(root, "stopped after " + done.moved() + " of " + steps.size() + " rejected frame(s) moved ("
                    + done.error() + "); the next aniprep run on this folder finishes the rest once that is fixed");
        }
        return done.moved();
    }
}
