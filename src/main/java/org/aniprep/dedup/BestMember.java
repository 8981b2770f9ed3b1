package org.aniprep.dedup;

import org.aniprep.sidecar.DedupInfo.Quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The kept frame of a group under {@code --keep best}: never a fade, flash, subtitled or blurrier
 * twin of a clean member (docs/dedup.md, "The kept frame"). Two scale-free measures of a picture's
 * {@link Quality}: its <em>text share</em> {@link #textShare}, the detail of the busier outer band
 * (top or bottom fifth) relative to the middle's (burned-in text raises it; a fade scales both alike,
 * so it stays), and its <em>score</em> {@link #score}, contrast × √(middle sharpness) (a fade lowers
 * contrast and sharpness together, blur lowers sharpness). In order:
 * <ol>
 * <li>the filter's verdicts: members it passed cleanly before those it flagged before those it would drop;</li>
 * <li>members whose text share is more than {@link #MORE_TEXT} × the lowest step back (a subtitled twin);</li>
 * <li>the highest score (a fade, flash or blurrier twin scores lower); the earliest on a tie.</li>
 * </ol>
 * Members without measures (fingerprinted before they existed) are judged by whole-frame sharpness
 * after step 1, as before.
 */
final class BestMember {
    static final double MORE_TEXT = 4.0 / 3;
    /** The streaming gate also writes a later member when it beats the kept one by these margins. */
    static final double CLEARLY_LESS_TEXT = 0.6;
    static final double CLEARLY_BETTER_SCORE = 1.5;

    private BestMember() {
    }

    static int pick(List<DedupItem> items, int[] members) {
        int best = Integer.MAX_VALUE;
        for (int m : members) {
            best = Math.min(best, items.get(m).filter().rank());
        }
        List<Integer> candidates = new ArrayList<>();
        boolean measured = true;
        for (int m : members) {
            if (items.get(m).filter().rank() == best) {
                candidates.add(m);
                measured &= items.get(m).info().quality() != null;
            }
        }
        if (!measured) {
            int sharpest = candidates.get(0);
            for (int m : candidates) {
                if (items.get(m).sharpness() > items.get(sharpest).sharpness()) {
                    sharpest = m;
                }
            }
            return sharpest;
        }
        double least = candidates.stream().mapToDouble(m -> textShare(q(items, m))).min().orElse(0);
        candidates.removeIf(m -> textShare(q(items, m)) > MORE_TEXT * least);
        int chosen = candidates.get(0);
        for (int m : candidates) {
            if (score(q(items, m)) > score(q(items, chosen))) {
                chosen = m;
            }
        }
        return chosen;
    }

    /** Whether {@code a} is the better picture of two duplicates: less text, else (as much text) the higher score. */
    static boolean better(Quality a, Quality b) {
        if (textShare(a) > MORE_TEXT * textShare(b)) {
            return false;
        }
        if (textShare(b) > MORE_TEXT * textShare(a)) {
            return true;
        }
        return score(a) > score(b);
    }

    /**
     * Whether {@code later}, a duplicate of {@code kept} in the streaming gate, is clearly the better
     * picture: the kept one carried text in a band, or was a fade, flash or blurrier twin.
     */
    static boolean clearlyBetter(Quality later, Quality kept) {
        if (textShare(later) <= CLEARLY_LESS_TEXT * textShare(kept)) {
            return true;
        }
        return textShare(later) <= MORE_TEXT * textShare(kept) && score(later) >= CLEARLY_BETTER_SCORE * score(kept);
    }

    static double textShare(Quality q) {
        return Math.max(q.sharpnessTop(), q.sharpnessBottom()) / (q.sharpnessMiddle() + 1);
    }

    static double score(Quality q) {
        return q.contrast() * Math.sqrt(q.sharpnessMiddle());
    }

    private static Quality q(List<DedupItem> items, int m) {
        return items.get(m).info().quality();
    }
}
