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
     * @param flashContrast    ... and either the frames around it show one picture, or its contrast is at most this share
     *                         of theirs and it still correlates this well ({@code flashCorrelation}) with one of them
     *                         (the picture next to it, washed out)
     * @param flashSeconds     ... lasting at most this long: from its first frame to the frame after it (when times are known)
     * @param blurRatio        a frame with less than this share of its episode's typical contrast-normalised sharpness
     *                         is blurred
     */
    record Settings(double cutCorrelation, double fadeCorrelation, double fadeDepth, double flashRise, int flashFrames,
                    double flashContrast, double flashCorrelation, double flashSeconds, double blurRatio) {
        static final Settings DEFAULT = new Settings(0.6, 0.8, 0.2, 45, 3, 0.75, 0.5, 1.0, 0.1);
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
        sharpness(shots, frames);
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
                // the frame before may be long before: a held shot leaves one frame after decimation
                double span = Sequences.secondsBetween(frames.get(start), next);
                if (!Double.isNaN(span) && span > settings.flashSeconds()) {
                    break;
                }
                double base = Math.max(prev.scores.mean(), next.scores.mean());
                double rise = Double.MAX_VALUE;
                boolean washedOut = true;
                double contrastAround = Math.min(prev.scores.contrast(), next.scores.contrast());
                for (int k = start; k < start + len; k++) {
                    Frame f = frames.get(k);
                    rise = Math.min(rise, f.scores.mean() - base);
                    washedOut &= f.scores.contrast() <= settings.flashContrast() * contrastAround
                            && Math.max(FrameChecks.correlation(f.scores, prev.scores), FrameChecks.correlation(f.scores, next.scores))
                            >= settings.flashCorrelation();
                }
                // a flash interrupts one picture, or washes out the picture next to it; a bright shot between two cuts is neither
                if (!washedOut && FrameChecks.correlation(prev.scores, next.scores) < settings.cutCorrelation()) {
                    continue;
                }
                for (int k = start; k < start + len && rise > 0; k++) {
                    Frame f = frames.get(k);
                    f.flash = f.flash == null ? rise : Math.max(f.flash, rise);
                }
            }
        }
    }

    /**
     * Sharpness ÷ contrast² (so a dark or faded frame is not blurred for being dark), as a share of the
     * episode's typical value: the median over its shots of each shot's median, so one long pan or
     * scroll does not stand for the whole episode.
     */
    private void sharpness(List<List<Frame>> shots, List<Frame> frames) {
        double[] perShot = shots.stream().mapToDouble(s -> median(s.stream().mapToDouble(SequenceChecks::detail).sorted().toArray()))
                .sorted().toArray();
        if (perShot.length < 3) {
            return;
        }
        double typical = median(perShot);
        if (typical <= 0) {
            return;
        }
        for (Frame f : frames) {
            if (frameChecks.uniformity(f.scores).isEmpty()) {
                f.sharpnessRatio = detail(f) / typical;
            }
        }
    }

    /** Variance of the Laplacian per unit of luma variance. */
    static double detail(Frame f) {
        return f.scores.sharpness() / Math.max(1, f.scores.contrast() * f.scores.contrast());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    Settings settings() {
        return settings;
    }

}
