package org.aniprep.detect;

import org.aniprep.model.ModelException;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.OnnxSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens the detectors a run asks for. Faces: the YOLO face model when it is on the machine (or can
 * be downloaded); otherwise, with one info line, the offline detector — FaceBoxes and the cascade
 * combined ({@link CombinedFaceDetector}), both shipped inside aniprep. {@code --face-model} chooses
 * one explicitly: {@code yolo}, {@code faceboxes}, {@code cascade}, {@code combined}, a built-in id
 * or a path; a model named explicitly must be there.
 */
public final class DetectorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DetectorFactory.class);
    public static final String YOLO = "yolo";
    public static final String FACEBOXES = FaceBoxesModels.FAMILY;
    public static final String CASCADE = "cascade";
    public static final String COMBINED = "combined";
    /** The face detectors {@code --face-model} accepts by name (besides built-in ids and paths). */
    public static final List<String> FACE_CHOICES = List.of(YOLO, FACEBOXES, CASCADE, COMBINED);

    private final ModelResolver resolver;
    private String fallback;

    public DetectorFactory(ModelResolver resolver) {
        this.resolver = resolver;
    }

    /** Why the default face detector fell back to the offline one (for the run report); empty when it did not. */
    public Optional<String> fallback() {
        return Optional.ofNullable(fallback);
    }

    /** @param faceModel null for the default, a name of {@link #FACE_CHOICES}, a built-in id or a path */
    public Detector face(String faceModel) {
        if (faceModel == null) {
            try {
                return YoloDetector.open(YoloModels.FACE, "face", resolver);
            } catch (ModelException e) {
                fallback = resolver.settings().offline()
                        ? "YOLO face model " + YoloModels.FACE + " is not on this machine (offline)"
                        : "YOLO face model " + YoloModels.FACE + " could not be downloaded (" + ModelException.firstLine(e) + ")";
                if (ModelResolver.toldBefore(e)) {
                    LOG.debug("{}; using the offline face detector", fallback);
                } else {
                    LOG.info("{}; using the offline face detector (FaceBoxes + the {} cascade) instead", fallback, FaceCascade.NAME);
                }
                LOG.debug("{}", e.getMessage());
                return combined();
            }
        }
        switch (faceModel.toLowerCase(Locale.ROOT)) {
            case YOLO:
                return YoloDetector.open(YoloModels.FACE, "face", resolver);
            case FACEBOXES:
                return FaceBoxesDetector.open(null, resolver);
            case CASCADE:
                return cascade(null);
            case COMBINED:
                return combined();
            default:
                break;
        }
        if (faceModel.endsWith(".xml")) {
            return cascade(Path.of(faceModel));
        }
        Optional<ModelSpec> builtIn = ModelRegistry.find(faceModel);
        if (builtIn.isPresent() && FaceBoxesModels.FAMILY.equals(builtIn.get().param(YoloModels.FAMILY, ""))) {
            return FaceBoxesDetector.open(builtIn.get().id(), resolver);
        }
        Path p = Path.of(faceModel);
        if (builtIn.isEmpty() && Files.isRegularFile(p) && isFaceBoxes(p)) {
            return FaceBoxesDetector.open(faceModel, resolver);
        }
        return YoloDetector.open(faceModel, "face", resolver);
    }

    /**
     * Finds the model files a {@code --face-model} choice needs (downloading when allowed) without
     * opening them; a {@link ModelException} says what is missing and how to get it. The default
     * (null) always has the offline detector to fall back on; the bundled detectors and files given
     * by path are on the machine (a damaged one shows when it is opened).
     */
    public void requireFace(String faceModel) {
        if (faceModel == null || Files.exists(Path.of(faceModel)) && ModelRegistry.find(faceModel).isEmpty()) {
            return;
        }
        switch (faceModel.toLowerCase(Locale.ROOT)) {
            case YOLO -> YoloDetector.resolve(YoloModels.FACE, "face", resolver);
            case FACEBOXES, CASCADE, COMBINED -> {
            }
            default -> {
                Optional<ModelSpec> builtIn = ModelRegistry.find(faceModel);
                if (builtIn.isPresent() && FaceBoxesModels.FAMILY.equals(builtIn.get().param(YoloModels.FAMILY, ""))) {
                    resolver.resolve(builtIn.get());
                } else if (!faceModel.endsWith(".xml")) {
                    YoloDetector.resolve(faceModel, "face", resolver);
                }
            }
        }
    }

    /** {@link #requireFace} for a head or person detector. */
    public void requireYolo(String model, String kind) {
        YoloDetector.resolve(model, kind, resolver);
    }

    public Detector yolo(String model, String kind) {
        return YoloDetector.open(model, kind, resolver);
    }

    /** FaceBoxes + the cascade, merged by overlap: the offline default. */
    public CombinedFaceDetector combined() {
        return combined(CombinedFaceDetector.Settings.DEFAULT);
    }

    public CombinedFaceDetector combined(CombinedFaceDetector.Settings settings) {
        return new CombinedFaceDetector(FaceBoxesDetector.open(null, resolver), cascade(null), settings);
    }

    /** A FaceBoxes export has the outputs {@code loc} and {@code conf}; a YOLO one {@code output0}. */
    private boolean isFaceBoxes(Path onnx) {
        // the session YOLO would use; FaceBoxes then opens its own single-threaded one
        var names = OnnxSessions.open(onnx, resolver.settings().device()).outputs().stream().map(t -> t.name()).toList();
        return names.contains("loc") && names.contains("conf");
    }

    private FaceCascade cascade(Path explicit) {
        List<Path> dirs = resolver.settings().extraDirs();
        Path file = explicit != null ? explicit : FaceCascade.locate(dirs).orElseThrow(() -> new CascadeException(
                "face cascade " + FaceCascade.FILE_NAME + " not found in the model folders (" + (dirs.isEmpty() ? "ANIPREP_MODEL_PATH is not set" : dirs.toString())
                        + "); put it in a folder listed in ANIPREP_MODEL_PATH"));
        return FaceCascade.load(file, FaceCascade.Settings.DEFAULT);
    }
}
