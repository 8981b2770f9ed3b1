package org.aniprep.filter;

import org.aniprep.io.NaturalOrder;
import org.aniprep.sidecar.FrameSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames in time order, one list per episode: frames with a {@code source} section by video (and
 * series, season and episode), ordered by frame index; frames without one by folder, in natural name order
 * (frames named in sequence by another tool still line up).
 */
final class Sequences {
    private Sequences() {
    }

    static List<List<Frame>> of(List<Frame> frames) {
        Map<String, List<Frame>> byEpisode = new LinkedHashMap<>();
        for (Frame f : frames) {
            byEpisode.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
        }
        List<List<Frame>> out = new ArrayList<>();
        for (List<Frame> episode : byEpisode.values()) {
            episode.sort(Comparator.comparingLong((Frame f) -> f.source == null ? 0 : f.source.frameIndex())
                    .thenComparing(f -> f.relative, NaturalOrder.INSTANCE));
            out.add(episode);
        }
        return out;
    }

    static String key(Frame f) {
        FrameSource s = f.source;
        if (s == null) {
            Path parent = Path.of(f.relative).getParent();
            return "folder:" + (parent == null ? "" : parent);
        }
        return "episode:" + s.video() + "\u0000" + (s.prefix() == null ? "" : s.prefix()) + "\u0000"
                + (s.season() == null ? "" : s.season()) + "\u0000" + s.episode();
    }

    /** Seconds between two frames, or NaN when either has no time. */
    static double secondsBetween(Frame a, Frame b) {
        return a.source == null || b.source == null ? Double.NaN : Math.abs(b.source.time() - a.source.time());
    }
}
