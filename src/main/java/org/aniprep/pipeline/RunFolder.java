package org.aniprep.pipeline;

import org.aniprep.io.IoErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Refuses a run folder that holds something other than an aniprep run (unless empty). */
public final class RunFolder {
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
            others = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".aniprep.lock") && !n.equals(".aniprep"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadOptions("--dst " + root + ": " + IoErrors.describe(e));
        }
        if (!others.isEmpty()) {
            throw new BadOptions("--dst " + root + " holds other things (" + String.join(", ", others.stream().limit(5).toList())
                    + (others.size() > 5 ? ", ..." : "") + ") and is not an aniprep run folder; give an empty or new folder");
        }
    }
}
