package org.aniprep.dedup;

import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.ModelOptions;
import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The dedup stage: near-duplicates over the whole folder, one kept per group ({@link Dedup}). */
public final class DedupStage implements Stage<DedupStage.Options> {
    /** How images are compared. */
    public enum Method { phash, embedding }

    /** {@code aniprep dedup}'s options (and {@code dedup.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
        public Path src;

        @Option(names = "--method", defaultValue = "phash", description = "phash (colour perceptual hash, no model) or "
                + "embedding (an ONNX image-embedding model, cosine similarity). Default: ${DEFAULT-VALUE}.")
        public Method method;

        @Option(names = "--threshold", description = "phash: largest Hamming distance, in bits of 192, that is still a "
                + "duplicate (default " + DedupOptions.DEFAULT_HASH_THRESHOLD + ", tuned on anime frames). embedding: smallest "
                + "cosine similarity that is a duplicate (default: the model's, 0.985 for the built-in).")
        public Double threshold;

        @Option(names = "--model", defaultValue = EmbeddingModels.DEFAULT_ID, description = "With --method embedding: a "
                + "built-in model id ('aniprep models list'), a repo id, or an .onnx file / folder. Default: ${DEFAULT-VALUE}.")
        public String model;

        @Mixin
        public ModelOptions models = new ModelOptions();

        @Option(names = "--keep", defaultValue = "best", description = "Kept frame of a group: best (members 'aniprep filter' "
                + "passed first, then no fade, flash, subtitled or blurrier twin of a clean member: least text in the top/bottom "
                + "bands, then contrast x sharpness; earliest on a tie) or first (earliest). Default: ${DEFAULT-VALUE}.")
        public DedupOptions.Keep keep;

        @Option(names = "--action", defaultValue = "move", description = "move (to SRC/_removed/), delete, or report "
                + "(change nothing). Default: ${DEFAULT-VALUE}.")
        public DedupOptions.Action action;

        @Option(names = "--report", description = "HTML report file (default SRC/_report/dedup.html).")
        public Path report;

        @Option(names = "--no-report", description = "Write no HTML report.")
        public boolean noReport;
    }

    @Override
    public String name() {
        return "dedup";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    /** The folder, a run that would do nothing, and the threshold when given (the embedding model's own is checked in {@link #run}). */
    @Override
    public void check(Options o) {
        BadOptions.requireFolder("--src", o.src);
        if (o.noReport && o.action == DedupOptions.Action.REPORT) {
            throw new BadOptions("--action report with --no-report would do nothing");
        }
        if (o.method == Method.embedding) {
            if (o.threshold != null) {
                checkCosine(o.threshold);
            }
        } else {
            double t = hashThreshold(o);
            if (t < 0 || t != Math.rint(t)) {
                throw new BadOptions("--threshold for phash is a whole number of bits (0..192), not " + t);
            }
        }
    }

    /** The embedding model, with {@code --method embedding}. */
    @Override
    public Optional<String> unavailable(Options o) {
        if (o.method != Method.embedding) {
            return Optional.empty();
        }
        try {
            embedder(o);
            return Optional.empty();
        } catch (ModelException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Nothing with {@code --action report}: it changes nothing in SRC, so it takes no lock. */
    @Override
    public List<Path> writes(Options o) {
        return o.action == DedupOptions.Action.REPORT ? List.of() : List.of(o.src);
    }

    @Override
    public StageResult run(Options o, StageContext context) throws IOException {
        Fingerprinter<?> fingerprinter;
        double t;
        if (o.method == Method.embedding) {
            EmbeddingFingerprinter embedder = embedder(o);
            t = o.threshold != null ? o.threshold : embedder.defaultThreshold();
            checkCosine(t);
            fingerprinter = embedder;
        } else {
            t = hashThreshold(o);
            fingerprinter = HashFingerprinter.DEFAULT;
        }
        Dedup.Result r = new Dedup(new DedupOptions(o.src, t, o.keep, o.action, o.report, !o.noReport), fingerprinter,
                context.problems()).run();
        return StageResult.ofLines(r.lines(), "images", r.images(), "groups", r.groups(), "kept", r.images() - r.duplicates(),
                "duplicates", r.duplicates(), "removed", r.removed());
    }

    private static double hashThreshold(Options o) {
        return o.threshold != null ? o.threshold : DedupOptions.DEFAULT_HASH_THRESHOLD;
    }

    private static void checkCosine(double t) {
        if (!(t > 0 && t <= 1)) {
            throw new BadOptions("--threshold for embedding is a cosine similarity in (0, 1], not " + t);
        }
    }

    private static EmbeddingFingerprinter embedder(Options o) {
        return EmbeddingFingerprinter.open(o.model, new ModelResolver(o.models.settings()));
    }
}
