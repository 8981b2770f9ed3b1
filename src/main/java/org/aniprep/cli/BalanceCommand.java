package org.aniprep.cli;

import org.aniprep.console.Problems;
import org.aniprep.dataset.balance.BalanceOptions;
import org.aniprep.dataset.balance.BalanceRun;
import org.aniprep.dataset.balance.KohyaFolders;
import org.aniprep.dataset.balance.WeightTable;
import org.aniprep.dataset.report.DatasetReport;
import org.aniprep.io.FolderLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aniprep balance}: multiply.txt per folder from a weighted folder tree, and kohya hand-offs. */
@Command(name = "balance", mixinStandardHelpOptions = true,
        description = {"Balance a training tree: multiply.txt in every image folder (EveryDream) so that sibling folders get "
                + "their weighted share of training whatever their image counts; optionally a kohya sd-scripts dataset TOML "
                + "and kohya N_name folders.",
                "Prints folder, images, multiply, target share (from the weights) and effective share (with the written multiplies)."})
public final class BalanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LockOptions locking;

    @Option(names = "--src", required = true, paramLabel = "DIR", description = "The training tree (e.g. arrange's --dst).")
    Path src;

    @Option(names = "--weights", paramLabel = "CSV",
            description = "Lines folder_or_glob,weight (e.g. 1_character,2 or */face_height_ratio_75-100,0.3). Default: all 1 "
                    + "(and the --extra weights arrange recorded).")
    Path weights;

    @Option(names = "--min-multiply", defaultValue = "1", paramLabel = "X",
            description = "The multiply of the least repeated images. Default: ${DEFAULT-VALUE}.")
    double minMultiply;

    @Option(names = "--max-multiply", defaultValue = "100", paramLabel = "X", description = "Cap. Default: ${DEFAULT-VALUE}.")
    double maxMultiply;

    @Option(names = "--kohya-toml", paramLabel = "FILE",
            description = "Also write a kohya sd-scripts dataset config: one [[datasets.subsets]] per image folder, whole num_repeats.")
    Path kohyaToml;

    @Option(names = "--kohya-folders", arity = "0..1", fallbackValue = "", paramLabel = "DIR",
            description = "Also write kohya's <repeats>_<a~b~c> folders of links to the images and captions. Default DIR: <src>_kohya beside --src.")
    String kohyaFolders;

    @Option(names = "--caption-extension", defaultValue = ".txt", paramLabel = "EXT",
            description = "Caption files for kohya. Default: ${DEFAULT-VALUE}.")
    String captionExtension;

    @Option(names = "--dry-run", description = "Print the table; write nothing.")
    boolean dryRun;

    @Option(names = "--no-report", description = "Do not rewrite _report/dataset.html.")
    boolean noReport;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + ": not a folder");
        }
        if (!(minMultiply > 0) || !(maxMultiply >= minMultiply)) {
            throw new UsageException("--min-multiply must be above 0 and --max-multiply at least --min-multiply");
        }
        if (weights != null && !Files.isRegularFile(weights)) {
            throw new UsageException("--weights " + weights + ": no such file");
        }
        List<String> bad = new ArrayList<>();
        WeightTable table = BalanceRun.weights(src, weights, bad);
        if (!bad.isEmpty()) {
            throw new UsageException(String.join("; ", bad));
        }
        Path folders = null;
        if (kohyaFolders != null) {
            Path abs = src.toAbsolutePath().normalize();
            folders = kohyaFolders.isEmpty() ? abs.resolveSibling(abs.getFileName() + "_kohya") : Path.of(kohyaFolders);
            try {
                KohyaFolders.check(src, folders);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        String ext = captionExtension.startsWith(".") ? captionExtension : "." + captionExtension;
        Problems problems = new Problems();
        BalanceRun run = new BalanceRun(new BalanceOptions(src, weights, minMultiply, maxMultiply, kohyaToml, folders, ext, dryRun),
                problems, spec.commandLine().getOut());
        if (dryRun) {
            run.run(table); // changes nothing: no lock
            return problems.summarize("balance");
        }
        try (FolderLock lock = locking.lock(src); FolderLock kohya = folders != null ? locking.lock(folders) : null) {
            run.run(table);
            if (!noReport) {
                DatasetReport.write(src, problems);
            }
        }
        return problems.summarize("balance");
    }
}
