package org.aniprep.cli;

import org.aniprep.dataset.metadata.MetadataStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep metadata}: the seed's count/characters/general/facepos/tags in every sidecar. */
@Command(name = "metadata",
        description = {"Fill the seed's metadata keys (count, characters, general, facepos, tags) at the top level of each "
                + "image's sidecar, from the source, detect, tag and classify sections.",
                "Example result: {\"count\": \"2\", \"characters\": [\"KuraueHinata\", \"AobaKokona\"], \"general\": "
                        + "\"anishot yamaS2EP04\", \"facepos\": [\"fvp 42 70 fhp 22 39\", \"fvp 15 37 fhp 62 75\"], \"tags\": [...]}",
                "Keys edited by hand since metadata wrote them are kept (reported) unless --overwrite."})
public final class MetadataCommand extends StageCommand<MetadataStage.Options> {
    @Mixin
    MetadataStage.Options options = new MetadataStage.Options();

    @Override
    protected Stage<MetadataStage.Options> stage() {
        return new MetadataStage();
    }

    @Override
    protected MetadataStage.Options options() {
        return options;
    }
}
