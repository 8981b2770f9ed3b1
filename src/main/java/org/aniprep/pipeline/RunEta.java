package org.aniprep.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The run's overall time left, shown with each stage's own progress: the frames still to go through
 * the remaining stages times each stage's cost per frame. The costs are {@code bench/run.sh}'s on the
 * 2-core reference machine (docs/run.md, Speed); once per-frame stages have run, their actual times
 * over what the table predicted scale the rest, so another machine (or a GPU) corrects the estimate
 * after one stage. Extract's time depends on the episodes' length, not the frames it keeps: it has
 * its own bar's ETA, and the overall estimate starts once the frames are there.
 */
final class RunEta {
    /** Seconds per frame on the reference machine (1080p frames; the tagger's is a rough guess, it was not on the bench). */
    static final Map<String, Double> SECONDS_PER_FRAME = Map.of(
            "filter", 0.142, "dedup", 0.001, "detect", 0.228, "tag", 0.6, "classify", 0.03,
            "metadata", 0.002, "caption", 0.003, "arrange", 0.013, "balance", 0.015);

    private double actual;
    private double predicted;

    /** A per-frame stage finished: {@code seconds} for {@code frames} frames. */
    void finished(String stage, long frames, double seconds) {
        Double cost = SECONDS_PER_FRAME.get(stage);
        if (cost != null && frames > 0 && seconds > 0) {
            actual += seconds;
            predicted += cost * frames;
        }
    }

    /**
     * Seconds left for {@code stages} (the current one and those after it) over {@code frames}
     * frames; negative when unknown (extract still to run, or no frames yet).
     */
    double secondsLeft(List<String> stages, long frames) {
        if (frames <= 0 || stages.contains("extract")) {
            return -1;
        }
        double scale = predicted > 0 ? actual / predicted : 1;
        double left = 0;
        for (String s : stages) {
            left += SECONDS_PER_FRAME.getOrDefault(s, 0.0) * frames;
        }
        return left * scale;
    }

    /** "~3:05 left", or empty when unknown. */
    static String describe(double seconds) {
        if (seconds < 0) {
            return "";
        }
        long s = Math.max(1, Math.round(seconds));
        return s >= 3600
                ? String.format("~%d:%02d:%02d left", s / 3600, s / 60 % 60, s % 60)
                : String.format("~%d:%02d left", s / 60, s % 60);
    }
}
