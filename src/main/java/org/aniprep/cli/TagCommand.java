package org.aniprep.cli;

import org.aniprep.pipeline.Stage;
import org.aniprep.tag.TagStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep tag}: WD14 tags for every image of a folder, into the sidecars. */
@Command(name = "tag", description = {"Tag images with a WD14 tagger (SmilingWolf); results go into each image's sidecar.",
        "Preprocessing: model-specs.md §1.4 variant A (white square pad, Pillow BICUBIC, BGR 0-255)."})
public final class TagCommand extends StageCommand<TagStage.Options> {
    @Mixin
    TagStage.Options options = new TagStage.Options();

    @Override
    protected Stage<TagStage.Options> stage() {
        return new TagStage();
    }

    @Override
    protected TagStage.Options options() {
        return options;
    }
}
