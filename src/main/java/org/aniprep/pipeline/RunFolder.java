package org.aniprep.pipeline;

import org.aniprep.io.IoErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses a run folder that holds something other than an aniprep run: it must be new, empty, hold
 * an earlier run's record, or only what a run makes (a run whose record was removed, or a demo folder
 * cleared for a redraw).
 */
public final class RunFolder {
    private static final java.util.Set<String> RUN_NAMES = java.util.Set.of(".aniprep.lock", ".aniprep", "frames", "dataset",
            "clusters", "report.html");

    private RunFolder() {
    }

    public static void check(RunLayout layout) {
        Path root = layout.root();
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new BadOptions("--dst " + root + ": not a folder");
        }
        if (Files.exists(RunState.fileOf(layout))) {
            return;
        }
        List<String> others;
        try (Stream<Path> s = Files.list(root)) {
            others = s.map(p -> p.getFileName().toString()).filter(n -> !RUN_NAMES.contains(n))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadOptions("--dst " + root + ": " + IoErrors.describe(e));
        }
        if (!others.isEmpty()) {
            throw new BadOptions("--dst " + root + " holds other things (" + String.join(", ", others.stream().limit(5).toList())
                    + (others.size() > 5 ? ", ..." : "") + ") and is not an aniprep run folder; give an empty or new folder");
        }
    }

    /**
     * Removes a run folder this run created a moment ago and left as it made it (empty folders, the lock
     * file), when the run is refused before any work; anything else in it stays.
     */
    static void removeUntouched(RunLayout layout) {
        Path root = layout.root();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            boolean untouched = all.stream().allMatch(p -> Files.isDirectory(p) || p.getFileName().toString().equals(".aniprep.lock"));
            if (untouched) {
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // the empty folders stay; nothing of the user's is at stake
        }
    }
}
