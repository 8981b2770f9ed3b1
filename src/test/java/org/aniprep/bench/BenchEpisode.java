package org.aniprep.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws (once) the generated 1080p episode bench/run.sh uses, into {@code target/bench-run/}, and
 * prints its folder: for measuring the launcher by hand ({@code /usr/bin/time -v ./aniprep extract ...}).
 * Args (optional): SECONDS (default 240, bench/run.sh's length).
 */
public final class BenchEpisode {
    private BenchEpisode() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        Path work = Files.createDirectories(Path.of("target/bench-run").toAbsolutePath());
        System.out.println(RunBench.episode(work.resolve("episode-" + seconds + "s-seed7"), seconds));
    }
}
