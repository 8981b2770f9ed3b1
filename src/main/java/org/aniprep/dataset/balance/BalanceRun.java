package org.aniprep.dataset.balance;

import org.aniprep.console.Problems;
import org.aniprep.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code aniprep balance}: the weight tree over --src, {@code multiply.txt} in every image folder
 * (rewritten only when it changes), the printed table, and the kohya hand-offs; {@link BalanceStage} tells the user
 * what was written.
 */
public final class BalanceRun {
    private static final Logger LOG = LoggerFactory.getLogger(BalanceRun.class);
    /** Written by arrange for its --extra folders; read first, so a --weights line for the same folder wins. */
    public static final String EXTRA_WEIGHTS = ".aniprep/extra-weights.csv";
    public static final String MULTIPLY = "multiply.txt";

    private final BalanceOptions options;
    private final Problems problems;
    private final PrintWriter out;

    public BalanceRun(BalanceOptions options, Problems problems, PrintWriter out) {
        this.options = options;
        this.problems = problems;
        this.out = out;
    }

    /** Reads the weights; lines that cannot be read are returned as messages (a usage error). */
    public static WeightTable weights(Path src, Path csv, List<String> bad) throws IOException {
        WeightTable table = WeightTable.empty();
        Path extra = src.resolve(EXTRA_WEIGHTS);
        if (Files.isRegularFile(extra)) {
            table.read(extra, bad);
        }
        if (csv != null) {
            table.read(csv, bad);
        }
        return table;
    }

    /**
     * What a run did: the plan, the multiply.txt files it changed, and the images linked into
     * --kohya-folders (0 when not asked for, or for a dry run).
     */
    public record Outcome(MultiplyPlan plan, int changed, int linked) {
    }

    /** Computes the multiplies, prints the table and (unless a dry run) writes multiply.txt and the kohya hand-offs. */
    public Outcome run(WeightTable weights) throws IOException {
        Path src = options.src().toAbsolutePath().normalize();
        ImageTree.Node root = ImageTree.scan(src, problems::add);
        MultiplyPlan plan = MultiplyPlan.compute(root, weights, options.minMultiply(), options.maxMultiply());
        String csvName = options.weights() == null ? null : options.weights().getFileName().toString();
        weights.warnUnused(l -> csvName != null && l.origin().startsWith(csvName + " "));
        if (plan.folders().isEmpty()) {
            LOG.warn("no images under {}; nothing to balance", src);
            return new Outcome(plan, 0, 0);
        }
        int changed = 0;
        if (!options.dryRun()) {
            for (MultiplyPlan.Folder f : plan.folders()) {
                changed += writeIfChanged(f.node().dir().resolve(MULTIPLY), MultiplyPlan.format(f.multiply())) ? 1 : 0;
            }
        }
        int[] repeats = kohyaRepeats(plan);
        table(plan, repeats);
        long capped = plan.folders().stream().filter(f -> f.exact() > options.maxMultiply()).count();
        if (capped > 0) {
            LOG.warn("{} folder(s) would need a multiply above --max-multiply {}; capped, so their share is below their weight",
                    capped, MultiplyPlan.format(options.maxMultiply()));
        }
        int linked = 0;
        if (!options.dryRun()) {
            if (options.kohyaToml() != null) {
                KohyaToml.write(options.kohyaToml(), plan.folders(), repeats, options.captionExtension());
            }
            if (options.kohyaFolders() != null) {
                linked = KohyaFolders.write(options.kohyaFolders(), src.getFileName() == null ? "root" : src.getFileName().toString(),
                        plan.folders(), repeats, options.captionExtension());
            }
        }
        return new Outcome(plan, changed, linked);
    }

    private static int[] kohyaRepeats(MultiplyPlan plan) {
        int n = plan.folders().size();
        int[] images = new int[n];
        double[] multiply = new double[n];
        for (int i = 0; i < n; i++) {
            images[i] = plan.folders().get(i).node().images();
            multiply[i] = plan.folders().get(i).multiply();
        }
        return KohyaRepeats.of(images, multiply);
    }

    private void table(MultiplyPlan plan, int[] repeats) {
        int width = Math.max(6, plan.folders().stream().mapToInt(f -> display(f).length()).max().orElse(6));
        String fmt = "%-" + width + "s  %7s  %8s  %7s  %7s  %6s%n";
        out.printf(fmt, "folder", "images", "multiply", "target", "share", "kohya");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < plan.folders().size(); i++) {
            MultiplyPlan.Folder f = plan.folders().get(i);
            rows.add(String.format(Locale.ROOT, fmt, display(f), f.node().images(), MultiplyPlan.format(f.multiply()),
                    pct(f.probability()), pct(f.share()), repeats[i]));
        }
        rows.forEach(out::print);
        int images = plan.folders().stream().mapToInt(f -> f.node().images()).sum();
        out.printf(Locale.ROOT, "%d image(s) in %d folder(s); %.1f image views per epoch with these multiplies%n", images,
                plan.folders().size(), plan.virtualSize());
        out.flush();
    }

    private static String display(MultiplyPlan.Folder f) {
        return f.node().rel().isEmpty() ? "." : f.node().rel();
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    private static boolean writeIfChanged(Path file, String content) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return false;
        }
        AtomicFiles.writeString(file, content);
        return true;
    }
}
