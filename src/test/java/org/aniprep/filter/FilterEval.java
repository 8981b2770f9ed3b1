package org.aniprep.filter;

import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compares the filter's verdicts (read back from every sidecar, also under {@code _removed/}) with
 * what each frame's segment says is right. Per reason: precision = frames given that reason for
 * which it is right; recall = frames whose primary reason it is that were rejected (or, for
 * subtitles and blur, flagged) with a reason that is right for them.
 */
final class FilterEval {
    /** One frame: where it came from, what is right, what the filter said (null reason = kept, unflagged). */
    record Outcome(String file, String segment, long frameIndex, FilterClips.Expect expect, Reason said, boolean dropped) {
        List<Reason> expected() {
            return expect.reasons();
        }

        boolean right() {
            if (said == null || !dropped && said != Reason.SUBTITLES && said != Reason.BLUR) {
                return expect.mayKeep() && !dropped;
            }
            return expected().contains(said);
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    void add(FilterClips.Episode episode, Path frames, int episodeNumber) throws IOException {
        try (Stream<Path> s = Files.walk(frames)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png") && !p.toString().contains("_report")).sorted().toList()) {
                Sidecar side = SidecarStore.read(p);
                FrameSource src = side.get(FrameSource.SECTION, FrameSource.class).orElseThrow();
                if (src.episode() != episodeNumber) {
                    continue;
                }
                FilterInfo info = side.get(FilterInfo.SECTION, FilterInfo.class).orElseThrow(() -> new AssertionError("no filter section: " + p));
                Reason said = info.dropped() ? Reason.of(info.reason()) : flag(info);
                outcomes.add(new Outcome(frames.relativize(p).toString(), episode.segmentOf(src.frameIndex()), src.frameIndex(),
                        episode.expected(src.frameIndex()), said, info.dropped()));
            }
        }
    }

    private static Reason flag(FilterInfo info) {
        if (info.hits() == null) {
            return null;
        }
        return info.hits().stream().map(Reason::of).filter(r -> r == Reason.SUBTITLES || r == Reason.BLUR).findFirst().orElse(null);
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    List<Outcome> wrong() {
        return outcomes.stream().filter(o -> !o.right()).toList();
    }

    /** Rows: reason, frames it is the primary reason of, said, right, precision, recall. */
    String table() {
        Map<Reason, int[]> counts = new EnumMap<>(Reason.class);
        for (Outcome o : outcomes) {
            if (!o.expected().isEmpty() && !o.expect().mayKeep()) {
                int[] c = counts.computeIfAbsent(o.expected().get(0), r -> new int[4]);
                c[0]++;
                if (o.right()) {
                    c[3]++;
                }
            }
            if (o.said() != null) {
                int[] c = counts.computeIfAbsent(o.said(), r -> new int[4]);
                c[1]++;
                if (o.expected().contains(o.said())) {
                    c[2]++;
                }
            }
        }
        long clean = outcomes.stream().filter(o -> o.expected().isEmpty()).count();
        long cleanKept = outcomes.stream().filter(o -> o.expected().isEmpty() && !o.dropped()).count();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "| reason | frames | said | right | precision | recall |%n|---|---|---|---|---|---|%n"));
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", e.getKey().id(), c[0], c[1], c[2],
                    c[1] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", c[2] / (double) c[1]),
                    c[0] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", c[3] / (double) c[0])));
        }
        sb.append(String.format(Locale.ROOT, "| clean frames kept | %d | | %d | | %.2f |%n", clean, cleanKept,
                clean == 0 ? 1.0 : cleanKept / (double) clean));
        return sb.toString();
    }

}
