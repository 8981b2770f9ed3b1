package org.aniprep.detect;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.flip;

/**
 * Cleans the cascade's output. Measured on composited anime scenes (docs/detect.md): the reference
 * settings (minNeighbors 5) miss about one face in seven, mostly faces the cascade sees at one
 * pyramid scale only, while a looser first pass (minNeighbors {@value #LOOSE_NEIGHBORS}) finds
 * nearly all of them together with false boxes on clothes, hands and scenery. So candidates come
 * from the loose pass and each must be confirmed by a second, independent look: the region around
 * it is cut out, rescaled so the box is {@value #VERIFY_SIDE} px (a different pyramid alignment),
 * equalised locally, and searched as is and mirrored. Boxes confirmed by neither are dropped, and
 * overlapping survivors are merged, keeping the one with the most votes; weak boxes on a
 * character's body below a strong face are dropped ({@link #dropBodies}).
 */
final class CascadeFilter {
    static final int LOOSE_NEIGHBORS = 2;
    static final int VERIFY_SIDE = 56;
    static final double VERIFY_IOU = 0.4;
    static final int VERIFY_NEIGHBORS = 2;
    static final double MERGE_IOU = 0.25;
    static final double MERGE_COVER = 0.6;
    static final double BODY_VOTE_RATIO = 4;
    static final double BODY_REACH = 2.5;

    private final FaceCascade cascade;
    private final GreyFrame grey;

    CascadeFilter(FaceCascade cascade, GreyFrame grey) {
        this.cascade = cascade;
        this.grey = grey;
    }

    List<Detection> apply(List<Detection> loose) {
        List<Detection> confirmed = new ArrayList<>();
        for (Detection d : loose) {
            int votes = verify(d);
            if (votes > 0) {
                confirmed.add(d.withScore(d.score() + votes));
            }
        }
        return dropBodies(merge(confirmed));
    }

    /**
     * The cascade's typical false face on anime art is a character's chest or lap: a box straight
     * below a real face, about as wide, with a small fraction of its votes. Such a box is dropped;
     * a second face below a first (a short character in front) keeps its own strong votes.
     */
    static List<Detection> dropBodies(List<Detection> faces) {
        List<Detection> kept = new ArrayList<>();
        for (Detection d : faces) {
            boolean body = faces.stream().anyMatch(f -> f != d
                    && f.score() >= BODY_VOTE_RATIO * d.score()
                    && d.centerX() >= f.x0() && d.centerX() <= f.x1()
                    && d.y0() >= f.centerY() && d.y0() <= f.y1() + BODY_REACH * f.height()
                    && d.width() <= 2 * f.width());
            if (!body) {
                kept.add(d);
            }
        }
        return kept;
    }

    /** Votes for {@code d} found in the second look (0 = not confirmed). */
    int verify(Detection d) {
        int side = Math.max(d.width(), d.height());
        int pad = side / 2 + 1;
        int gp = grey.pad();
        int x0 = Math.max(-gp, d.x0() - pad);
        int y0 = Math.max(-gp, d.y0() - pad);
        int x1 = Math.min(grey.width() + gp, d.x1() + pad);
        int y1 = Math.min(grey.height() + gp, d.y1() + pad);
        double scale = VERIFY_SIDE / (double) side;
        int votes = 0;
        try (Mat view = grey.view(x0, y0, x1, y1, scale); Mat mirrored = new Mat()) {
            int min = (int) Math.floor(VERIFY_SIDE * 0.7);
            int max = (int) Math.ceil(VERIFY_SIDE * 1.45);
            votes += bestMatch(d, cascade.run(view, VERIFY_NEIGHBORS, min, max), x0, y0, scale, false, view.cols());
            flip(view, mirrored, 1);
            votes += bestMatch(d, cascade.run(mirrored, VERIFY_NEIGHBORS, min, max), x0, y0, scale, true, view.cols());
        }
        return votes;
    }

    private int bestMatch(Detection d, List<Detection> found, int x0, int y0, double scale, boolean mirrored, int viewWidth) {
        int best = 0;
        for (Detection f : found) {
            Detection v = mirrored ? new Detection(viewWidth - f.x1(), f.y0(), viewWidth - f.x0(), f.y1(), f.label(), f.score()) : f;
            Detection back = FaceCascade.mapBack(v, x0, y0, scale, grey.width(), grey.height(), grey.pad());
            if (back.iou(d) >= VERIFY_IOU) {
                best = Math.max(best, (int) f.score());
            }
        }
        return best;
    }

    /** Greedy merge: most votes first; a box overlapping a kept one (IoU or containment) is dropped. */
    static List<Detection> merge(List<Detection> boxes) {
        List<Detection> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean overlaps = kept.stream().anyMatch(k -> k.iou(d) >= MERGE_IOU
                    || d.coveredBy(k) >= MERGE_COVER || k.coveredBy(d) >= MERGE_COVER);
            if (!overlaps) {
                kept.add(d);
            }
        }
        return kept;
    }
}
