package org.aniprep.cli;

import org.aniprep.pipeline.ModelOptions;
import org.aniprep.console.Problems;
import org.aniprep.filter.FilterOptions;
import org.aniprep.filter.FilterRun;
import org.aniprep.filter.TextDetector;
import org.aniprep.io.FolderLock;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aniprep filter}: rejects black, white, flash, fade, credit, title-card, subtitled (and blurred) frames. */
@Command(name = "filter", mixinStandardHelpOptions = true,
        description = {"Judges every frame's quality: black, white and near-uniform frames, flashes, fades (against the same "
                + "shot, in time order), credits, title cards and burned-in subtitles (PaddleOCR text detector), and blur "
                + "(against the episode's own sharpness).",
                "Each frame's sidecar gets a 'filter' section with the scores and the verdict; rejected frames move to "
                        + "SRC/_removed/ with their sidecars (restorable); SRC/_report/filter.html shows them by reason."})
public final class FilterCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(FilterCommand.class);

    @Option(names = "--src", required = true, paramLabel = "DIR", description = "Folder of frames (searched recursively).")
    Path src;

    @Option(names = "--text", defaultValue = "drop", paramLabel = "drop|keep|off", description = "Subtitled frames: drop, "
            + "or keep them (flagged 'subtitles' in the record); credits and title cards are dropped either way. off: no "
            + "text detection. Default: ${DEFAULT-VALUE}.")
    FilterOptions.TextMode text;

    @Option(names = "--blur", defaultValue = "keep", paramLabel = "drop|keep", description = "Blurred frames (far below "
            + "the episode's median sharpness): drop, or keep them flagged 'blur'. Default: ${DEFAULT-VALUE}.")
    FilterOptions.BlurMode blur;

    @Option(names = "--action", defaultValue = "move", paramLabel = "move|report", description = "move rejected frames to "
            + "SRC/_removed/, or only record verdicts and write the report. Default: ${DEFAULT-VALUE}.")
    FilterOptions.Action action;

    @Option(names = "--report", paramLabel = "FILE", description = "HTML report (default SRC/_report/filter.html).")
    Path report;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    LockOptions locking;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + " is not a folder");
        }
        TextDetector detector = null;
        if (text != FilterOptions.TextMode.off) {
            try {
                detector = TextDetector.open(new ModelResolver(modelOptions.settings()));
            } catch (ModelException e) {
                throw new UsageException(e.getMessage() + "\n(--text off filters without text detection)");
            }
            LOG.info("text detector {} from {} ({})", detector.id(), detector.source(), detector.model().device());
        }
        Problems problems = new Problems();
        try (FolderLock lock = locking.lock(src)) {
            new FilterRun(new FilterOptions(src, text, blur, action, report), detector, problems).run();
        }
        return problems.summarize("filter");
    }
}
