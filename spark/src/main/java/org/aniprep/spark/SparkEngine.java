package org.aniprep.spark;

import org.aniprep.extract.EpisodePlan;
import org.aniprep.extract.ExtractStage;
import org.aniprep.extract.Extractor;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.BoundStage;
import org.aniprep.pipeline.Engine;
import org.aniprep.pipeline.PerImage;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code aniprep run --engine spark}: extract runs as Spark tasks, one episode per task (each with a
 * streaming-dedup gate of its own, {@code extract.dedup-scope episode}), writing straight into the run
 * folder on the shared mount; the per-image stages ({@link PerImage}: detect, tag) as tasks over slices of
 * the frames still to do; the other stages run on the driver through their own {@code Stage.run}, so
 * the run folder, records and dataset are those of a local run with the same settings. Spark is only a
 * scheduler here (no shuffle): tasks return small summaries.
 */
public final class SparkEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    /** Found by {@code aniprep run} through {@link java.util.ServiceLoader}. */
    public static final class Provider implements Engine.Provider {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public Engine open(String master, RunLayout layout) {
            return new SparkEngine(master);
        }
    }

    private final JavaSparkContext spark;

    public SparkEngine(String master) {
        quietSpark();
        SparkConf conf = new SparkConf().setAppName("aniprep run");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        SparkVersions.driverMismatch(SparkVersions.builtWith(), SparkVersions.here()).ifPresent(why -> {
            throw new BadOptions(why);
        });
        SparkMaster.probe(conf.get("spark.master"));
        SparkJob.shipJobJar(conf);
        // a task that dies is retried; its episode converges (atomic writes, deterministic names, completion markers)
        conf.setIfMissing("spark.task.maxFailures", "4");
        this.spark = new JavaSparkContext(conf);
        try {
            SparkMaster.awaitExecutor(spark);
        } catch (RuntimeException e) {
            spark.close();
            throw e;
        }
        LOG.info("run: Spark {} master {} ({} default parallelism)", spark.version(), spark.master(), spark.defaultParallelism());
    }

    /**
     * Spark's INFO lines (dozens per job) and the executor's stack traces of a failed task would bury
     * aniprep's own lines, which name the cause; with slf4j-simple (./aniprep) Spark logs errors only,
     * all of it with -v. spark-submit's log4j2 configuration is left as the cluster has it.
     */
    private static void quietSpark() {
        boolean verbose = "debug".equals(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.sparkproject", verbose ? "info" : "error");
        if (!verbose) { // in local[N] the executor is this JVM: its "Exception in task" trace repeats the failure aniprep reports
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.executor.Executor", "off");
        }
    }

    @Override
    public Optional<String> refuse(List<BoundStage<?>> stages) {
        for (BoundStage<?> s : stages) {
            if (s.name().equals("extract") && !ExtractStage.perEpisode((ExtractStage.Options) s.options())) {
                return Optional.of("--engine spark extracts each episode on its own, as a task: extract.dedup-scope must be "
                        + "episode (it is run; 'aniprep run' defaults to episode)");
            }
        }
        return Optional.empty();
    }

    @Override
    public StageResult run(BoundStage<?> stage, RunLayout layout, StageContext context) throws IOException {
        if (stage.name().equals("extract")) {
            @SuppressWarnings("unchecked")
            BoundStage<ExtractStage.Options> extract = (BoundStage<ExtractStage.Options>) stage;
            return extract(extract, layout, context);
        }
        if (stage.stage().perImage().isPresent()) {
            return images(stage, layout, context);
        }
        return stage.run(context); // the global stages, and filter for now, on the driver
    }

    private <O> StageResult images(BoundStage<O> stage, RunLayout layout, StageContext context) throws IOException {
        return images(stage, stage.stage().perImage().orElseThrow(), layout, context);
    }

    /**
     * A per-image stage: planned on the driver (which images are left), the images as contiguous slices
     * (about two per task slot, so a slow slice does not hold up the rest) processed by
     * {@code mapPartitions} tasks that write the sections, then summarised (report, counts) on the driver.
     */
    private <O, P extends PerImage.Plan> StageResult images(BoundStage<O> stage, PerImage<O, P> work, RunLayout layout,
                                                           StageContext context) throws IOException {
        P plan = work.plan(stage.options(), context.problems());
        List<String> todo = plan.todo().stream().map(Path::toString).toList();
        if (todo.isEmpty()) {
            return work.summarise(stage.options(), plan, Map.of(), context.problems());
        }
        List<List<String>> groups = groups(todo, plan.groups());
        int slices = groups.isEmpty() ? Math.max(1, Math.min(todo.size(), 2 * spark.defaultParallelism())) : groups.size();
        int share = ImageTask.share(spark.defaultParallelism(), spark.getConf().getInt("spark.task.cpus", 1), slices);
        ImageTask task = ImageTask.of(stage, layout, SparkVersions.here(), spark.master().startsWith("local"), share);
        LOG.info("{}: {} image(s) as {} Spark task(s){} on {}", stage.name(), todo.size(), slices,
                groups.isEmpty() ? "" : ", one per episode,", spark.master());
        spark.setCallSite("aniprep " + stage.name() + ": " + todo.size() + " image(s)");
        List<ImageTask.Outcome> outcomes;
        try {
            outcomes = groups.isEmpty() ? spark.parallelize(todo, slices).mapPartitions(task::process).collect()
                    : spark.parallelize(groups, slices).mapPartitions(task::processGroups).collect();
        } catch (Exception e) { // SparkException is checked, but Scala does not declare it
            throw new IOException(SparkFailures.describe(e), e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ImageTask.Outcome out : outcomes) {
            counts = PerImage.add(counts, out.counts());
            out.problems().forEach(p -> context.problems().add(p.file(), p.message()));
            LOG.debug("{}: task {} on {}: {} image(s) in {} s ({} thread(s), {})", stage.name(), out.partition(), out.host(), out.images(),
                    String.format("%.1f", out.millis() / 1000.0), out.threads(), out.gpu() < 0 ? "CPU" : "GPU " + out.gpu());
        }
        return work.summarise(stage.options(), plan, counts, context.problems());
    }

    /** {@code todo} cut into the plan's groups (each a task: filter's episodes), or none when any cut will do. */
    static List<List<String>> groups(List<String> todo, List<Integer> sizes) {
        List<List<String>> out = new ArrayList<>();
        int from = 0;
        for (int n : sizes) {
            out.add(new ArrayList<>(todo.subList(from, from + n)));
            from += n;
        }
        if (from != todo.size() && !sizes.isEmpty()) {
            throw new IllegalStateException("the plan's groups cover " + from + " of " + todo.size() + " image(s)");
        }
        return out;
    }

    private StageResult extract(BoundStage<ExtractStage.Options> stage, RunLayout layout, StageContext context) throws IOException {
        ExtractStage.Options o = stage.options();
        List<EpisodePlan> plans = ExtractStage.episodes(o, context.problems());
        if (plans.isEmpty()) {
            return stage.run(context); // says there are no videos, as locally
        }
        EpisodeTask task = EpisodeTask.of(layout, stage.settings(), SparkVersions.here());
        LOG.info("extract: {} episode(s) as {} Spark task(s) on {}", plans.size(), plans.size(), spark.master());
        List<EpisodeTask.Outcome> outcomes = extract(spark, task, plans.size());
        Extractor.Summary total = Extractor.Summary.NONE;
        for (EpisodeTask.Outcome out : outcomes) {
            total = total.plus(out.summary());
            out.problems().forEach(p -> context.problems().add(p.file(), p.message()));
            LOG.info("extract: task {} on {}: {} frame(s) in {} s", out.episode(), out.host(), out.summary().frames(),
                    String.format("%.1f", out.millis() / 1000.0));
        }
        return ExtractStage.summary(o, total);
    }

    /** One task per episode, {@code 0..episodes-1}; a failed job is one line (the task's own message). */
    static List<EpisodeTask.Outcome> extract(JavaSparkContext spark, EpisodeTask task, int episodes) throws IOException {
        spark.setCallSite("aniprep extract: " + episodes + " episode(s)"); // the stage's name in the UI and in TaskTimes
        try {
            return spark.parallelize(IntStream.range(0, episodes).boxed().toList(), episodes).map(task::extract).collect();
        } catch (Exception e) { // SparkException is checked, but Scala does not declare it
            throw new IOException(SparkFailures.describe(e), e);
        }
    }

    @Override
    public void close() {
        spark.close();
    }
}
