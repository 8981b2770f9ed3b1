package org.aniprep.dataset.balance;

import org.aniprep.console.Problems;
import org.aniprep.dataset.report.DatasetReport;
import org.aniprep.io.IoErrors;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The balance stage: multiply.txt in every image folder of a training tree, and the kohya hand-offs
 * ({@link BalanceRun}). The table of folders, images and multiplies is printed to the stage's output.
 * {@code --dry-run} is the command's own (a pipeline run does not preview): {@link #preview}.
 */
public final class BalanceStage implements Stage<BalanceStage.Options> {
    private final PrintWriter out;

    /** {@code aniprep balance}'s options (and {@code balance.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", required = true, paramLabel = "DIR", description = "The training tree (e.g. arrange's --dst).")
        public Path src;

        @Option(names = "--weights", paramLabel = "CSV",
                description = "Lines folder_or_glob,weight (e.g. 1_character,2 or */face_height_ratio_75-100,0.3). Default: all 1 "
                        + "(and the --extra weights arrange recorded).")
        public Path weights;

        @Option(names = "--min-multiply", defaultValue = "1", paramLabel = "X",
                description = "The multiply of the least repeated images. Default: ${DEFAULT-VALUE}.")
        public double minMultiply;

        @Option(names = "--max-multiply", defaultValue = "100", paramLabel = "X", description = "Cap. Default: ${DEFAULT-VALUE}.")
        public double maxMultiply;

        @Option(names = "--kohya-toml", paramLabel = "FILE",
                description = "Also write a kohya sd-scripts dataset config: one [[datasets.subsets]] per image folder, whole num_repeats.")
        public Path kohyaToml;

        @Option(names = "--kohya-folders", arity = "0..1", fallbackValue = "", paramLabel = "DIR",
                description = "Also write kohya's <repeats>_<a~b~c> folders of links to the images and captions. Default DIR: <src>_kohya beside --src.")
        public String kohyaFolders;

        @Option(names = "--caption-extension", defaultValue = ".txt", paramLabel = "EXT",
                description = "Caption files for kohya. Default: ${DEFAULT-VALUE}.")
        public String captionExtension;

        @Option(names = "--no-report", description = "Do not rewrite _report/dataset.html.")
        public boolean noReport;
    }

    /** The table goes to standard output. */
    public BalanceStage() {
        this(null);
    }

    /** @param out where the table goes (null: standard output, as it is when the stage runs) */
    public BalanceStage(PrintWriter out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "balance";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public List<String> layoutArgs(RunLayout layout) {
        return List.of("--src", layout.dataset().toString());
    }

    /**
     * No {@code _report/} inside a run's training tree (see {@code ArrangeStage#runDefaults}). No kohya
     * TOML either: it holds absolute paths (the tree could not be moved, and two runs' trees would differ),
     * and EveryDream reads multiply.txt itself; {@code balance.kohya-toml} asks for one.
     */
    @Override
    public List<String> runDefaults() {
        return List.of("--no-report");
    }

    @Override
    public void check(Options o) {
        settings(o, false);
        weights(o);
    }

    /** --src, and --kohya-folders when asked for. */
    @Override
    public List<Path> writes(Options o) {
        Path folders = kohyaFolders(o);
        return folders == null ? List.of(o.src) : List.of(o.src, folders);
    }

    @Override
    public StageResult run(Options o, StageContext context) throws IOException {
        BalanceOptions options = settings(o, false);
        BalanceRun.Outcome r = new BalanceRun(options, context.problems(), out()).run(weights(o));
        if (!o.noReport) {
            DatasetReport.write(o.src, context.problems());
        }
        List<MultiplyPlan.Folder> folders = r.plan().folders();
        List<String> lines = new ArrayList<>();
        if (!folders.isEmpty()) {
            double max = folders.stream().mapToDouble(MultiplyPlan.Folder::multiply).max().orElse(0);
            double min = folders.stream().mapToDouble(MultiplyPlan.Folder::multiply).min().orElse(0);
            lines.add(String.format("multiply.txt in %d folder(s) (%d changed), multiply %s to %s", folders.size(), r.changed(),
                    MultiplyPlan.format(min), MultiplyPlan.format(max)));
            if (options.kohyaToml() != null) {
                lines.add("kohya dataset config: " + options.kohyaToml());
            }
            if (options.kohyaFolders() != null) {
                lines.add(String.format("kohya folders: %d image(s) linked under %s", r.linked(), options.kohyaFolders()));
            }
        }
        return StageResult.ofLines(lines, "folders", folders.size(), "images", folders.stream().mapToInt(f -> f.node().images()).sum(),
                "changed", r.changed(), "kohya-linked", r.linked());
    }

    /** {@code --dry-run}: checks the options and prints the table; writes nothing (no lock needed). */
    public void preview(Options o, Problems problems) throws IOException {
        check(o);
        new BalanceRun(settings(o, true), problems, out()).run(weights(o));
    }

    /**
     * The multiplies balance would write over {@code tree} (e.g. the tree arrange would make, built from its
     * dry run), with these options' weights and bounds; writes nothing.
     */
    public MultiplyPlan plan(Options o, ImageTree.Node tree) {
        BadOptions.requireFolder("--src", o.src);
        if (!(o.minMultiply > 0) || !(o.maxMultiply >= o.minMultiply)) {
            throw new BadOptions("--min-multiply must be above 0 and --max-multiply at least --min-multiply");
        }
        return MultiplyPlan.compute(tree, weights(o), o.minMultiply, o.maxMultiply);
    }

    private PrintWriter out() {
        return out != null ? out : new PrintWriter(System.out, true);
    }

    private static BalanceOptions settings(Options o, boolean dryRun) {
        BadOptions.requireFolder("--src", o.src);
        if (!(o.minMultiply > 0) || !(o.maxMultiply >= o.minMultiply)) {
            throw new BadOptions("--min-multiply must be above 0 and --max-multiply at least --min-multiply");
        }
        if (o.weights != null && !Files.isRegularFile(o.weights)) {
            throw new BadOptions("--weights " + o.weights + ": no such file");
        }
        Path folders = kohyaFolders(o);
        if (folders != null) {
            try {
                KohyaFolders.check(o.src, folders);
            } catch (IllegalArgumentException e) {
                throw new BadOptions(e.getMessage());
            } catch (IOException e) {
                throw new BadOptions("--kohya-folders " + folders + ": cannot be read (" + IoErrors.describe(e) + ")");
            }
        }
        String ext = o.captionExtension.startsWith(".") ? o.captionExtension : "." + o.captionExtension;
        return new BalanceOptions(o.src, o.weights, o.minMultiply, o.maxMultiply, o.kohyaToml, folders, ext, dryRun);
    }

    /** The weights (arrange's --extra weights, then --weights); a line that cannot be read is a {@link BadOptions}. */
    private static WeightTable weights(Options o) {
        List<String> bad = new ArrayList<>();
        WeightTable table;
        try {
            table = BalanceRun.weights(o.src, o.weights, bad);
        } catch (IOException e) {
            throw new BadOptions("the weights of " + o.src + " cannot be read (" + IoErrors.describe(e) + ")");
        }
        if (!bad.isEmpty()) {
            throw new BadOptions(String.join("; ", bad));
        }
        return table;
    }

    /** {@code <src>_kohya} beside --src for a bare --kohya-folders; null when not asked for. */
    private static Path kohyaFolders(Options o) {
        if (o.kohyaFolders == null) {
            return null;
        }
        Path abs = o.src.toAbsolutePath().normalize();
        return o.kohyaFolders.isEmpty() ? abs.resolveSibling(abs.getFileName() + "_kohya") : Path.of(o.kohyaFolders);
    }
}
