package org.aniprep.cli;

import org.aniprep.character.ClassifyStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep classify}: names faces from a reference folder, clusters the rest. */
@Command(name = "classify", description = {"Identify the characters of every face: the nearest reference character within the "
        + "threshold, else unknown; unknown look-alikes are clustered (HDBSCAN) and given readable names. Results go into each "
        + "image's sidecar (section classify) and _report/classify.html.",
        "References: refs/<Name>/* (any images; the largest face of each is used), refs/noise*/ for people not to be labelled.",
        "Images without detection results are first run through the default face detector (as 'aniprep detect' would)."})
public final class ClassifyCommand extends StageCommand<ClassifyStage.Options> {
    @Mixin
    ClassifyStage.Options options = new ClassifyStage.Options();

    @Override
    protected Stage<ClassifyStage.Options> stage() {
        return new ClassifyStage();
    }

    @Override
    protected ClassifyStage.Options options() {
        return options;
    }
}
