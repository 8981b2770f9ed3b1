package org.aniprep.cli;

import org.aniprep.dedup.DedupStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep dedup}: removes near-duplicate images across a whole series. */
@Command(name = "dedup",
        description = {"Groups near-duplicate images over the whole folder (all episodes, in time order) and keeps one "
                + "per group; the others go to SRC/_removed/ with their sidecars (restorable).",
                "An HTML report with thumbnails shows every group."})
public final class DedupCommand extends StageCommand<DedupStage.Options> {
    @Mixin
    DedupStage.Options options = new DedupStage.Options();

    @Override
    protected Stage<DedupStage.Options> stage() {
        return new DedupStage();
    }

    @Override
    protected DedupStage.Options options() {
        return options;
    }
}
