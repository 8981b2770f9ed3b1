package org.aniprep.demo;

import org.aniprep.dataset.balance.BalanceRun;
import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's balance step: multiply.txt in every folder of the arranged tree with the seed's example
 * weights (characters over the rest), a kohya dataset TOML beside it, and a few captions to read.
 */
final class BalanceStep {
    static final DemoStep STEP = new DemoStep("balance", BalanceStep::report);
    static final int CAPTIONS = 3;

    private BalanceStep() {
    }

    static DemoStep.Report report(DemoStep.Context c) {
        Path dataset = c.layout().dataset();
        List<String> lines = new ArrayList<>(ArrangeStep.tree(dataset, true));
        List<Path> captions = DemoSteps.images(dataset, true).stream()
                .map(p -> p.resolveSibling(MediaFiles.stem(p) + ".txt")).filter(Files::isRegularFile).limit(CAPTIONS).toList();
        for (Path caption : captions) {
            try {
                lines.add("caption " + dataset.relativize(caption) + ": " + Files.readString(caption, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                lines.add("caption " + caption + " cannot be read");
            }
        }
        lines.add("kohya dataset config: " + c.layout().show(c.layout().root().resolve("kohya_dataset.toml")));
        return new DemoStep.Report(lines, List.of(dataset.resolve("_report/dataset.html")));
    }

    /** A folder's multiply.txt, or null. */
    static String multiply(Path dir) {
        Path m = dir.resolve(BalanceRun.MULTIPLY);
        try {
            return Files.isRegularFile(m) ? Files.readString(m, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
