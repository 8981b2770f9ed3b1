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
     */
    public record Settings(double matchIou, double matchCover, int cascadeOnlyVotes, float cascadeOnlyScore, boolean averageBoxes) {
        public static final Settings DEFAULT = new Settings(0.3, 0.6, 0, 0.5f, true);

        public Settings withCascadeOnlyVotes(int votes) {
            return new Settings(matchIou, matchCover, votes, cascadeOnlyScore, averageBoxes);
        }

        public Settings withAverageBoxes(boolean on) {
            return new Settings(matchIou, matchCover, cascadeOnlyVotes, cascadeOnlyScore, on);
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

    @Override
    public List<Detection> detect(RgbImage image) {
        return merge(settings, faceBoxes.name(), fromFaceBoxes(image), cascade.name(), cascade.detect(image));
    }

    private List<Detection> fromFaceBoxes(RgbImage image) {
        return faceBoxes.detect(image);
    }

    /** Merges FaceBoxes' boxes (best first) with the cascade's; the result is best first. */
    static List<Detection> merge(Settings settings, String faceBoxesName, List<Detection> fromFaceBoxes,
                                 String cascadeName, List<Detection> fromCascade) {
        List<Detection> rest = new ArrayList<>(fromCascade);
        List<Detection> out = new ArrayList<>();
        for (Detection f : fromFaceBoxes) {
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
        }
        for (Detection c : rest) {
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
