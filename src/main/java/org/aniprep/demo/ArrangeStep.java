package org.aniprep.demo;

import org.aniprep.dataset.balance.ImageTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's arrange step: the frames (and detect's crops) copied into the seed's training tree
 * {@code dataset/n_characters/character/face_height_ratio_X-Y}. The sample has a handful of frames
 * per character, so combinations need only 2 images to keep their own folder.
 */
final class ArrangeStep {
    static final DemoStep STEP = new DemoStep("arrange", ArrangeStep::report);
    /** Folders listed in the summary; the report page has the whole tree. */
    static final int SHOWN_FOLDERS = 30;

    private ArrangeStep() {
    }

    static DemoStep.Report report(DemoStep.Context c) {
        Path dataset = c.layout().dataset();
        List<String> lines = new ArrayList<>(tree(dataset, false));
        return new DemoStep.Report(lines, List.of(dataset.resolve("_report/dataset.html")));
    }

    /** The tree as indented lines "N  folder" (with each folder's multiply when asked), at most {@link #SHOWN_FOLDERS}. */
    static List<String> tree(Path root, boolean multiplies) {
        ImageTree.Node tree;
        try {
            tree = ImageTree.scan(root, (p, m) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        lines.add(DemoSteps.plural(tree.total(), "image") + " in " + root.getFileName() + "/ (images per folder, sub-folders included"
                + (multiplies ? "; ×multiply.txt" : "") + "):");
        tree.visit(n -> {
            if (n.rel().isEmpty() || lines.size() > SHOWN_FOLDERS) {
                return;
            }
            int depth = (int) n.rel().chars().filter(ch -> ch == '/').count();
            String m = multiplies ? BalanceStep.multiply(n.dir()) : null;
            lines.add(String.format("%5d  %s%s%s", n.total(), "  ".repeat(depth), n.name(), m == null ? "" : "  ×" + m));
        });
        if (lines.size() > SHOWN_FOLDERS) {
            lines.add("  ... (the report shows every folder)");
        }
        return lines;
    }
}
