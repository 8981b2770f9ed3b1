package org.aniprep.detect;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.io.MediaFiles;
import org.aniprep.model.BatchPipeline;
import org.aniprep.model.OnnxSessions;
import org.aniprep.pipeline.PerImage;
import org.aniprep.report.ThumbnailStore;
import org.aniprep.sidecar.CropInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.PendingImages;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.Reviews;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aniprep detect}: runs the chosen detectors on every image under a folder and writes the
 * {@code detect} section of each sidecar, then (optionally) crops. Decoding, the frame-by-frame face
 * detectors (FaceBoxes, the cascade, both combined) and YOLO preprocessing run on worker threads;
 * YOLO inference runs in batches on the calling thread.
 */
public final class DetectRun {
    private static final Logger LOG = LoggerFactory.getLogger(DetectRun.class);

    private final DetectorSet detectors;
    private final DetectOptions options;
    private final Problems problems;
    private final ImageLoader loader = new ImageLoader();
    private final Cropper cropper;
    /** The report's thumbnails, made while each frame is decoded here anyway. */
    private final ThumbnailStore thumbs;

    public DetectRun(DetectorSet detectors, DetectOptions options, Problems problems) {
        this.detectors = detectors;
        this.options = options;
        this.problems = problems;
        this.cropper = options.crop() == CropKind.NONE ? null : new Cropper(options.src(), options.cropDst(), options.crop());
        this.thumbs = ThumbnailStore.at(DetectReport.folder(options.src()), loader, (f, why) -> { });
    }

    /** Counts of one run. */
    public record Summary(int detected, int skipped, int failed, int faces, int crops) {
    }

    /** {@code frameFaces}: faces found on the worker thread by a detector that works frame by frame (not YOLO). */
    private record Prepared(RgbImage image, Map<String, float[]> inputs, List<Detection> frameFaces) {
    }

    private record Found(RgbImage image, Map<String, List<Detection>> byKind) {
    }

    /** The images of a run ({@code images}, for the report), those still to do, and what was skipped. */
    public record Plan(List<Path> images, List<Path> remaining, int skipped, int failedBefore) implements PerImage.Plan {
        @Override
        public List<Path> todo() {
            return remaining;
        }
    }

    /** Frames detected, faces found and crops written by {@link #process}. */
    public record Counts(int detected, int faces, int crops) {
    }

    public Summary run() throws IOException {
        Plan plan = plan();
        return finish(plan, process(plan.remaining()));
    }

    /** Which images are still to do (the records say which are done). */
    public Plan plan() throws IOException {
        int failedBefore = problems.count(); // every image reported from here on counts as failed, as in the summary
        Set<Path> skipDirs = Set.of(options.cropDst().toAbsolutePath().normalize());
        List<Path> all = MediaFiles.find(options.src(), true, null, MediaFiles::isImage, problems::add, skipDirs);
        Path root = options.src().toAbsolutePath().normalize();
        List<Path> images = all.stream().filter(i -> !isCropOfAFrameIn(i, root)).toList();
        if (images.size() < all.size()) {
            LOG.info("{} crop(s) of frames in {} left out (this stage's own output, wherever --crop-dst put it)",
                    all.size() - images.size(), options.src());
        }
        PendingImages pending = PendingImages.select(images, options.overwrite(), this::alreadyDone, problems);
        if (pending.skipped() > 0) {
            LOG.info("{} image(s) already detected, skipped (--overwrite detects them again)", pending.skipped());
        }
        return new Plan(images, pending.remaining(), pending.skipped(), failedBefore);
    }

    /** Detects {@code remaining} (some or all of a plan's) and writes their sections and crops; bad images go to the problems. */
    public Counts process(List<Path> remaining) {
        int[] counts = new int[3];
        if (remaining.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        List<YoloDetector> yolo = detectors.yolo();
        try (Progress progress = Progress.start("detect", "img", remaining.size())) {
            BatchPipeline.run(remaining, pipelineOptions(yolo), this::prepare, batch -> infer(batch, yolo),
                    (image, found) -> {
                        deliver(image, found, counts);
                        progress.step();
                    },
                    (image, error) -> {
                        problems.add(image, error.getMessage() == null ? error.toString() : error.getMessage());
                        progress.step();
                    });
        }
        return new Counts(counts[0], counts[1], counts[2]);
    }

    /** The report over every image of the plan, and the run's counts. */
    public Summary finish(Plan plan, Counts done) {
        writeReport(plan.images());
        return new Summary(done.detected(), plan.skipped(), problems.count() - plan.failedBefore(), done.faces(), done.crops());
    }

    private void writeReport(List<Path> images) {
        List<DetectReport.Entry> entries = new ArrayList<>();
        for (Path image : images) {
            try {
                SidecarStore.read(image).get(DetectInfo.SECTION, DetectInfo.class)
                        .filter(i -> i.width() != null && i.height() != null)
                        .ifPresent(i -> entries.add(new DetectReport.Entry(image, i)));
            } catch (SidecarException e) {
                // already reported when the run looked at this image
            }
        }
        try {
            Path page = DetectReport.write(options.src(), entries);
            LOG.info("report: {}", page);
        } catch (IOException e) {
            problems.add(options.src().resolve(DetectReport.FILE), "cannot write the report (" + e.getMessage() + ")");
        }
    }

    private BatchPipeline.Options pipelineOptions(List<YoloDetector> yolo) {
        int cores = OnnxSessions.defaultThreads();
        if (yolo.isEmpty()) {
            return new BatchPipeline.Options(1, cores, 2 * cores);
        }
        int batch = options.batch();
        for (YoloDetector d : yolo) {
            if (d.fixedBatch() > 0) {
                batch = d.fixedBatch();
            }
        }
        return BatchPipeline.Options.forBatch(batch);
    }

    /** A crop cut by this stage out of a frame under {@code root}: never an input of the same folder's run. */
    private static boolean isCropOfAFrameIn(Path image, Path root) {
        try {
            return SidecarStore.read(image).get(CropInfo.SECTION, CropInfo.class)
                    .map(c -> c.source() != null && Path.of(c.source()).toAbsolutePath().normalize().startsWith(root))
                    .orElse(false);
        } catch (SidecarException | java.nio.file.InvalidPathException e) {
            return false; // an unreadable sidecar is reported when the run looks at the image
        }
    }

    private boolean alreadyDone(Path image) {
        DetectInfo info = SidecarStore.read(image).get(DetectInfo.SECTION, DetectInfo.class).orElse(null);
        if (info == null || info.width() == null || info.height() == null) {
            return false;
        }
        for (Detector d : detectors.all()) {
            DetectInfo.Boxes b = info.of(d.kind());
            if (b == null || !d.name().equals(b.detector())) {
                return false;
            }
        }
        ReviewInfo review = Reviews.of(image);
        if (holdsNotAFace(info, review)) {
            info = dropNotAFace(image, info, review);
        }
        if (cropper != null) {
            DetectInfo.Boxes b = info.of(options.crop().detectorKind());
            return b != null && cropper.done(image, toDetections(b), info.width(), info.height());
        }
        return true;
    }

    private Prepared prepare(Path file) throws IOException {
        RgbImage image = loader.load(file);
        thumbs.offer(file, image);
        Map<String, float[]> inputs = new HashMap<>();
        for (YoloDetector d : detectors.yolo()) {
            inputs.computeIfAbsent(d.inputWidth() + "x" + d.inputHeight(), k -> d.preprocess(image));
        }
        Detector face = detectors.face();
        List<Detection> frameFaces = face != null && !(face instanceof YoloDetector) ? face.detect(image) : null;
        return new Prepared(image, inputs, frameFaces);
    }

    private List<Found> infer(List<Prepared> batch, List<YoloDetector> yolo) {
        List<Map<String, List<Detection>>> byItem = new ArrayList<>();
        for (Prepared p : batch) {
            Map<String, List<Detection>> m = new LinkedHashMap<>();
            if (p.frameFaces() != null) {
                m.put("face", p.frameFaces());
            }
            byItem.add(m);
        }
        for (YoloDetector d : yolo) {
            String key = d.inputWidth() + "x" + d.inputHeight();
            List<float[]> raw = d.infer(batch.stream().map(p -> p.inputs().get(key)).toList());
            for (int i = 0; i < batch.size(); i++) {
                RgbImage img = batch.get(i).image();
                byItem.get(i).put(d.kind(), d.decode(raw.get(i), img.width(), img.height()));
            }
        }
        List<Found> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(new Found(batch.get(i).image(), byItem.get(i)));
        }
        return out;
    }

    private void deliver(Path file, Found found, int[] counts) throws IOException {
        RgbImage img = found.image();
        Map<String, List<Detection>> byKind = new LinkedHashMap<>(found.byKind());
        if (options.minFaceScore() != null && byKind.containsKey("face")) {
            byKind.put("face", byKind.get("face").stream().filter(d -> d.score() >= options.minFaceScore()).toList());
        }
        ReviewInfo review = Reviews.of(file);
        for (String kind : List.of("face", "head")) {
            if (byKind.containsKey(kind)) {
                byKind.put(kind, withoutNotAFace(byKind.get(kind), kind, review));
            }
        }
        SidecarStore.update(file, s -> {
            s.fitTo(img.width(), img.height()); // the image changed size: older boxes no longer apply
            DetectInfo info = s.get(DetectInfo.SECTION, DetectInfo.class).orElse(DetectInfo.empty()).withSize(img.width(), img.height());
            for (Map.Entry<String, List<Detection>> e : byKind.entrySet()) {
                info = DetectSections.with(info, e.getKey(), detectors.of(e.getKey()).name(), e.getValue(), img.width(), img.height());
            }
            return s.put(DetectInfo.SECTION, info);
        });
        counts[0]++;
        counts[1] += byKind.getOrDefault("face", List.of()).size();
        if (cropper != null) {
            // the command only allows --crop of a kind this run detects
            String kind = options.crop().detectorKind();
            counts[2] += cropper.crop(file, img, byKind.getOrDefault(kind, List.of()), detectors.of(kind).name()).written();
        }
    }

    /** {@code found} less the boxes the user marked not-a-face (docs/sidecar.md "The review section"). */
    static List<Detection> withoutNotAFace(List<Detection> found, String kind, ReviewInfo review) {
        if (review.faces().stream().noneMatch(ReviewInfo.Face::isNotAFace)) {
            return found;
        }
        return found.stream().filter(d -> !review.notAFace(kind, List.of(d.x0(), d.y0(), d.x1(), d.y1()))).toList();
    }

    /**
     * The recorded boxes less those the user marked not-a-face, written back: the frame is not detected
     * again, so its other boxes (and the decisions pinned to them) stay exactly as they were.
     */
    private static DetectInfo dropNotAFace(Path image, DetectInfo info, ReviewInfo review) {
        DetectInfo out = info;
        for (String kind : List.of("face", "head")) {
            DetectInfo.Boxes b = out.of(kind);
            if (b != null) {
                out = DetectSections.with(out, kind, b.detector(), withoutNotAFace(toDetections(b), kind, review), info.width(), info.height());
            }
        }
        DetectInfo kept = out;
        SidecarStore.update(image, s -> s.put(DetectInfo.SECTION, kept));
        return kept;
    }

    /** True when the section still holds a box the user marked not-a-face (it is dropped from the recorded boxes). */
    private static boolean holdsNotAFace(DetectInfo info, ReviewInfo review) {
        for (String kind : List.of("face", "head")) {
            DetectInfo.Boxes b = info.of(kind);
            if (b != null && b.boxes().stream().anyMatch(x -> review.notAFace(kind, x.box()))) {
                return true;
            }
        }
        return false;
    }

    static List<Detection> toDetections(DetectInfo.Boxes boxes) {
        List<Detection> out = new ArrayList<>();
        for (DetectInfo.Box b : boxes.boxes()) {
            List<Integer> p = b.box();
            out.add(new Detection(p.get(0), p.get(1), p.get(2), p.get(3), b.label(), (float) b.score()));
        }
        return out;
    }
}
