package org.aniprep.detect;

import org.aniprep.model.ModelFile;
import org.aniprep.model.ModelSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * deepghs' YOLO detectors as imgutils runs them (model-specs.md §2.1): one folder per variant in the
 * repo with {@code model.onnx} (and an optional {@code model_type.json}); input {@code images},
 * output {@code output0}; size and labels from the ONNX metadata. Defaults are imgutils'.
 */
public final class YoloModels {
    public static final String FACE = "face_detect_v1.4_s";
    public static final String HEAD = "head_detect_v2.0_s";
    public static final String PERSON = "person_detect_v1.1_m";
    /** Param: which detector family processes the model ({@code yolo}, {@code faceboxes}). */
    public static final String FAMILY = "family";
    public static final String YOLO = "yolo";
    public static final String KIND = "kind";
    public static final String CONF = "conf";
    public static final String IOU = "iou";

    private YoloModels() {
    }

    public static List<ModelSpec> specs() {
        List<ModelSpec> specs = new ArrayList<>();
        specs.add(spec(FACE, "deepghs/anime_face_detection", "face", 0.25, 0.7, "anime face detector, YOLOv8s (default)"));
        specs.add(spec("face_detect_v1.4_n", "deepghs/anime_face_detection", "face", 0.25, 0.7, "anime face detector, YOLOv8n"));
        specs.add(spec(HEAD, "deepghs/anime_head_detection", "head", 0.4, 0.7, "anime head detector, YOLOv8s (default)"));
        specs.add(spec("head_detect_v2.0_n", "deepghs/anime_head_detection", "head", 0.4, 0.7, "anime head detector, YOLOv8n"));
        specs.add(spec(PERSON, "deepghs/anime_person_detection", "person", 0.3, 0.5, "anime person detector, YOLOv8m (default)"));
        specs.add(spec("person_detect_v1.1_s", "deepghs/anime_person_detection", "person", 0.3, 0.5, "anime person detector, YOLOv8s"));
        return specs;
    }

    static ModelSpec spec(String variant, String repo, String kind, double conf, double iou, String description) {
        return new ModelSpec(variant, repo, "main",
                List.of(ModelFile.required(variant + "/model.onnx", ModelFile.MODEL),
                        ModelFile.optional(variant + "/model_type.json", "model_type")),
                ModelSpec.Task.DETECTOR, "images", "output0",
                Map.of(FAMILY, YOLO, KIND, kind, CONF, String.valueOf(conf), IOU, String.valueOf(iou)), description);
    }

    /** A detector given by path: processed like the built-in default of its kind. */
    public static ModelSpec forPath(Path model, String kind) {
        ModelSpec base = specs().stream()
                .filter(s -> s.param(KIND, "").equals(kind)).findFirst().orElseThrow();
        return new ModelSpec(model.toAbsolutePath().normalize().toString(), base.repo(), base.revision(),
                List.of(ModelFile.required(model.getFileName().toString(), ModelFile.MODEL)),
                base.task(), null, null, base.params(), kind + " detector from " + model);
    }
}
