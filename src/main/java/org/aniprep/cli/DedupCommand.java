package org.aniprep.cli;

import org.aniprep.console.Problems;
import org.aniprep.dedup.Dedup;
import org.aniprep.dedup.DedupOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aniprep dedup}: removes near-duplicate images across a whole series. */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = {"Groups near-duplicate images over the whole folder (all episodes, in time order) and keeps one "
                + "per group; the others go to SRC/_removed/ with their sidecars (restorable).",
                "An HTML report with thumbnails shows every group."})
public final class DedupCommand implements Callable<Integer> {
    enum Method { phash }

    @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
    Path src;

    @Option(names = "--method", defaultValue = "phash", description = "Similarity: ${COMPLETION-CANDIDATES} "
            + "(colour perceptual hash, no model). Default: ${DEFAULT-VALUE}.")
    Method method;

    @Option(names = "--threshold", description = "Largest distance that still counts as a duplicate. phash: Hamming "
            + "bits of 192 (default " + DedupOptions.DEFAULT_HASH_THRESHOLD + ", tuned on anime frames).")
    Double threshold;

    @Option(names = "--keep", defaultValue = "best", description = "Kept frame of a group: best (sharpest, by variance "
            + "of the Laplacian; earliest on a tie) or first (earliest). Default: ${DEFAULT-VALUE}.")
    DedupOptions.Keep keep;

    @Option(names = "--action", defaultValue = "move", description = "move (to SRC/_removed/), delete, or report "
            + "(change nothing). Default: ${DEFAULT-VALUE}.")
    DedupOptions.Action action;

    @Option(names = "--report", description = "HTML report file (default SRC/_report/dedup.html).")
    Path report;

    @Option(names = "--no-report", description = "Write no HTML report.")
    boolean noReport;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + " is not a folder");
        }
        double t = threshold != null ? threshold : DedupOptions.DEFAULT_HASH_THRESHOLD;
        if (t < 0 || t != Math.rint(t)) {
            throw new UsageException("--threshold for phash is a whole number of bits (0.." + 192 + "), not " + t);
        }
        if (noReport && action == DedupOptions.Action.REPORT) {
            throw new UsageException("--action report with --no-report would do nothing");
        }
        Problems problems = new Problems();
        new Dedup(new DedupOptions(src, t, keep, action, report, !noReport), problems).run();
        return problems.summarize("dedup");
    }
}
