package org.aniprep.dedup;

import org.aniprep.console.Problems;
import org.aniprep.image.ImageLoader;
import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The dedup stage: fingerprint, group globally in time order, report, then move/delete duplicates. */
public final class Dedup {
    /** What a run did, and its summary for the user. */
    public record Result(int images, int groups, int duplicates, int removed, Path report, List<String> lines) {
    }

    private final DedupOptions options;
    private final Fingerprinter<?> fingerprinter;
    private final Problems problems;
    private final ImageLoader loader = new ImageLoader();

    /** Dedup with the default perceptual hash. */
    public Dedup(DedupOptions options, Problems problems) {
        this(options, HashFingerprinter.DEFAULT, problems);
    }

    public Dedup(DedupOptions options, Fingerprinter<?> fingerprinter, Problems problems) {
        this.options = options;
        this.fingerprinter = fingerprinter;
        this.problems = problems;
    }

    public Result run() throws IOException {
        Path root = options.src().toAbsolutePath().normalize();
        boolean changes = options.action() != DedupOptions.Action.REPORT;
        DedupActions actions = new DedupActions(root, options.action(), problems);
        if (changes) {
            actions.recoverInterruptedMoves();
        }
        List<Path> images = MediaFiles.frames(root, problems::add);
        Fingerprinter<?> method = fingerprinter;
        List<DedupItem> items = new FingerprintScan(method, loader, changes, problems).scan(root, images);
        DedupPlan plan = DedupPlan.of(items, method, options.threshold(), options.keep(), new TextTwins(TextTwins.filters()));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d image(s) in %d group(s): %d duplicate(s) at threshold %s (%s)", items.size(),
                plan.groups().size(), plan.duplicates(), method.describeThreshold(options.threshold()), method.id()));
        Path report = null;
        if (options.writeReport()) {
            report = options.report() != null ? options.report() : root.resolve("_report").resolve("dedup.html");
            new DedupReport(loader, problems).write(report, plan, method, options.threshold(),
                    options.action().name().toLowerCase());
            lines.add("report: " + report);
        }
        int removed = changes ? actions.apply(plan) : 0;
        if (changes) {
            lines.add(removed + " duplicate(s) " + (options.action() == DedupOptions.Action.MOVE
                    ? "moved to " + actions.removedFolder() : "deleted"));
        }
        return new Result(items.size(), plan.groups().size(), plan.duplicates(), removed, report, lines);
    }
}
