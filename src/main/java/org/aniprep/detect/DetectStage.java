package org.aniprep.detect;

import org.aniprep.console.Problems;
import org.aniprep.model.ModelCache;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.ModelOptions;
import org.aniprep.pipeline.PerImageStage;
import org.aniprep.pipeline.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The detect stage: faces, heads and persons into the sidecars, optionally crops ({@link DetectRun}). */
public final class DetectStage implements PerImageStage<DetectStage.Options, DetectRun.Plan> {
    private static final Logger LOG = LoggerFactory.getLogger(DetectStage.class);

    /** {@code aniprep detect}'s options (and {@code detect.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
        public Path src;

        @Option(names = "--faces", description = "Detect faces (the default when no detector is chosen).")
        public boolean faces;

        @Option(names = "--heads", description = "Detect heads (YOLO " + YoloModels.HEAD + ").")
        public boolean heads;

        @Option(names = "--persons", description = "Detect persons (YOLO " + YoloModels.PERSON + ").")
        public boolean persons;

        @Option(names = "--face-model", paramLabel = "yolo|faceboxes|cascade|combined|ID|PATH",
                description = "Face detector: 'yolo' (" + YoloModels.FACE + "), 'faceboxes' (the bundled FaceBoxes model), 'cascade' "
                        + "(the bundled lbpcascade_animeface), 'combined' (FaceBoxes + cascade merged), a built-in id ('aniprep models list'), "
                        + "a YOLO or FaceBoxes .onnx, or a cascade .xml. Default: yolo when its model is on the machine, else combined.")
        public String faceModel;

        @Option(names = "--head-model", defaultValue = YoloModels.HEAD, description = "Head detector id or path. Default: ${DEFAULT-VALUE}.")
        public String headModel;

        @Option(names = "--person-model", defaultValue = YoloModels.PERSON, description = "Person detector id or path. Default: ${DEFAULT-VALUE}.")
        public String personModel;

        @Option(names = "--min-face-score", paramLabel = "X",
                description = "Drop faces scoring below X (YOLO, FaceBoxes, combined: 0-1 on top of the model's own threshold; "
                        + "cascade: votes, about 10-200).")
        public Double minFaceScore;

        @Option(names = "--crop", defaultValue = "none", paramLabel = "faces|heads|persons|none",
                description = "Cut crops out of each frame (new images with their own sidecars). Default: ${DEFAULT-VALUE}.")
        public CropKind crop;

        @Option(names = "--crop-dst", paramLabel = "DIR", description = "Where crops go. Default: <src>/_crops.")
        public Path cropDst;

        @Option(names = "--batch", defaultValue = "8", description = "Frames per YOLO inference call (fixed-batch models force theirs). Default: ${DEFAULT-VALUE}.")
        public int batch;

        @Option(names = "--overwrite", description = "Detect again images that already have results from these detectors.")
        public boolean overwrite;

        @Mixin
        public ModelOptions models = new ModelOptions();

        /** Faces are detected when asked for, or when no detector is chosen. */
        boolean wantFaces() {
            return faces || !heads && !persons;
        }

        Path cropFolder() {
            return cropDst != null ? cropDst : src.resolve("_crops");
        }
    }

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public void check(Options o) {
        BadOptions.requireFolder("--src", o.src);
        BadOptions.requirePositive("--batch", o.batch);
        boolean has = switch (o.crop) {
            case FACES -> o.wantFaces();
            case HEADS -> o.heads;
            case PERSONS -> o.persons;
            case NONE -> true;
        };
        if (!has) {
            String kind = o.crop.name().toLowerCase(Locale.ROOT);
            throw new BadOptions("--crop " + kind + " needs --" + kind);
        }
    }

    /** A detector named by the options whose model is not on the machine (and cannot be downloaded). */
    @Override
    public Optional<String> unavailable(Options o) {
        DetectorFactory factory = factory(o);
        try {
            if (o.wantFaces()) {
                factory.requireFace(o.faceModel);
            }
            if (o.heads) {
                factory.requireYolo(o.headModel, "head");
            }
            if (o.persons) {
                factory.requireYolo(o.personModel, "person");
            }
            return Optional.empty();
        } catch (ModelException | CascadeException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public List<Path> writes(Options o) {
        List<Path> folders = new ArrayList<>(List.of(o.src));
        if (o.crop != CropKind.NONE && !inside(o.cropFolder(), o.src)) {
            folders.add(o.cropFolder());
        }
        return folders;
    }

    @Override
    public DetectRun.Plan plan(Options o, Problems problems) throws IOException {
        Opened models = models(o);
        for (Detector d : models.set().all()) {
            LOG.info("{} detector: {}", d.kind(), d.name());
        }
        return detectRun(o, models, problems).plan();
    }

    @Override
    public Map<String, Long> process(Options o, List<Path> images, Problems problems) {
        DetectRun.Counts c = detectRun(o, models(o), problems).process(images);
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("images", (long) c.detected());
        out.put("faces", (long) c.faces());
        out.put("crops", (long) c.crops());
        return out;
    }

    @Override
    public StageResult summarise(Options o, DetectRun.Plan plan, Map<String, Long> counts, Problems problems) {
        Opened models = models(o);
        DetectorSet set = models.set();
        DetectRun.Counts done = new DetectRun.Counts(counts.getOrDefault("images", 0L).intValue(),
                counts.getOrDefault("faces", 0L).intValue(), counts.getOrDefault("crops", 0L).intValue());
        DetectRun.Summary s = detectRun(o, models, problems).finish(plan, done);
        String names = String.join(", ", set.all().stream().map(d -> d.kind() + " detector " + d.name()).toList());
        return StageResult.of(String.format("detected %d image(s) (%d faces), %d skipped, %d failed%s; %s", s.detected(), s.faces(),
                        s.skipped(), s.failed(), o.crop == CropKind.NONE ? "" : "; " + s.crops() + " new crop(s) in " + o.cropFolder(), names),
                "images", s.detected(), "faces", s.faces(), "crops", s.crops(), "skipped", s.skipped(), "failed", s.failed())
                .withModels(set.all().stream().map(d -> d.kind() + " detector: " + d.name()
                        + (d == set.face() ? models.fallback().map(f -> " (" + f + ")").orElse("") : "")).toList());
    }

    private static DetectRun detectRun(Options o, Opened models, Problems problems) {
        return new DetectRun(models.set(), new DetectOptions(o.src, o.minFaceScore, o.crop, o.cropFolder(), o.overwrite, o.batch), problems);
    }

    /** The detectors of a run and why the default face detector fell back, if it did: opened once per JVM. */
    record Opened(DetectorSet set, Optional<String> fallback) {
    }

    private static Opened models(Options o) {
        String key = String.join("|", String.valueOf(o.wantFaces()), String.valueOf(o.faceModel), String.valueOf(o.heads),
                o.headModel, String.valueOf(o.persons), o.personModel, o.models.settings().toString());
        return ModelCache.get(key, Opened.class, () -> {
            DetectorFactory factory = factory(o);
            DetectorSet set = open(o, factory);
            return new Opened(set, factory.fallback());
        });
    }

    private static boolean inside(Path folder, Path root) {
        return folder.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }

    private static DetectorFactory factory(Options o) {
        return new DetectorFactory(new ModelResolver(o.models.settings()));
    }

    /** A model that fails to open (a damaged or foreign file) is a bad option: nothing was done yet. */
    private static DetectorSet open(Options o, DetectorFactory factory) {
        Detector face = null;
        Detector head = null;
        try {
            face = o.wantFaces() ? factory.face(o.faceModel) : null;
            head = o.heads ? factory.yolo(o.headModel, "head") : null;
            Detector person = o.persons ? factory.yolo(o.personModel, "person") : null;
            return new DetectorSet(face, head, person);
        } catch (ModelException | CascadeException e) {
            new DetectorSet(face, head, null).close();
            throw new BadOptions(e.getMessage());
        }
    }
}
