package org.aniprep.cli;

import org.aniprep.console.Problems;
import org.aniprep.io.FolderLock;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.tag.TagOptions;
import org.aniprep.tag.TagRun;
import org.aniprep.tag.Wd14Decoder;
import org.aniprep.tag.Wd14Models;
import org.aniprep.tag.Wd14Tagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aniprep tag}: WD14 tags for every image of a folder, into the sidecars. */
@Command(name = "tag", description = {"Tag images with a WD14 tagger (SmilingWolf); results go into each image's sidecar.",
        "Preprocessing: model-specs.md §1.4 variant A (white square pad, Pillow BICUBIC, BGR 0-255)."})
public final class TagCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(TagCommand.class);

    @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
    Path src;

    @Option(names = "--model", defaultValue = Wd14Models.DEFAULT_ID,
            description = "Built-in model id or repo id ('aniprep models list'), or a path to a WD14 model.onnx "
                    + "with selected_tags.csv beside it. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--general-threshold", defaultValue = "0.35", description = "Keep general tags with p > this. Default: ${DEFAULT-VALUE}.")
    double generalThreshold;

    @Option(names = "--character-threshold", defaultValue = "0.85", description = "Keep character tags with p > this. Default: ${DEFAULT-VALUE}.")
    double characterThreshold;

    @Option(names = "--mcut", description = "Pick both thresholds per image with MCut (character floor 0.15) instead.")
    boolean mcut;

    @Option(names = "--batch", defaultValue = "8", description = "Images per inference call (v2 models force 1). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--overwrite", description = "Re-tag images already tagged by this model; replace existing .tags files.")
    boolean overwrite;

    @Option(names = "--tags-file", description = "Also write <image>.tags (comma-separated, underscores kept), as the seed pipeline does.")
    boolean tagsFile;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    LockOptions locking;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + ": not a folder");
        }
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }
        for (double t : new double[] {generalThreshold, characterThreshold}) {
            if (!(t >= 0 && t <= 1)) {
                throw new UsageException("thresholds must lie between 0 and 1, got " + t);
            }
        }
        Wd14Tagger tagger;
        try {
            tagger = Wd14Tagger.open(model, new ModelResolver(modelOptions.settings()));
        } catch (ModelException e) {
            throw new UsageException(e.getMessage());
        }
        LOG.info("tagging with {} ({} tags, input {}, {})", tagger.spec().id(), tagger.tags().size(), tagger.input(),
                tagger.model().device());
        Problems problems = new Problems();
        TagOptions options = new TagOptions(src, model,
                new Wd14Decoder.Settings(generalThreshold, mcut, characterThreshold, mcut), batch, overwrite, tagsFile);
        try (FolderLock lock = locking.lock(src)) {
            TagRun.Summary summary = new TagRun(tagger, options, problems).run();
            LOG.info("tagged {} image(s), {} skipped, {} failed", summary.tagged(), summary.skipped(), summary.failed());
        }
        return problems.summarize("tag");
    }
}
