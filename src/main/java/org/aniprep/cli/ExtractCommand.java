package org.aniprep.cli;

import org.aniprep.extract.ExtractStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep extract}: the frames of every episode, each with its sidecar. */
@Command(name = "extract", sortOptions = false,
        description = {"Decodes episodes and writes the frames that differ from the previous kept one "
                + "(FFmpeg mpdecimate), as DST/EP04/<prefix>_EP04_<k>.png with a <stem>.json sidecar each.",
                "Episode numbers come from the file names ([Group] Show - 04 [1080p].mkv, show_04.mp4, "
                        + "Show S2E04.mkv -> S2EP04); names without a number, or every name when --ep-init is "
                        + "given, are numbered by position in natural order from --ep-init (default 1).",
                "The prefix is --prefix, else the series name from the file name: bracketed groups, release "
                        + "tags, the episode number and everything after it removed, spaces turned into '_'.",
                "A finished episode is skipped on rerun; an unfinished one is redone cleanly."})
public final class ExtractCommand extends StageCommand<ExtractStage.Options> {
    @Mixin
    ExtractStage.Options options = new ExtractStage.Options();

    @Override
    protected Stage<ExtractStage.Options> stage() {
        return new ExtractStage(org.aniprep.dedup.ExtractDedupGate::streaming);
    }

    @Override
    protected ExtractStage.Options options() {
        return options;
    }
}
