package org.aniprep.detect;

import org.aniprep.image.RgbImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline face detector: FaceBoxes and the cascade run on the same frame and their boxes are
 * merged by overlap. The two fail differently (FaceBoxes misses some faces with glasses that the
 * cascade finds; the cascade misses small and tilted faces FaceBoxes finds), so a face found by
 * either is kept; a face found by both is one box. Each box records who found it
 * ({@link Detection#foundBy()}). See docs/detect.md for the measurements behind the settings.
 */
public final class CombinedFaceDetector implements Detector {
    /** Its name in the sidecar with the built-in models. */
    public static final String NAME = FaceBoxesModels.ID + "+" + FaceCascade.NAME;

    /**
     * @param matchIou           a FaceBoxes box and a cascade box are the same face at this IoU, or when
     *                           {@code matchCover} of either lies inside the other
     * @param cascadeOnlyVotes   a face only the cascade found is kept when it has at least these votes
     * @param cascadeOnlyScore   the 0–1 score such a face gets (FaceBoxes' own scores are kept for the rest)
     * @param averageBoxes       a face found by both gets the mean of the two boxes (else FaceBoxes' box)
     * @param weakScore          a FaceBoxes face scored above this but under FaceBoxes' own threshold is
     *                           kept when the cascade found it too (agreement); at or above the
     *                           threshold: off
     * @param edgePad            both detectors see the frame padded by this × its shorter side on every
     *                           side (edge pixels repeated), so faces at the edges are searched whole
     * @param stretchBelow       FaceBoxes sees a frame whose luma spans fewer levels than this
     *                           stretched to the full range ({@link ContrastStretch}; 0: never). The
     *                           cascade equalises its own grey frame.
     * @param dropNested         a face only the cascade found is dropped when {@code matchCover} of it
     *                           lies inside FaceBoxes' box of a kept face (a second look at the same
     *                           face: an eye, the mouth, a cheek)
     */
    public record Settings(double matchIou, double matchCover, int cascadeOnlyVotes, float cascadeOnlyScore, boolean averageBoxes,
                           float weakScore, double edgePad, int stretchBelow, boolean dropNested) {
        public static final Settings DEFAULT = new Settings(0.3, 0.6, 0, 0.5f, true, 1f, 0, 160, true);
        /** The offline default before issue 19 part 4's changes (no stretch, nested boxes kept). */
        public static final Settings BEFORE = DEFAULT.withStretchBelow(0).withDropNested(false);

        public Settings withCascadeOnlyVotes(int votes) {
            return new Settings(matchIou, matchCover, votes, cascadeOnlyScore, averageBoxes, weakScore, edgePad, stretchBelow, dropNested);
        }

        public Settings withAverageBoxes(boolean on) {
            return new Settings(matchIou, matchCover, cascadeOnlyVotes, cascadeOnlyScore, on, weakScore, edgePad, stretchBelow, dropNested);
        }

        public Settings withWeakScore(float score) {
            return new Settings(matchIou, matchCover, cascadeOnlyVotes, cascadeOnlyScore, averageBoxes, score, edgePad, stretchBelow, dropNested);
        }

        public Settings withEdgePad(double pad) {
            return new Settings(matchIou, matchCover, cascadeOnlyVotes, cascadeOnlyScore, averageBoxes, weakScore, pad, stretchBelow, dropNested);
        }

        public Settings withStretchBelow(int range) {
            return new Settings(matchIou, matchCover, cascadeOnlyVotes, cascadeOnlyScore, averageBoxes, weakScore, edgePad, range, dropNested);
        }

        public Settings withDropNested(boolean on) {
            return new Settings(matchIou, matchCover, cascadeOnlyVotes, cascadeOnlyScore, averageBoxes, weakScore, edgePad, stretchBelow, on);
        }
    }

    private final FaceBoxesDetector faceBoxes;
    private final FaceCascade cascade;
    private final Settings settings;

    public CombinedFaceDetector(FaceBoxesDetector faceBoxes, FaceCascade cascade, Settings settings) {
        this.faceBoxes = faceBoxes;
        this.cascade = cascade;
        this.settings = settings;
    }

    @Override
    public String kind() {
        return "face";
    }

    @Override
    public String name() {
        return faceBoxes.name() + "+" + cascade.name();
    }

    public Settings settings() {
        return settings;
    }

    FaceBoxesDetector faceBoxes() {
        return faceBoxes;
    }

    FaceCascade cascade() {
        return cascade;
    }

    @Override
    public List<Detection> detect(RgbImage image) {
        return merge(settings, faceBoxes.name(), fromFaceBoxes(image), cascade.name(), cascade.detect(image, settings.edgePad()));
    }

    /** FaceBoxes' faces down to the weak score (or its own threshold), best first; a low-contrast frame stretched first. */
    List<Detection> fromFaceBoxes(RgbImage frame) {
        RgbImage image = ContrastStretch.apply(frame, settings.stretchBelow());
        float strong = faceBoxes.translator().params().conf();
        if (settings.weakScore() >= strong && settings.edgePad() <= 0) {
            return faceBoxes.detect(image);
        }
        List<FaceBoxesTranslator.Face> faces = faceBoxes.faces(image, settings.edgePad(), Math.min(strong, settings.weakScore()));
        return faceBoxes.translator().toDetections(faces, image.width(), image.height(), 0.5);
    }

    /** Merges FaceBoxes' boxes (best first) with the cascade's; the result is best first. */
    static List<Detection> merge(Settings settings, String faceBoxesName, List<Detection> fromFaceBoxes,
                                 String cascadeName, List<Detection> fromCascade) {
        return merge(settings, 0.5f, faceBoxesName, fromFaceBoxes, cascadeName, fromCascade);
    }

    /**
     * As above; a FaceBoxes box scored under {@code strong} (FaceBoxes' own threshold) is kept only
     * when a cascade box is the same face.
     */
    static List<Detection> merge(Settings settings, float strong, String faceBoxesName, List<Detection> fromFaceBoxes,
                                 String cascadeName, List<Detection> fromCascade) {
        List<Detection> rest = new ArrayList<>(fromCascade);
        List<Detection> out = new ArrayList<>();
        // FaceBoxes' own boxes of the faces kept (a mean box may be smaller than the face)
        List<Detection> found = new ArrayList<>();
        List<Detection> ordered = new ArrayList<>(fromFaceBoxes);
        ordered.sort(Comparator.comparingDouble(Detection::score).reversed());
        for (Detection f : ordered) {
            Detection partner = null;
            double best = 0;
            for (Detection c : rest) {
                double iou = f.iou(c);
                boolean same = iou >= settings.matchIou() || f.coveredBy(c) >= settings.matchCover() || c.coveredBy(f) >= settings.matchCover();
                if (same && iou >= best) {
                    best = iou;
                    partner = c;
                }
            }
            if (f.score() < strong && (partner == null || f.score() <= settings.weakScore())) {
                continue;
            }
            Map<String, Float> by = new LinkedHashMap<>();
            by.put(faceBoxesName, f.score());
            Detection box = f;
            if (partner != null) {
                rest.remove(partner);
                by.put(cascadeName, partner.score());
                if (settings.averageBoxes()) {
                    box = new Detection(mid(f.x0(), partner.x0()), mid(f.y0(), partner.y0()), mid(f.x1(), partner.x1()),
                            mid(f.y1(), partner.y1()), f.label(), f.score());
                }
            }
            out.add(box.withFoundBy(by));
            found.add(f);
        }
        for (Detection c : rest) {
            if (settings.dropNested() && found.stream().anyMatch(k -> c.coveredBy(k) >= settings.matchCover())) {
                continue;
            }
            if (c.score() >= settings.cascadeOnlyVotes()) {
                out.add(c.withScore(settings.cascadeOnlyScore()).withFoundBy(Map.of(cascadeName, c.score())));
            }
        }
        out.sort(Comparator.comparingDouble(Detection::score).reversed());
        return out;
    }

    private static int mid(int a, int b) {
        return (int) Math.round((a + b) / 2.0);
    }

    @Override
    public void close() {
        faceBoxes.close();
        cascade.close();
    }
}
