package org.aniprep.filter;

import org.aniprep.cli.Main;

import java.nio.file.Path;
import java.util.List;

/**
 * The per-reason precision and recall of docs/filter.md: records the three test episodes
 * ({@link FilterEpisodes}), extracts them with {@code aniprep extract}, filters with the default
 * options and compares every frame's verdict with its segment. Arguments: a work folder (kept, so the
 * report and sidecars can be looked at) and optional extra filter arguments. Run by bench/filter.sh.
 */
public final class FilterAccuracyReport {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/filter-accuracy").toAbsolutePath();
        FilterClips c = new FilterClips(work.resolve("stills"));
        Path videos = work.resolve("videos");
        List<FilterClips.Episode> episodes = List.of(
                FilterEpisodes.first(c, videos.resolve("Filter Show - 01.mp4")),
                FilterEpisodes.second(c, videos.resolve("Filter Show - 02.mp4")),
                FilterEpisodes.third(c, videos.resolve("Filter Show - 03.mp4")),
                FilterEpisodes.fourth(c, videos.resolve("Filter Show - 04.mp4")),
                FilterEpisodes.fifth(c, videos.resolve("Filter Show - 05.mp4")));
        Path frames = work.resolve("frames");
        // episodes extracted by an earlier run are skipped
        int extracted = Main.run("extract", "--src", videos.toString(), "--dst", frames.toString(), "--quiet");
        if (extracted != 0) {
            throw new IllegalStateException("extract failed: " + extracted);
        }
        String[] filterArgs = new String[args.length + 2];
        filterArgs[0] = "filter";
        filterArgs[1] = "--src";
        filterArgs[2] = frames.toString();
        System.arraycopy(args, Math.min(1, args.length), filterArgs, 3, Math.max(0, args.length - 1));
        filterArgs = java.util.Arrays.copyOf(filterArgs, 3 + Math.max(0, args.length - 1));
        List<String> withAction = new java.util.ArrayList<>(List.of(filterArgs));
        if (!withAction.contains("--action")) {
            withAction.addAll(List.of("--action", "report"));
        }
        int rc = Main.run(withAction.toArray(String[]::new));
        FilterEval tuned = new FilterEval();
        FilterEval heldOut = new FilterEval();
        for (int i = 0; i < episodes.size(); i++) {
            (i < 3 ? tuned : heldOut).add(episodes.get(i), frames, i + 1);
        }
        System.out.printf("filter exit %d%n", rc);
        for (FilterEval eval : List.of(tuned, heldOut)) {
            System.out.printf("%n%s: %d frames%n%s", eval == tuned ? "episodes 1-3 (the thresholds were set on these)"
                    : "episodes 4-5 (held out)", eval.outcomes().size(), eval.table());
            for (FilterEval.Outcome o : eval.wrong()) {
                System.out.println("  wrong: " + o);
            }
        }
    }
}
