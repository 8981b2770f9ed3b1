package org.aniprep.detect;

import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens the detectors a run asks for. The face detector is the YOLO face model unless
 * {@code cascade} is chosen; when the default YOLO face model cannot be had (offline, not cached),
 * the cascade takes over with one info line. A model named explicitly must be there.
 */
public final class DetectorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DetectorFactory.class);
    public static final String CASCADE = "cascade";

    private final ModelResolver resolver;

    public DetectorFactory(ModelResolver resolver) {
        this.resolver = resolver;
    }

    /** @param faceModel null for the default, {@code cascade}, a built-in id or a path */
    public Detector face(String faceModel) {
        if (CASCADE.equalsIgnoreCase(faceModel) || faceModel != null && faceModel.endsWith(".xml")) {
            return cascade(faceModel.endsWith(".xml") ? Path.of(faceModel) : null);
        }
        if (faceModel != null) {
            return YoloDetector.open(faceModel, "face", resolver);
        }
        try {
            return YoloDetector.open(YoloModels.FACE, "face", resolver);
        } catch (ModelException e) {
            LOG.info("YOLO face model {} is not available (offline or not downloaded); using the {} cascade instead",
                    YoloModels.FACE, FaceCascade.NAME);
            LOG.debug("{}", e.getMessage());
            return cascade(null);
        }
    }

    public Detector yolo(String model, String kind) {
        return YoloDetector.open(model, kind, resolver);
    }

    private FaceCascade cascade(Path explicit) {
        List<Path> dirs = resolver.settings().extraDirs();
        Path file = explicit != null ? explicit : FaceCascade.locate(dirs).orElseThrow(() -> new CascadeException(
                "face cascade " + FaceCascade.FILE_NAME + " not found in the model folders (" + (dirs.isEmpty() ? "ANIPREP_MODEL_PATH is not set" : dirs.toString())
                        + "); put it in a folder listed in ANIPREP_MODEL_PATH"));
        return FaceCascade.load(file, FaceCascade.Settings.DEFAULT);
    }
}
