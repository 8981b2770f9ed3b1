package org.aniprep.cli;

import org.aniprep.dataset.fanart.FanartStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep fanart}: imports fan-art folders so the per-image stages treat them like frames. */
@Command(name = "fanart",
        description = {"Copies the pictures of --extra folders into DST/<group>/ (fanart, or fanart_<folder> for several), "
                + "each with a record holding its given tags and characters (.txt, .tags, booru JSON beside it) and its "
                + "folder's weight; detect, tag, classify, metadata, caption and arrange then treat them like frames.",
                "'aniprep run --extra DIR:WEIGHT' does this into frames/_extra/. The originals are never changed."})
public final class FanartCommand extends StageCommand<FanartStage.Options> {
    @Mixin
    FanartStage.Options options = new FanartStage.Options();

    @Override
    protected Stage<FanartStage.Options> stage() {
        return new FanartStage();
    }

    @Override
    protected FanartStage.Options options() {
        return options;
    }
}
