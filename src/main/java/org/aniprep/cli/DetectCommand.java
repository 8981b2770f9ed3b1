package org.aniprep.cli;

import org.aniprep.pipeline.ModelOptions;
import org.aniprep.console.Problems;
import org.aniprep.detect.CascadeException;
import org.aniprep.detect.CropKind;
import org.aniprep.detect.DetectOptions;
import org.aniprep.detect.DetectRun;
import org.aniprep.detect.Detector;
import org.aniprep.detect.DetectorFactory;
import org.aniprep.detect.DetectorSet;
import org.aniprep.detect.YoloModels;
import org.aniprep.io.FolderLock;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aniprep detect}: faces, heads and persons into the sidecars; optional crops. */
@Command(name = "detect", description = {"Detect anime faces, heads and persons; write boxes, face count, facepos and the "
        + "face height bucket into each image's sidecar; optionally crop.",
        "Faces: the deepghs YOLO face model when it is on the machine; otherwise (and with --face-model combined) the "
                + "offline detector shipped inside aniprep: FaceBoxes and the lbpcascade_animeface cascade, merged by overlap."})
public final class DetectCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DetectCommand.class);

    @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
    Path src;

    @Option(names = "--faces", description = "Detect faces (the default when no detector is chosen).")
    boolean faces;

    @Option(names = "--heads", description = "Detect heads (YOLO " + YoloModels.HEAD + ").")
    boolean heads;

    @Option(names = "--persons", description = "Detect persons (YOLO " + YoloModels.PERSON + ").")
    boolean persons;

    @Option(names = "--face-model", paramLabel = "yolo|faceboxes|cascade|combined|ID|PATH",
            description = "Face detector: 'yolo' (" + YoloModels.FACE + "), 'faceboxes' (the bundled FaceBoxes model), 'cascade' "
                    + "(the bundled lbpcascade_animeface), 'combined' (FaceBoxes + cascade merged), a built-in id ('aniprep models list'), "
                    + "a YOLO or FaceBoxes .onnx, or a cascade .xml. Default: yolo when its model is on the machine, else combined.")
    String faceModel;

    @Option(names = "--head-model", defaultValue = YoloModels.HEAD, description = "Head detector id or path. Default: ${DEFAULT-VALUE}.")
    String headModel;

    @Option(names = "--person-model", defaultValue = YoloModels.PERSON, description = "Person detector id or path. Default: ${DEFAULT-VALUE}.")
    String personModel;

    @Option(names = "--min-face-score", paramLabel = "X",
            description = "Drop faces scoring below X (YOLO, FaceBoxes, combined: 0-1 on top of the model's own threshold; "
                    + "cascade: votes, about 10-200).")
    Double minFaceScore;

    @Option(names = "--crop", defaultValue = "none", paramLabel = "faces|heads|persons|none",
            description = "Cut crops out of each frame (new images with their own sidecars). Default: ${DEFAULT-VALUE}.")
    CropKind crop;

    @Option(names = "--crop-dst", paramLabel = "DIR", description = "Where crops go. Default: <src>/_crops.")
    Path cropDst;

    @Option(names = "--batch", defaultValue = "8", description = "Frames per YOLO inference call (fixed-batch models force theirs). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--overwrite", description = "Detect again images that already have results from these detectors.")
    boolean overwrite;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    LockOptions locking;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + ": not a folder");
        }
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }
        boolean wantFaces = faces || !heads && !persons;
        if (crop != CropKind.NONE) {
            boolean has = switch (crop) {
                case FACES -> wantFaces;
                case HEADS -> heads;
                case PERSONS -> persons;
                case NONE -> true;
            };
            if (!has) {
                throw new UsageException("--crop " + crop.name().toLowerCase() + " needs --" + crop.name().toLowerCase());
            }
        }
        Path dst = cropDst != null ? cropDst : src.resolve("_crops");
        DetectorFactory factory = new DetectorFactory(new ModelResolver(modelOptions.settings()));
        Problems problems = new Problems();
        boolean cropsOutside = crop != CropKind.NONE && !inside(dst, src);
        try (FolderLock lock = locking.lock(src);
             FolderLock cropLock = cropsOutside ? locking.lock(dst) : null;
             DetectorSet set = open(factory, wantFaces)) {
            for (Detector d : set.all()) {
                LOG.info("{} detector: {}", d.kind(), d.name());
            }
            DetectRun.Summary s = new DetectRun(set, new DetectOptions(src, minFaceScore, crop, dst, overwrite, batch), problems).run();
            LOG.info("detected {} image(s) ({} faces), {} skipped, {} failed{}", s.detected(), s.faces(), s.skipped(), s.failed(),
                    crop == CropKind.NONE ? "" : "; " + s.crops() + " new crop(s) in " + dst);
        }
        return problems.summarize("detect");
    }

    private static boolean inside(Path folder, Path root) {
        return folder.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }

    private DetectorSet open(DetectorFactory factory, boolean wantFaces) {
        try {
            Detector face = wantFaces ? factory.face(faceModel) : null;
            Detector head = heads ? factory.yolo(headModel, "head") : null;
            Detector person = persons ? factory.yolo(personModel, "person") : null;
            return new DetectorSet(face, head, person);
        } catch (ModelException | CascadeException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
