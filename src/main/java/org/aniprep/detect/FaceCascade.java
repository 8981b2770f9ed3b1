package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * nagadomi's {@code lbpcascade_animeface} through OpenCV: grey, downscaled so the longer side is at
 * most {@link Settings#maxSide}, equalizeHist, detectMultiScale(1.1, 5, 24 px). Raw cascade output
 * is then cleaned by {@link CascadeFilter} (see docs/detect.md for the measurements behind it).
 * The score of a box is its OpenCV neighbour count (how many overlapping windows voted for it).
 */
public final class FaceCascade implements Detector {
    public static final String FILE_NAME = "lbpcascade_animeface.xml";
    public static final String NAME = "lbpcascade_animeface";

    /**
     * @param maxSide frames whose longer side exceeds this are shrunk first (speed; faces under
     *                minSize × longSide / maxSide pixels are then missed)
     * @param filter  apply {@link CascadeFilter}; off gives the reference's raw output
     */
    public record Settings(double scaleFactor, int minNeighbors, int minSize, int maxSide, boolean filter, boolean tighten) {
        public static final Settings DEFAULT = new Settings(1.1, 5, 24, 960, true, true);

        public Settings withFilter(boolean on) {
            return new Settings(scaleFactor, minNeighbors, minSize, maxSide, on, tighten);
        }

        public Settings withTighten(boolean on) {
            return new Settings(scaleFactor, minNeighbors, minSize, maxSide, filter, on);
        }

        public Settings withMaxSide(int side) {
            return new Settings(scaleFactor, minNeighbors, minSize, side, filter, tighten);
        }
    }

    /**
     * The cascade's boxes include the hair around a face: on the sprite scenes a fringe-to-chin,
     * cheek-to-cheek face box is 0.72 of the cascade box wide and high, its centre 0.03 box heights
     * higher (fitted on generated scenes, checked on the concert CGs; docs/detect.md). Tightening
     * makes face height ratios and positions comparable with the YOLO face detector's.
     */
    static final BoxFit FIT = new BoxFit(0.72, 0.72, -0.03);

    private final Path file;
    private final Settings settings;
    private final ThreadLocal<CascadeClassifier> classifiers;

    private FaceCascade(Path file, Settings settings) {
        this.file = file;
        this.settings = settings;
        this.classifiers = ThreadLocal.withInitial(() -> open(file));
    }

    /**
     * Finds {@value #FILE_NAME} in the extra model folders ({@code ANIPREP_MODEL_PATH}), as is or in
     * an {@code lbpcascade_animeface/} sub-folder, else uses the copy bundled with aniprep.
     */
    public static Optional<Path> locate(List<Path> modelDirs) {
        for (Path dir : modelDirs) {
            for (Path p : List.of(dir.resolve(FILE_NAME), dir.resolve(NAME).resolve(FILE_NAME))) {
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
        }
        return BundledCascade.file();
    }

    /** Loads the cascade, failing with a clear message when the file is missing or not a cascade. */
    public static FaceCascade load(Path file, Settings settings) {
        if (!Files.isRegularFile(file)) {
            throw new CascadeException("face cascade " + file + " does not exist");
        }
        FaceCascade cascade = new FaceCascade(file, settings);
        cascade.classifiers.get();
        return cascade;
    }

    private static CascadeClassifier open(Path file) {
        CascadeClassifier c;
        try {
            c = new CascadeClassifier(file.toString());
        } catch (RuntimeException e) {
            // malformed XML: OpenCV's parser throws (cv::Exception via JavaCPP)
            throw new CascadeException("face cascade " + file + " cannot be read by OpenCV ("
                    + e.getMessage().replaceAll("^OpenCV\\([^)]*\\) \\S+: ", "").strip() + ")");
        }
        // a well-formed file that is not a cascade (or a missing one) does not throw: the classifier is just empty
        if (c.empty()) {
            c.close();
            throw new CascadeException("face cascade " + file + " is not an OpenCV cascade OpenCV can load "
                    + "(damaged or wrong file)");
        }
        return c;
    }

    public Path file() {
        return file;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String kind() {
        return "face";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Detection> detect(RgbImage image) {
        return detect(image, 0);
    }

    /**
     * As {@link #detect(RgbImage)}, the frame padded first by {@code pad} × its shorter side on every
     * side, its edge pixels repeated: the cascade's window includes the hair around a face, so a face
     * touching an edge is otherwise never searched whole. Boxes are tightened (when set), then
     * clipped to the frame; one less than half inside it is dropped.
     */
    public List<Detection> detect(RgbImage image, double pad) {
        return detect(image, pad, org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE);
    }

    List<Detection> detect(RgbImage image, double pad, int border) {
        int w = image.width();
        int h = image.height();
        int padPx = (int) Math.round(Math.max(0, pad) * Math.min(w, h));
        try (GreyFrame grey = new GreyFrame(image, padPx, border)) {
            List<Detection> found = settings.filter()
                    ? new CascadeFilter(this, grey).apply(rawDetect(grey, CascadeFilter.LOOSE_NEIGHBORS))
                    : rawDetect(grey, settings.minNeighbors());
            if (padPx == 0) {
                return settings.tighten() ? found.stream().map(d -> tighten(d, w, h)).toList() : found;
            }
            List<Detection> out = new ArrayList<>(found.size());
            for (Detection d : found) {
                Detection in = (settings.tighten() ? FIT : BoxFit.NONE).applyInside(d, w, h, 0.5);
                if (in != null) {
                    out.add(in);
                }
            }
            return out;
        }
    }

    static Detection tighten(Detection d, int w, int h) {
        return FIT.apply(d, w, h);
    }

    /** The reference detection on the whole (downscaled) frame, boxes in frame pixels, best first. */
    List<Detection> rawDetect(GreyFrame grey, int minNeighbors) {
        int w = grey.width();
        int h = grey.height();
        int pad = grey.pad();
        double scale = Math.min(1.0, settings.maxSide() / (double) Math.max(w, h));
        try (Mat view = grey.view(-pad, -pad, w + pad, h + pad, scale)) {
            List<Detection> found = run(view, minNeighbors, settings.minSize(), 0);
            List<Detection> out = new ArrayList<>(found.size());
            for (Detection d : found) {
                out.add(mapBack(d, -pad, -pad, scale, w, h, pad));
            }
            out.sort(Comparator.comparingDouble(Detection::score).reversed());
            return out;
        }
    }

    /** Runs detectMultiScale on a prepared view; boxes are in the view's pixels. */
    List<Detection> run(Mat view, int minNeighbors, int minSize, int maxSize) {
        CascadeClassifier c = classifiers.get();
        try (RectVector rects = new RectVector(); IntPointer votes = new IntPointer();
             Size min = new Size(minSize, minSize); Size max = new Size(maxSize, maxSize)) {
            c.detectMultiScale2(view, rects, votes, settings.scaleFactor(), minNeighbors, 0, min, max);
            List<Detection> out = new ArrayList<>((int) rects.size());
            for (int i = 0; i < rects.size(); i++) {
                Rect r = rects.get(i);
                int v = i < votes.limit() ? votes.get(i) : minNeighbors;
                out.add(new Detection(r.x(), r.y(), r.x() + r.width(), r.y() + r.height(), "face", v));
            }
            return out;
        }
    }

    /** A view's box in frame coordinates, clamped to the frame plus {@code pad} on each side. */
    static Detection mapBack(Detection d, int offX, int offY, double scale, int w, int h, int pad) {
        int x0 = clamp((int) Math.round(d.x0() / scale) + offX, -pad, w + pad);
        int y0 = clamp((int) Math.round(d.y0() / scale) + offY, -pad, h + pad);
        int x1 = clamp((int) Math.round(d.x1() / scale) + offX, -pad, w + pad);
        int y1 = clamp((int) Math.round(d.y1() / scale) + offY, -pad, h + pad);
        return new Detection(x0, y0, x1, y1, d.label(), d.score());
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
