package org.aniprep.filter;

import org.aniprep.sidecar.FilterInfo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns a frame's scores into the checks that fired and the verdict, as the options ask. */
final class Verdicts {
    static final String METHOD = "filter-v1";

    private final FrameChecks frameChecks;
    private final SequenceChecks.Settings sequence;
    private final FilterOptions options;

    Verdicts(FrameChecks frameChecks, SequenceChecks.Settings sequence, FilterOptions options) {
        this.frameChecks = frameChecks;
        this.sequence = sequence;
        this.options = options;
    }

    Set<Reason> hits(Frame f) {
        Set<Reason> hits = EnumSet.noneOf(Reason.class);
        frameChecks.uniformity(f.scores).ifPresent(hits::add);
        if (f.flash != null && f.flash >= sequence.flashRise()) {
            hits.add(Reason.FLASH);
        }
        if (f.fadeTowards != null) {
            hits.add(Reason.FADE);
        }
        if (f.text != null) {
            TextLayout.reason(f.text.layout()).ifPresent(hits::add);
        }
        if (f.sharpnessRatio != null && f.sharpnessRatio < sequence.blurRatio() && hits.isEmpty()) {
            hits.add(Reason.BLUR);
        }
        return hits;
    }

    boolean drops(Reason r) {
        return switch (r) {
            case SUBTITLES -> options.text() == FilterOptions.TextMode.drop;
            case BLUR -> options.blur() == FilterOptions.BlurMode.drop;
            default -> true;
        };
    }

    FilterInfo record(Frame f) {
        Set<Reason> hits = hits(f);
        Reason reason = hits.stream().filter(this::drops).findFirst().orElse(null);
        List<String> names = new ArrayList<>();
        hits.forEach(h -> names.add(h.id()));
        FrameScores s = f.scores;
        FilterInfo.Scores scores = new FilterInfo.Scores(round(s.mean()), round(s.contrast()), round4(s.flat()), s.level(),
                round(s.sharpness()), round4(f.sharpnessRatio), round(f.flash), round4(f.fade), f.fadeTowards, f.shot);
        return new FilterInfo(METHOD, reason == null ? FilterInfo.KEEP : FilterInfo.DROP, reason == null ? null : reason.id(),
                names.isEmpty() ? null : names, scores, f.text);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static Double round(Double v) {
        return v == null ? null : round(v.doubleValue());
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static Double round4(Double v) {
        return v == null ? null : round4(v.doubleValue());
    }
}
