package org.aniprep.bench;

import org.aniprep.cli.Main;
import org.aniprep.console.Progress;
import org.aniprep.demo.Storyboard;
import org.aniprep.testing.FfmpegCliReference;
import org.aniprep.testing.Folders;
import org.aniprep.testing.SceneClips;
import org.aniprep.testing.ShowEpisodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole pipeline on a generated 1080p episode against the ffmpeg CLI decoding the same file
 * through mpdecimate ({@code ffmpeg -i f -vf mpdecimate -f null -}), both timed in this process:
 * {@code aniprep run} in a fresh JVM (as a user starts it: JVM start included, the launcher's collector), CPU, offline models
 * only, each stage's time from the {@code run [k/n] <stage>} lines it logs. Goal: the whole run ≤ 3×
 * the CLI, never over 5×.
 * Args (optional): RUNS (pipeline runs, default 1; the CLI runs once before each and twice after)
 * SECONDS (episode length, default 240).
 */
public final class RunBench {
    private static final Pattern STAGE_LINE = Pattern.compile("run \\[(\\d+)/(\\d+)(?:, [^\\]]*)?] ([a-z]+)");
    private static final long SEED = 7;

    /** One pipeline run: each stage's seconds in run order, JVM start to first stage, total, exit code. */
    record Timing(Map<String, Double> stages, double startup, double total, int exit, List<String> skipped) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 240;
        if (!FfmpegCliReference.available()) {
            System.out.println("ffmpeg CLI not installed: no baseline (apt-get install ffmpeg)");
            return;
        }
        Path work = Files.createDirectories(Path.of("target/bench-run").toAbsolutePath());
        Path videos = episode(work.resolve("episode-" + seconds + "s-seed" + SEED), seconds);
        Path video;
        try (Stream<Path> s = Files.list(videos)) {
            video = s.filter(p -> p.toString().endsWith(".mp4")).findFirst().orElseThrow();
        }
        Path refs = work.resolve("refs");
        if (!Files.isDirectory(refs)) {
            ShowEpisodes.writeRefs(refs);
        }
        System.out.printf("episode: %s, 1920x1080, %d s at 24 fps, %.0f MB; %d cores; load average before: %s%n",
                video.getFileName(), seconds, Files.size(video) / 1e6, Runtime.getRuntime().availableProcessors(), load());

        List<Double> cli = new ArrayList<>();
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            cli.add(ffmpeg(video));
            Path dst = work.resolve("run");
            Folders.deleteTree(dst);
            Timing t = pipeline(videos, dst, refs, work);
            timings.add(t);
            System.out.printf("pipeline run %d: %.1f s, exit %d%n", i + 1, t.total(), t.exit());
        }
        cli.add(ffmpeg(video));
        cli.add(ffmpeg(video));
        double base = median(cli);
        System.out.printf("ffmpeg -i f -vf mpdecimate -f null - : median %.2f s of %d (%s)%n", base, cli.size(), cli);

        System.out.printf("%-22s %10s %8s %12s%n", "stage", "time", "share", "x ffmpeg");
        double total = median(timings.stream().map(Timing::total).toList());
        row("(JVM start, config)", median(timings.stream().map(Timing::startup).toList()), total, base);
        for (String stage : timings.get(0).stages().keySet()) {
            row(stage, median(timings.stream().map(t -> t.stages().getOrDefault(stage, 0.0)).toList()), total, base);
        }
        row("whole run", total, total, base);
        if (!timings.get(0).skipped().isEmpty()) {
            System.out.println("skipped: " + String.join("; ", timings.get(0).skipped()));
        }
        System.out.printf("load average after: %s%n", load());
        System.out.printf("RATIO aniprep run / ffmpeg decode+mpdecimate = %.2f (goal <= 3, limit 5)%n", total / base);
    }

    /** The bench episode, drawn once and kept ({@code ClipRecorder} writes the file atomically). */
    static Path episode(Path dir, int seconds) throws IOException {
        Path video = dir.resolve("[bench] Show - 01 [1080p].mp4");
        if (!Files.isRegularFile(video)) {
            System.out.printf("drawing a %d s 1080p episode into %s (once; kept for later runs)...%n", seconds, dir);
            Storyboard board = ShowEpisodes.longEpisode(SEED, seconds, SceneClips.FULL_HD);
            try (Progress progress = Progress.start("drawing", "frames", board.frameCount())) {
                ShowEpisodes.record(video, SceneClips.FULL_HD, board, progress::step);
            }
        }
        return dir;
    }

    private static double ffmpeg(Path video) throws Exception {
        long t0 = System.nanoTime();
        FfmpegCliReference.run("-i", video.toString(), "-vf", "mpdecimate", "-f", "null", "-");
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {@code aniprep run} in a child JVM with this classpath; stage times from its stage lines as they arrive. */
    private static Timing pipeline(Path videos, Path dst, Path refs, Path work) throws Exception {
        Path argfile = work.resolve("java-args.txt");
        Files.writeString(argfile, "-cp\n" + System.getProperty("java.class.path") + "\n");
        Path log = work.resolve("run.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx4g", "-XX:+UseParallelGC", "-Djava.awt.headless=true", "@" + argfile, Main.class.getName(),
                "run", "--src", videos.toString(), "--dst", dst.toString(), "--refs", refs.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        String shared = System.getProperty("aniprep.shared", "../shared");
        pb.environment().putIfAbsent("ANIPREP_MODEL_PATH", Path.of(shared, "models").toAbsolutePath().toString());
        pb.environment().put("HF_HUB_OFFLINE", "1");
        long t0 = System.nanoTime();
        Process p = pb.start();
        List<String> names = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                Matcher m = STAGE_LINE.matcher(line);
                if (m.find()) {
                    names.add(m.group(3));
                    at.add(System.nanoTime());
                } else if (line.contains("run: ") && line.contains(" skipped: ")) {
                    skipped.add(line.trim());
                }
            }
        }
        int exit = p.waitFor();
        long end = System.nanoTime();
        Files.write(log, lines);
        if (exit != 0 || names.isEmpty()) {
            System.out.printf("aniprep run exited %d; its output is in %s%n", exit, log);
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            long stop = i + 1 < at.size() ? at.get(i + 1) : end;
            stages.put(names.get(i), (stop - at.get(i)) / 1e9);
        }
        double startup = at.isEmpty() ? 0 : (at.get(0) - t0) / 1e9;
        return new Timing(stages, startup, (end - t0) / 1e9, exit, skipped);
    }

    private static void row(String name, double s, double total, double base) {
        System.out.printf("%-22s %8.2f s %7.1f%% %11.2fx%n", name, s, 100 * s / total, s / base);
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static String load() throws IOException {
        Path p = Path.of("/proc/loadavg");
        return Files.isReadable(p) ? String.join(" ", List.of(Files.readString(p).trim().split(" ")).subList(0, 3)) : "?";
    }
}
