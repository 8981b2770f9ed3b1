package org.aniprep.bench;

import org.aniprep.cli.Main;
import org.aniprep.testing.DatasetBytes;
import org.aniprep.testing.Folders;
import org.aniprep.testing.ShowEpisodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aniprep run} on bench/run.sh's 1080p episode, locally and with {@code --engine spark --master
 * local[2]}, each in a fresh JVM with the same class path (spark/'s: aniprep on Spark's Jackson line):
 * per-stage times from the {@code run [k/n] <stage>} lines, the Spark task times (extract, detect, tag) from
 * {@link org.aniprep.spark.TaskTimes} (a SparkListener), medians over RUNS pairs, the ratio (Spark's
 * overhead on one machine; limit 1.3×) and whether the two datasets are byte-identical.
 * Args (optional): RUNS (default 1) SECONDS (episode length, default 60).
 */
public final class SparkBench {
    private static final Pattern STAGE_LINE = Pattern.compile("run \\[(\\d+)/(\\d+)(?:, [^\\]]*)?] ([a-z]+)");
    private static final Pattern TASK_LINE = Pattern.compile("spark: task (\\d+) of stage (\\d+) on executor \\S+ \\([^)]*\\): "
            + "([\\d.]+) s, run ([\\d.]+) s, deserialize ([\\d.]+) s, gc ([\\d.]+) s");
    private static final Pattern SPARK_STAGE = Pattern.compile("spark: stage (\\d+) \\((.*)\\) (\\d+) task\\(s\\) in ([\\d.]+) s");

    /** One run: stage seconds in run order, JVM start to first stage, total, exit, extract's task lines and stage line. */
    record Timing(Map<String, Double> stages, double startup, double total, int exit, List<double[]> tasks, List<String> sparkStages,
                  Map<Integer, String> stageNames) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path work = Files.createDirectories(Path.of("target/bench-spark").toAbsolutePath());
        Path videos = RunBench.episode(work.resolve("episode-" + seconds + "s-seed7"), seconds);
        Path refs = work.resolve("refs");
        if (!Files.isDirectory(refs)) {
            ShowEpisodes.writeRefs(refs);
        }
        System.out.printf("episode: %s, 1920x1080, %d s at 24 fps; %d cores; load average before: %s%n", videos.getFileName(), seconds,
                Runtime.getRuntime().availableProcessors(), load());
        List<Timing> local = new ArrayList<>();
        List<Timing> spark = new ArrayList<>();
        boolean same = true;
        for (int i = 0; i < runs; i++) {
            Path run = work.resolve("run");
            Path kept = work.resolve("run-local");
            Folders.deleteTree(run);
            Folders.deleteTree(kept);
            local.add(pipeline(videos, run, refs, work, List.of()));
            Files.move(run, kept);
            spark.add(pipeline(videos, run, refs, work, List.of("--engine", "spark", "--master", "local[2]")));
            boolean equal = DatasetBytes.of(kept.resolve("dataset")).equals(DatasetBytes.of(run.resolve("dataset")));
            same &= equal;
            System.out.printf("pair %d: local %.1f s (exit %d), local[2] %.1f s (exit %d), datasets %s%n", i + 1, local.get(i).total(),
                    local.get(i).exit(), spark.get(i).total(), spark.get(i).exit(), equal ? "byte-identical" : "DIFFER");
        }
        System.out.printf("%-22s %10s %10s %8s%n", "stage (median)", "local", "local[2]", "ratio");
        row("(JVM start, config)", median(local, Timing::startup), median(spark, Timing::startup));
        for (String stage : local.get(0).stages().keySet()) {
            row(stage, median(local, t -> t.stages().getOrDefault(stage, 0.0)), median(spark, t -> t.stages().getOrDefault(stage, 0.0)));
        }
        double lt = median(local, Timing::total);
        double st = median(spark, Timing::total);
        row("whole run", lt, st);
        System.out.println("Spark tasks (last local[2] run; the UI's stage page):");
        Timing last = spark.get(spark.size() - 1);
        last.sparkStages().forEach(s -> System.out.println("  " + s));
        for (double[] t : last.tasks()) {
            System.out.printf("  task %d: %.2f s (run %.2f s, deserialize %.2f s, gc %.2f s)%n", (int) t[0], t[1], t[2], t[3], t[4]);
        }
        // per aniprep stage (extract, detect, tag): the tasks' run times, medians over the local[2] runs
        Map<String, List<Double>> runTimes = new TreeMap<>();
        Map<String, List<Double>> sums = new TreeMap<>();
        for (Timing t : spark) {
            Map<String, Double> sum = new TreeMap<>();
            for (double[] x : t.tasks()) {
                String name = t.stageNames().getOrDefault((int) x[5], "stage " + (int) x[5]);
                runTimes.computeIfAbsent(name, k -> new ArrayList<>()).add(x[2]);
                sum.merge(name, x[2], Double::sum);
            }
            sum.forEach((k, v) -> sums.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        for (Map.Entry<String, List<Double>> e : runTimes.entrySet()) {
            String stage = e.getKey();
            System.out.printf("%s task run time: median %.2f s over %d task(s), summed per run %.2f s (median); "
                            + "the run's %s stage %.2f s%n", stage, med(e.getValue()), e.getValue().size(), med(sums.get(stage)), stage,
                    median(spark, t -> t.stages().getOrDefault(stage, 0.0)));
        }
        System.out.printf("load average after: %s%n", load());
        System.out.printf("datasets: %s%n", same ? "byte-identical in every pair" : "DIFFER");
        System.out.printf("RATIO local[2] / local = %.2f (limit 1.3)%n", st / lt);
    }

    private static Timing pipeline(Path videos, Path dst, Path refs, Path work, List<String> engine) throws Exception {
        Path argfile = work.resolve("java-args.txt");
        Files.writeString(argfile, "-cp\n" + System.getProperty("java.class.path") + "\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx4g",
                "-XX:+UseParallelGC", "-Djava.awt.headless=true", "-Dspark.ui.enabled=false",
                "-Dspark.extraListeners=org.aniprep.spark.TaskTimes", "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider"));
        cmd.addAll(Arrays.asList(System.getProperty("aniprep.spark.javaOpts", "").trim().split("\\s+")));
        cmd.addAll(List.of("@" + argfile, Main.class.getName(), "run", "--src", videos.toString(), "--dst", dst.toString(),
                "--refs", refs.toString()));
        cmd.addAll(engine);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        String shared = System.getProperty("aniprep.shared", "../shared");
        pb.environment().putIfAbsent("ANIPREP_MODEL_PATH", Path.of(shared, "models").toAbsolutePath().toString());
        pb.environment().put("HF_HUB_OFFLINE", "1");
        long t0 = System.nanoTime();
        Process p = pb.start();
        List<String> names = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        List<double[]> tasks = new ArrayList<>();
        List<String> stagesSeen = new ArrayList<>();
        Map<Integer, String> stageNames = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                Matcher m = STAGE_LINE.matcher(line);
                Matcher task = TASK_LINE.matcher(line);
                Matcher stage = SPARK_STAGE.matcher(line);
                if (m.find()) {
                    names.add(m.group(3));
                    at.add(System.nanoTime());
                } else if (task.find()) {
                    tasks.add(new double[] {Integer.parseInt(task.group(1)), Double.parseDouble(task.group(3)),
                            Double.parseDouble(task.group(4)), Double.parseDouble(task.group(5)), Double.parseDouble(task.group(6)),
                            Integer.parseInt(task.group(2))});
                } else if (stage.find()) {
                    stagesSeen.add(stage.group().substring("spark: ".length()));
                    Matcher name = Pattern.compile("^aniprep ([a-z]+):").matcher(stage.group(2));
                    stageNames.put(Integer.parseInt(stage.group(1)), name.find() ? name.group(1) : stage.group(2));
                }
            }
        }
        int exit = p.waitFor();
        long end = System.nanoTime();
        Path log = work.resolve(engine.isEmpty() ? "local.log" : "spark.log");
        Files.write(log, lines);
        if (exit != 0 || names.isEmpty()) {
            System.out.printf("aniprep run %s exited %d; its output is in %s%n", engine, exit, log);
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            stages.put(names.get(i), ((i + 1 < at.size() ? at.get(i + 1) : end) - at.get(i)) / 1e9);
        }
        return new Timing(stages, at.isEmpty() ? 0 : (at.get(0) - t0) / 1e9, (end - t0) / 1e9, exit, tasks, stagesSeen, stageNames);
    }

    private static void row(String name, double local, double spark) {
        System.out.printf("%-22s %8.2f s %8.2f s %7.2fx%n", name, local, spark, local > 0 ? spark / local : 0);
    }

    private static double median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> f) {
        return med(timings.stream().map(f::applyAsDouble).toList());
    }

    private static double med(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n == 0 ? 0 : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static String load() throws IOException {
        Path p = Path.of("/proc/loadavg");
        return Files.isReadable(p) ? String.join(" ", List.of(Files.readString(p).trim().split(" ")).subList(0, 3)) : "?";
    }
}
