package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.detect.Detection;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detector;
import org.aniprep.image.ImageLoader;
import org.aniprep.report.ThumbnailStore;
import java.nio.file.Path;
import org.aniprep.image.RgbImage;
import org.aniprep.model.BatchPipeline;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Computes the embeddings classify lacks: images are decoded and their faces prepared on worker
 * threads; the embedder runs in batches on the calling thread. An image without detection results
 * is first run through the default face detector, and its {@code detect} section written exactly as
 * {@code aniprep detect} would have, so the face indexes refer to boxes that exist.
 */
final class Embedding {
    private final CharacterEmbedder embedder;
    private final Supplier<Detector> detector;
    private final Problems problems;
    private final ImageLoader loader = new ImageLoader();
    /** The report's head tiles, cut while each frame is decoded here anyway. */
    private final ThumbnailStore thumbs;

    private record Prepared(ImageFaces image, List<ImageFaces.FaceItem> pending, List<float[]> inputs) {
    }

    Embedding(CharacterEmbedder embedder, Supplier<Detector> detector, Path src, Problems problems) {
        this.embedder = embedder;
        this.detector = detector;
        this.problems = problems;
        this.thumbs = ThumbnailStore.at(ClassifyReport.folder(src), loader, (f, why) -> { });
    }

    /**
     * Fills in the missing embeddings, handing each image to {@code done} (on one thread, in order) when its
     * faces are embedded; returns how many faces were embedded. Failed images lose their faces.
     */
    int run(List<ImageFaces> images, Consumer<ImageFaces> done) {
        List<ImageFaces> work = images.stream().filter(ImageFaces::needsWork).toList();
        int[] embedded = new int[1];
        if (work.isEmpty()) {
            return 0;
        }
        try (Progress progress = Progress.start("classify: embed", "img", work.size())) {
            BatchPipeline.run(work, BatchPipeline.Options.forBatch(Math.max(1, embedder.batchSize() / 2)), this::prepare,
                    this::infer, (img, count) -> {
                        embedded[0] += count;
                        done.accept(img);
                        progress.step();
                    }, (img, error) -> {
                        problems.add(img.image, error.getMessage() == null ? error.toString() : error.getMessage());
                        img.failed = true;
                        progress.step();
                    });
        }
        return embedded[0];
    }

    private Prepared prepare(ImageFaces img) throws Exception {
        RgbImage pixels = loader.load(img.image);
        if (img.needsDetection) {
            detectAndRecord(img, pixels);
        }
        List<ImageFaces.FaceItem> pending = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (ImageFaces.FaceItem f : img.faces) {
            ClassifyReport.offerHead(thumbs, img.image, pixels, f.box);
            if (f.embedding == null) {
                pending.add(f);
                // the signature names the hair colour for clusters; the offline embedder's input is that same signature
                OfflineSignature.Signature sig = OfflineSignature.of(pixels, f.box);
                inputs.add(embedder instanceof OfflineEmbedder ? sig.vector() : embedder.prepare(pixels, f.box));
                f.hair = ColourNames.hair(sig.hair());
            }
        }
        return new Prepared(img, pending, inputs);
    }

    private void detectAndRecord(ImageFaces img, RgbImage pixels) {
        Detector d = detector.get();
        List<Detection> found = d.detect(pixels);
        SidecarStore.update(img.image, s -> {
            DetectInfo info = s.get(DetectInfo.SECTION, DetectInfo.class).orElse(DetectInfo.empty()).withSize(pixels.width(), pixels.height());
            return s.put(DetectInfo.SECTION, DetectSections.with(info, d.kind(), d.name(), found, pixels.width(), pixels.height()));
        });
        for (int i = 0; i < found.size(); i++) {
            Detection f = found.get(i);
            if (f.width() > 0 && f.height() > 0) {
                FaceBox box = new FaceBox("face", i, f.x0(), f.y0(), f.x1(), f.y1());
                ReviewInfo.Face decision = img.review.face("face", box.box()).orElse(null);
                if (decision == null || !decision.isNotAFace()) {
                    ImageFaces.FaceItem item = new ImageFaces.FaceItem(box, null, null, null);
                    item.review = decision;
                    img.faces.add(item);
                }
            }
        }
    }

    private List<Integer> infer(List<Prepared> batch) {
        List<float[]> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.inputs()));
        List<float[]> out = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += embedder.batchSize()) {
            out.addAll(embedder.embed(all.subList(from, Math.min(all.size(), from + embedder.batchSize()))));
        }
        List<Integer> counts = new ArrayList<>();
        int k = 0;
        for (Prepared p : batch) {
            for (ImageFaces.FaceItem f : p.pending()) {
                f.embedding = out.get(k++);
            }
            counts.add(p.pending().size());
        }
        return counts;
    }
}
