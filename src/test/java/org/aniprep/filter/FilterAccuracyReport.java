package org.aniprep.filter;

import org.aniprep.cli.Main;

import java.nio.file.Files;
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
                FilterEpisodes.third(c, videos.resolve("Filter Show - 03.mp4")));
        Path frames = work.resolve("frames");
        if (!Files.isDirectory(frames)) {
            int rc = Main.run("extract", "--src", videos.toString(), "--dst", frames.toString(), "--quiet");
            if (rc != 0) {
                throw new IllegalStateException("extract failed: " + rc);
            }
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
        FilterEval eval = new FilterEval();
        for (int i = 0; i < episodes.size(); i++) {
            eval.add(episodes.get(i), frames, i + 1);
        }
        System.out.printf("filter exit %d; %d frames from %d episodes%n%s", rc, eval.outcomes().size(), episodes.size(), eval.table());
        for (FilterEval.Outcome o : eval.wrong()) {
            System.out.println("  wrong: " + o);
        }
    }
}
