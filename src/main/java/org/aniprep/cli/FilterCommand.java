package org.aniprep.cli;

import org.aniprep.filter.FilterStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep filter}: rejects black, white, flash, fade, credit, title-card, subtitled (and blurred) frames. */
@Command(name = "filter", mixinStandardHelpOptions = true,
        description = {"Judges every frame's quality: black, white and near-uniform frames, flashes, fades (against the same "
                + "shot, in time order), credits, title cards and burned-in subtitles (PaddleOCR text detector), and blur "
                + "(against the episode's own sharpness).",
                "Each frame's sidecar gets a 'filter' section with the scores and the verdict; rejected frames move to "
                        + "SRC/_removed/ with their sidecars (restorable); SRC/_report/filter.html shows them by reason."})
public final class FilterCommand extends StageCommand<FilterStage.Options> {
    @Mixin
    FilterStage.Options options = new FilterStage.Options();

    @Override
    protected Stage<FilterStage.Options> stage() {
        return new FilterStage();
    }

    @Override
    protected FilterStage.Options options() {
        return options;
    }
}
