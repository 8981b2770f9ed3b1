package org.aniprep.cli;

import org.aniprep.detect.DetectStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aniprep detect}: faces, heads and persons into the sidecars; optional crops. */
@Command(name = "detect", description = {"Detect anime faces, heads and persons; write boxes, face count, facepos and the "
        + "face height bucket into each image's sidecar; optionally crop.",
        "Faces: the deepghs YOLO face model when it is on the machine; otherwise (and with --face-model combined) the "
                + "offline detector shipped inside aniprep: FaceBoxes and the lbpcascade_animeface cascade, merged by overlap."})
public final class DetectCommand extends StageCommand<DetectStage.Options> {
    @Mixin
    DetectStage.Options options = new DetectStage.Options();

    @Override
    protected Stage<DetectStage.Options> stage() {
        return new DetectStage();
    }

    @Override
    protected DetectStage.Options options() {
        return options;
    }
}
