package org.aniprep.detect;

import org.aniprep.model.ModelCatalog;
import org.aniprep.model.ModelSpec;

import java.util.ArrayList;
import java.util.List;

/** The detect stage's built-in models: deepghs' YOLO detectors and the bundled FaceBoxes face detector. */
public final class DetectModels implements ModelCatalog {
    @Override
    public List<ModelSpec> models() {
        List<ModelSpec> all = new ArrayList<>(YoloModels.specs());
        all.add(FaceBoxesModels.SPEC);
        return all;
    }
}
