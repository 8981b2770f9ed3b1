package org.aniprep.cli;

import org.aniprep.pipeline.ModelOptions;
import org.aniprep.console.Problems;
import org.aniprep.dedup.Dedup;
import org.aniprep.dedup.DedupOptions;
import org.aniprep.dedup.EmbeddingFingerprinter;
import org.aniprep.dedup.EmbeddingModels;
import org.aniprep.dedup.Fingerprinter;
import org.aniprep.dedup.HashFingerprinter;
import org.aniprep.io.FolderLock;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aniprep dedup}: removes near-duplicate images across a whole series. */
@Command(name = "dedup",
        description = {"Groups near-duplicate images over the whole folder (all episodes, in time order) and keeps one "
                + "per group; the others go to SRC/_removed/ with their sidecars (restorable).",
                "An HTML report with thumbnails shows every group."})
public final class DedupCommand implements Callable<Integer> {
    enum Method { phash, embedding }

    @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
    Path src;

    @Option(names = "--method", defaultValue = "phash", description = "phash (colour perceptual hash, no model) or "
            + "embedding (an ONNX image-embedding model, cosine similarity). Default: ${DEFAULT-VALUE}.")
    Method method;

    @Option(names = "--threshold", description = "phash: largest Hamming distance, in bits of 192, that is still a "
            + "duplicate (default " + DedupOptions.DEFAULT_HASH_THRESHOLD + ", tuned on anime frames). embedding: smallest "
            + "cosine similarity that is a duplicate (default: the model's, 0.985 for the built-in).")
    Double threshold;

    @Option(names = "--model", defaultValue = EmbeddingModels.DEFAULT_ID, description = "With --method embedding: a "
            + "built-in model id ('aniprep models list'), a repo id, or an .onnx file / folder. Default: ${DEFAULT-VALUE}.")
    String model;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--keep", defaultValue = "best", description = "Kept frame of a group: best (members 'aniprep filter' "
            + "passed first, then no fade, flash, subtitled or blurrier twin of a clean member: least text in the top/bottom "
            + "bands, then contrast x sharpness; earliest on a tie) or first (earliest). Default: ${DEFAULT-VALUE}.")
    DedupOptions.Keep keep;

    @Option(names = "--action", defaultValue = "move", description = "move (to SRC/_removed/), delete, or report "
            + "(change nothing). Default: ${DEFAULT-VALUE}.")
    DedupOptions.Action action;

    @Option(names = "--report", description = "HTML report file (default SRC/_report/dedup.html).")
    Path report;

    @Option(names = "--no-report", description = "Write no HTML report.")
    boolean noReport;

    @Mixin
    LockOptions locking;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + " is not a folder");
        }
        if (noReport && action == DedupOptions.Action.REPORT) {
            throw new UsageException("--action report with --no-report would do nothing");
        }
        Fingerprinter<?> fingerprinter;
        double t;
        if (method == Method.embedding) {
            EmbeddingFingerprinter embedder;
            try {
                embedder = EmbeddingFingerprinter.open(model, new ModelResolver(modelOptions.settings()));
            } catch (ModelException e) {
                throw new UsageException(e.getMessage());
            }
            t = threshold != null ? threshold : embedder.defaultThreshold();
            if (!(t > 0 && t <= 1)) {
                throw new UsageException("--threshold for embedding is a cosine similarity in (0, 1], not " + t);
            }
            fingerprinter = embedder;
        } else {
            t = threshold != null ? threshold : DedupOptions.DEFAULT_HASH_THRESHOLD;
            if (t < 0 || t != Math.rint(t)) {
                throw new UsageException("--threshold for phash is a whole number of bits (0..192), not " + t);
            }
            fingerprinter = HashFingerprinter.DEFAULT;
        }
        Problems problems = new Problems();
        Dedup dedup = new Dedup(new DedupOptions(src, t, keep, action, report, !noReport), fingerprinter, problems);
        if (action == DedupOptions.Action.REPORT) {
            dedup.run(); // changes nothing in SRC: no lock
        } else {
            try (FolderLock lock = locking.lock(src)) {
                dedup.run();
            }
        }
        return problems.summarize("dedup");
    }
}
