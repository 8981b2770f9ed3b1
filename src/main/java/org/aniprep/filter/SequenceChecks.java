package org.aniprep.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks that judge a frame against its neighbours in time: shots (split at cuts), fades within
 * a shot, flashes, and sharpness against the episode's own. Writes their scores into the frames;
 * {@link Verdicts} turns scores into hits.
 */
final class SequenceChecks {
    /**
     * @param cutCorrelation   consecutive frames whose thumbnails correlate less than this are a cut
     * @param fadeCorrelation  a fade frame must still correlate this well with its shot's reference frame
     * @param fadeDepth        a frame at the start or end of a shot with at least this much less contrast than the
     *                         shot's most contrasty frame, in a ramp towards it, is a fade frame
     * @param flashRise        a flash frame is at least this many luma levels brighter than both neighbours
     * @param flashFrames      a flash is at most this many consecutive frames
     * @param flashSeconds     ... spanning at most this long between its neighbours (when times are known)
     * @param blurRatio        a frame with less than this share of its episode's median sharpness is blurred
     */
    record Settings(double cutCorrelation, double fadeCorrelation, double fadeDepth, double flashRise, int flashFrames,
                    double flashSeconds, double blurRatio) {
        static final Settings DEFAULT = new Settings(0.6, 0.8, 0.25, 45, 3, 1.0, 0.35);
    }

    private final Settings settings;
    private final FrameChecks frameChecks;

    SequenceChecks(Settings settings, FrameChecks frameChecks) {
        this.settings = settings;
        this.frameChecks = frameChecks;
    }

    /** Scores one episode's measured frames, given in time order. */
    void score(List<Frame> episode) {
        List<Frame> frames = episode.stream().filter(Frame::measured).toList();
        flashes(frames);
        List<List<Frame>> shots = shots(frames);
        for (int s = 0; s < shots.size(); s++) {
            for (Frame f : shots.get(s)) {
                f.shot = s;
            }
            fades(shots.get(s));
        }
        sharpness(frames);
    }

    /**
     * Runs of consecutive frames that are not flat, cut where neighbours stop looking alike. A flat
     * frame (black, white) ends a shot too: a fade through black joins two shots.
     */
    List<List<Frame>> shots(List<Frame> frames) {
        List<List<Frame>> shots = new ArrayList<>();
        List<Frame> current = new ArrayList<>();
        Frame previous = null;
        for (Frame f : frames) {
            if (frameChecks.uniformity(f.scores).isPresent()) {
                close(shots, current);
                current = new ArrayList<>();
                previous = null;
                continue;
            }
            if (previous != null && FrameChecks.correlation(previous.scores, f.scores) < settings.cutCorrelation()) {
                close(shots, current);
                current = new ArrayList<>();
            }
            current.add(f);
            previous = f;
        }
        close(shots, current);
        return shots;
    }

    private static void close(List<List<Frame>> shots, List<Frame> shot) {
        if (!shot.isEmpty()) {
            shots.add(shot);
        }
    }

    /**
     * Fade frames ramp in contrast towards the shot's most contrasty frame (the reference) from the
     * shot's start (a fade in) or towards its end (a fade out): judged only against the same shot,
     * so a dark scene that stays dark is no fade. Each frame of the shot gets its depth.
     */
    private void fades(List<Frame> shot) {
        if (shot.size() < 2) {
            return;
        }
        Frame ref = shot.get(0);
        for (Frame f : shot) {
            if (f.scores.contrast() > ref.scores.contrast()) {
                ref = f;
            }
        }
        int refAt = shot.indexOf(ref);
        for (Frame f : shot) {
            f.fade = FrameChecks.fadeDepth(f.scores, ref.scores);
        }
        markRamp(shot, ref, 0, refAt, 1);
        markRamp(shot, ref, shot.size() - 1, refAt, -1);
    }

    /** From {@code from} towards the reference, while frames are faded, alike the reference and rising in contrast. */
    private void markRamp(List<Frame> shot, Frame ref, int from, int refAt, int step) {
        Frame before = null;
        for (int i = from; i != refAt; i += step) {
            Frame f = shot.get(i);
            boolean ramps = before == null || f.scores.contrast() >= before.scores.contrast() * 0.97;
            if (f.fade < settings.fadeDepth() || !ramps
                    || FrameChecks.correlation(f.scores, ref.scores) < settings.fadeCorrelation()) {
                return;
            }
            f.fadeTowards = f.scores.mean() <= ref.scores.mean() ? "black" : "white";
            before = f;
        }
    }

    /** Runs of up to {@code flashFrames} frames far brighter than the frames just before and after them. */
    private void flashes(List<Frame> frames) {
        for (int start = 1; start < frames.size() - 1; start++) {
            Frame prev = frames.get(start - 1);
            for (int len = 1; len <= settings.flashFrames() && start + len < frames.size(); len++) {
                Frame next = frames.get(start + len);
                double span = Sequences.secondsBetween(prev, next);
                if (!Double.isNaN(span) && span > settings.flashSeconds()) {
                    break;
                }
                double base = Math.max(prev.scores.mean(), next.scores.mean());
                double rise = Double.MAX_VALUE;
                for (int k = start; k < start + len; k++) {
                    rise = Math.min(rise, frames.get(k).scores.mean() - base);
                }
                for (int k = start; k < start + len; k++) {
                    Frame f = frames.get(k);
                    f.flash = f.flash == null ? rise : Math.max(f.flash, rise);
                }
            }
        }
    }

    /** Sharpness as a share of the median over the episode's frames that are not flat. */
    private void sharpness(List<Frame> frames) {
        double[] values = frames.stream().filter(f -> frameChecks.uniformity(f.scores).isEmpty())
                .mapToDouble(f -> f.scores.sharpness()).sorted().toArray();
        if (values.length < 3) {
            return;
        }
        double median = median(values);
        if (median <= 0) {
            return;
        }
        for (Frame f : frames) {
            f.sharpnessRatio = f.scores.sharpness() / median;
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    Settings settings() {
        return settings;
    }

}
