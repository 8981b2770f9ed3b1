package org.aniprep.cli;

import org.aniprep.dataset.caption.CaptionStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep caption}: a caption file per image from the seed's metadata keys. */
@Command(name = "caption", sortOptions = false,
        description = {"Write a caption <stem>.txt beside each image from its metadata (run 'aniprep metadata' first): "
                + "count, characters, general, facepos and tags, each with its own inclusion probability, e.g.",
                "  2people, KuraueHinata AobaKokona, anishot yamaS2EP04, fvp 42 70 fhp 22 39 fvp 15 37 fhp 62 75, backpack, ...",
                "Settings: defaults < --config FILE (TOML) < options given here. Same seed, same captions.",
                "Writes <src>/core_tags.json (each character's core tags) unless --no-core-tags or --core-tags-file FILE."})
public final class CaptionCommand extends StageCommand<CaptionStage.Options> {
    @Mixin
    CaptionStage.Options options = new CaptionStage.Options();

    @Override
    protected Stage<CaptionStage.Options> stage() {
        return new CaptionStage();
    }

    @Override
    protected CaptionStage.Options options() {
        return options;
    }
}
