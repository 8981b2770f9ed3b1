package org.aniprep.detect;

import org.aniprep.model.ModelFile;
import org.aniprep.model.ModelSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code faceboxes} detector family: FaceBoxes (Zhang et al. 2017) trained on danbooru2018 anime
 * faces by WynMew/AnimeFaceBoxes, exported to ONNX. 4 MB, Apache-2.0, shipped inside aniprep (see
 * anime_faceboxes.NOTICE) so the default face detector works offline; a model folder
 * ({@code ANIPREP_MODEL_PATH}) or an explicit path overrides the bundled copy. The parameters are
 * the original repository's ({@code data/config.py}, {@code test.py}; shared/models/README.md).
 */
public final class FaceBoxesModels {
    public static final String ID = "anime_faceboxes";
    public static final String FAMILY = "faceboxes";
    public static final String FILE = "anime_faceboxes.onnx";
    public static final String SHA256 = "1c06d5a5faae2fe6de685af40950601e424d294393b3aa53ab0005123b8c6ae3";
    /** GitHub repository and commit of the weights; there is no Hugging Face copy, so it is never downloaded. */
    public static final String REPO = "WynMew/AnimeFaceBoxes";
    public static final String COMMIT = "025b5e0a265e971d03cf850d67a52dad2ab392c6";

    static final String LOC = "loc_output";
    static final String CONF_OUTPUT = "conf_output";
    static final String MEAN_BGR = "mean_bgr";
    static final String VARIANCES = "variances";
    static final String STEPS = "steps";
    static final String MIN_SIZES = "min_sizes";
    static final String TOP_SHIFT = "top_shift";
    static final String FACE_FIT = "face_fit";
    static final String INPUT_SIDES = "input_sides";
    static final String SIZE_MULTIPLE = "size_multiple";

    private FaceBoxesModels() {
    }

    public static final ModelSpec SPEC = spec(ID, List.of(ModelFile.required(FILE, ModelFile.MODEL).withSha256(SHA256)),
            "anime face detector, FaceBoxes (danbooru2018; bundled, offline)", true);

    static ModelSpec spec(String id, List<ModelFile> files, String description, boolean bundled) {
        Map<String, String> params = new java.util.HashMap<>(Map.ofEntries(
                Map.entry(YoloModels.FAMILY, FAMILY),
                Map.entry(YoloModels.KIND, "face"),
                Map.entry(YoloModels.CONF, "0.5"),
                Map.entry(YoloModels.IOU, "0.3"),
                Map.entry(LOC, "loc"),
                Map.entry(CONF_OUTPUT, "conf"),
                Map.entry(MEAN_BGR, "104,117,123"),
                Map.entry(VARIANCES, "0.1,0.2"),
                Map.entry(STEPS, "32,64,128"),
                Map.entry(MIN_SIZES, "32 64 128,256,512"),
                // the model's boxes include the hair above the forehead; the original evaluation drops 0.2 of the height
                Map.entry(TOP_SHIFT, "0.2"),
                // then onto aniprep's fringe-to-chin face box (BoxFit: width, height, centre shift down), docs/detect.md
                Map.entry(FACE_FIT, "0.63,0.78,0.03"),
                // two passes, the frame's longer side at 1280 (large faces, close-ups) and 1920 (small faces)
                Map.entry(INPUT_SIDES, "1280,1920"),
                Map.entry(SIZE_MULTIPLE, "128")));
        if (bundled) {
            params.put(ModelSpec.BUNDLED, "org/aniprep/detect");
        }
        return new ModelSpec(id, REPO, COMMIT, files, ModelSpec.Task.DETECTOR, "input", null, params, description);
    }

    /** A FaceBoxes model given by path: processed like the bundled one. */
    public static ModelSpec forPath(Path model) {
        return spec(model.toAbsolutePath().normalize().toString(),
                List.of(ModelFile.required(model.getFileName().toString(), ModelFile.MODEL)),
                "FaceBoxes face detector from " + model, false);
    }
}
