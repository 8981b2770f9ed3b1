package org.aniprep.filter;

import org.aniprep.cli.Main;
import org.aniprep.sidecar.FilterInfo;
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
 * Precision and recall of the text reasons on the text look-alike sets ({@link TextLookalikes}):
 * close-ups, eyes, hair, book spines, sign-like textures and facade pans that must be kept, and
 * subtitles, credits and title cards that must be found. The tuning seeds are the ones the
 * recogniser's thresholds were looked at on; the held-out seeds were run only to report. Arguments:
 * a work folder (kept: the filter reports are there) and optional extra filter arguments ({@code --evaluate-only}:
 * read the verdicts already recorded there, run nothing).
 * Run by bench/filter.sh.
 */
public final class TextLookalikeReport {
    static final long[] TUNING_SEEDS = {1, 2};
    static final long[] HELD_OUT_SEEDS = {1001, 1002, 1003};
    static final int PER_KIND = 5;

    /** What a title card on a flat colour may be rejected as first. */
    static final java.util.Set<Reason> FLAT = java.util.EnumSet.of(Reason.BLACK, Reason.WHITE, Reason.UNIFORM);

    record Outcome(String file, TextLookalikes.Kind kind, Reason said, boolean dropped, String text) {
        /** A title card on a flat colour may be rejected as flat first (rejected either way). */
        boolean right() {
            return kind.expected == null ? !dropped : said == kind.expected || kind == TextLookalikes.Kind.TITLE_CARD && FLAT.contains(said);
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/text-lookalikes").toAbsolutePath();
        List<String> extra = new ArrayList<>(args.length > 1 ? List.of(args).subList(1, args.length) : List.of());
        boolean evaluateOnly = extra.remove("--evaluate-only");
        for (String set : List.of("tuning", "held-out")) {
            long[] seeds = set.equals("tuning") ? TUNING_SEEDS : HELD_OUT_SEEDS;
            Path dir = work.resolve(set);
            if (!Files.isDirectory(dir)) {
                for (long seed : seeds) {
                    TextLookalikes.write(dir, seed, PER_KIND);
                }
            }
            List<String> cmd = new ArrayList<>(List.of("filter", "--src", dir.toString(), "--action", "report", "--quiet"));
            cmd.addAll(extra);
            long t0 = System.nanoTime();
            int rc = evaluateOnly ? 0 : Main.run(cmd.toArray(String[]::new));
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Outcome> outcomes = evaluate(dir);
            System.out.printf(Locale.ROOT, "%n%s set (seeds %s): %d frames, filter exit %d, %.1f s; report %s%n%s", set,
                    java.util.Arrays.toString(seeds), outcomes.size(), rc, seconds, dir.resolve("_report/filter.html"), table(outcomes));
            for (Outcome o : outcomes) {
                if (!o.right()) {
                    System.out.println("  wrong: " + o);
                }
            }
        }
    }

    static List<Outcome> evaluate(Path dir) throws IOException {
        List<Outcome> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png") && !dir.relativize(p).startsWith("_report")).sorted().toList()) {
                FilterInfo info = SidecarStore.read(p).get(FilterInfo.SECTION, FilterInfo.class)
                        .orElseThrow(() -> new AssertionError("no filter section: " + p));
                Reason said = info.dropped() ? Reason.of(info.reason())
                        : info.hits() != null && info.hits().contains(Reason.SUBTITLES.id()) ? Reason.SUBTITLES : null;
                Path rel = dir.relativize(p);
                out.add(new Outcome(rel.toString(), TextLookalikes.kindOf(rel), said, info.dropped(), TextReadings.of(info)));
            }
        }
        return out;
    }

    /**
     * Per text reason: frames of it, said, right, precision, recall (title cards on a flat colour that are
     * rejected as flat first are left out of the title cards' frames); then each look-alike kind's share kept.
     */
    static String table(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "| reason | frames | said | right | precision | recall |%n|---|---|---|---|---|---|%n"));
        for (Reason r : List.of(Reason.CREDITS, Reason.TITLE_CARD, Reason.SUBTITLES)) {
            long frames = outcomes.stream().filter(o -> o.kind().expected == r).count();
            long said = outcomes.stream().filter(o -> o.said() == r).count();
            long right = outcomes.stream().filter(o -> o.said() == r && o.kind().expected == r).count();
            if (r == Reason.TITLE_CARD) {
                frames -= outcomes.stream().filter(o -> o.kind().expected == r && FLAT.contains(o.said())).count();
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", r.id(), frames, said, right,
                    said == 0 ? "-" : String.format(Locale.ROOT, "%.2f", right / (double) said),
                    frames == 0 ? "-" : String.format(Locale.ROOT, "%.2f", right / (double) frames)));
        }
        Map<TextLookalikes.Kind, int[]> kept = new EnumMap<>(TextLookalikes.Kind.class);
        for (Outcome o : outcomes) {
            if (o.kind().expected == null) {
                int[] c = kept.computeIfAbsent(o.kind(), k -> new int[2]);
                c[0]++;
                c[1] += o.dropped() ? 0 : 1;
            }
        }
        kept.forEach((k, c) -> sb.append(String.format(Locale.ROOT, "| %s kept | %d | | %d | | %.2f |%n", k.folder(), c[0], c[1],
                c[1] / (double) c[0])));
        return sb.toString();
    }
}
