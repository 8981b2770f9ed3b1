package org.aniprep.spark;

import org.aniprep.cli.Main;
import org.aniprep.testing.DatasetBytes;
import org.aniprep.tag.Wd14Models;
import org.aniprep.tag.Wd14StandIn;
import org.aniprep.testing.SceneClips;
import org.aniprep.testing.ShowEpisodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job jar submitted with {@code org.apache.spark.deploy.SparkSubmit} (a JVM of its own, the driver, with
 * Spark's jars only on its class path) to a real standalone cluster of one master and two workers (JVMs of
 * their own, Spark's jars only): the generated end-to-end episodes of SparkRunTest give the local run's
 * dataset. Then the same with one worker JVM killed (SIGKILL) while its executor runs an extract task: the
 * task is run again on the other worker and the dataset is still the local run's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterRunTest {
    private static final long JOB_S = 300;
    private Path tmp;
    private Path videos;
    private Path refs;
    private Path config;
    private Path run;
    private Map<String, String> env;
    private Map<String, String> localDataset;
    private Map<String, String> localFrames;
    private StandaloneCluster cluster;
    private final java.util.Set<Path> earlierApps = new java.util.HashSet<>();

    /** {@code spark/target/aniprep-spark.jar}, built before the tests (the pom binds the shade to process-test-classes). */
    static Path jobJar() {
        Path jar = Path.of(System.getProperty("aniprep.spark.lib", "target/lib")).toAbsolutePath().resolveSibling("aniprep-spark.jar");
        assertThat(jar).as("the job jar (mvn package in spark/)").isRegularFile();
        return jar;
    }

    @BeforeAll
    void localRunAndCluster(@TempDir Path tmp) throws IOException, InterruptedException {
        this.tmp = tmp;
        videos = tmp.resolve("videos");
        refs = tmp.resolve("refs");
        for (int ep = 1; ep <= 2; ep++) {
            ShowEpisodes.record(videos.resolve("Show - 0" + ep + ".mp4"), SceneClips.SMALL, ShowEpisodes.episode(ep, SceneClips.SMALL));
        }
        ShowEpisodes.writeRefs(refs);
        config = Files.writeString(tmp.resolve("pipeline.yaml"), "arrange:\n  min-images-per-combination: 2\n");
        Path models = tmp.resolve("models");
        new Wd14StandIn(3).write(models.resolve(Wd14Models.DEFAULT_ID), false);
        env = Map.of("ANIPREP_MODEL_PATH", models + File.pathSeparator + SceneClips.shared().resolve("models"),
                "HF_HUB_CACHE", tmp.resolve("hub").toString(), "HF_HOME", tmp.resolve("hfhome").toString(), "HF_HUB_OFFLINE", "1");
        run = tmp.resolve("w/run"); // every run uses the same absolute folder, so paths written into files are the same

        env.forEach((k, v) -> System.setProperty("aniprep.env." + k, v));
        try {
            assertThat(Main.run(args().toArray(String[]::new))).as("local run").isZero();
        } finally {
            env.keySet().forEach(k -> System.clearProperty("aniprep.env." + k));
        }
        localDataset = DatasetBytes.of(run.resolve("dataset"));
        localFrames = DatasetBytes.records(run.resolve("frames"));
        assertThat(localDataset).as("the local run made a dataset").isNotEmpty()
                .anySatisfy((k, v) -> assertThat(k).endsWith("/multiply.txt"))
                .anySatisfy((k, v) -> assertThat(k).contains("EP02").endsWith(".txt"));
        delete(run);
        cluster = StandaloneCluster.start(tmp.resolve("cluster"), 2, 1, "2g", env);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theSubmittedJobJarGivesTheLocalRunsDataset() throws Exception {
        Process driver = submit("plain");
        assertThat(driver.waitFor(JOB_S, TimeUnit.SECONDS)).as("the job ended within %d s", JOB_S).isTrue();
        assertThat(driver.exitValue()).as(log("plain")).isZero();
        assertSameDataset("plain");
        delete(run);
    }

    @Test
    @Order(2)
    void aWorkerKilledWhileItsTaskRunsLeavesTheDatasetAsItWas() throws Exception {
        for (int w = 0; w < cluster.workers().size(); w++) { // the first test's application left its folders
            try (Stream<Path> s = Files.list(cluster.workDir(w))) {
                s.forEach(earlierApps::add);
            }
        }
        Process driver = submit("kill");
        try {
            int victim = awaitRunningTask(driver);
            Process worker = cluster.workers().get(victim);
            List<ProcessHandle> executors = StandaloneCluster.executors(worker);
            String before = executorLogs(victim);
            worker.destroyForcibly(); // SIGKILL: no shutdown hook, the master and the driver just lose it
            worker.waitFor();
            assertThat(before).as("the killed worker's executor had not finished its task yet").doesNotContain("Finished task");
            assertThat(driver.waitFor(JOB_S, TimeUnit.SECONDS)).as("the job ended within %d s", JOB_S).isTrue();
            // the killed worker's executor sees its worker go (Spark's WorkerWatcher) and exits; a lost node would take both
            executors.forEach(e -> assertThat(e.onExit().completeOnTimeout(e, 30, TimeUnit.SECONDS).join().isAlive())
                    .as("executor %d outlived its worker", e.pid()).isFalse());
            assertThat(driver.exitValue()).as(log("kill")).isZero();
            assertThat(Files.readString(tmp.resolve("driver-kill.log"))).as("the driver's log").containsPattern("(?i)lost|removeExecutor");
            assertSameDataset("kill");
        } finally {
            driver.destroyForcibly();
        }
    }

    /** The driver: {@code spark-submit --master spark://… --class org.aniprep.spark.SparkJob aniprep-spark.jar run …}. */
    private Process submit(String name) throws IOException {
        Path lib = Path.of(System.getProperty("aniprep.spark.lib", "target/lib")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Djava.awt.headless=true"));
        cmd.addAll(Arrays.asList(System.getProperty("aniprep.spark.javaOpts", "").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", lib + "/*", "org.apache.spark.deploy.SparkSubmit", "--master", cluster.url(),
                "--deploy-mode", "client", "--class", "org.aniprep.spark.SparkJob",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.memory=1536m", "--conf", "spark.ui.showConsoleProgress=false"));
        env.forEach((k, v) -> cmd.addAll(List.of("--conf", "spark.executorEnv." + k + "=" + v)));
        cmd.add(jobJar().toString());
        cmd.addAll(args());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("driver-" + name + ".log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("SPARK_HOME", StandaloneCluster.sparkHome().toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    /** Polls the workers' executor logs until one runs a task; returns that worker's index. */
    private int awaitRunningTask(Process driver) throws IOException, InterruptedException {
        long until = System.currentTimeMillis() + JOB_S * 1000;
        while (System.currentTimeMillis() < until && driver.isAlive()) {
            for (int w = 0; w < cluster.workers().size(); w++) {
                if (executorLogs(w).contains("Running task")) {
                    return w;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no executor ran a task:\n" + log("kill") + cluster.logs());
    }

    /** The stderr of the executors this worker started for the newest application ("Running task 0.0 in stage 0.0 (TID 0)"). */
    private String executorLogs(int worker) throws IOException {
        Path dir = cluster.workDir(worker);
        StringBuilder out = new StringBuilder();
        if (Files.isDirectory(dir)) {
            Optional<Path> app;
            try (Stream<Path> s = Files.list(dir)) { // app-yyyyMMddHHmmss-NNNN: the newest sorts last
                app = s.filter(p -> p.getFileName().toString().startsWith("app-")).filter(p -> !earlierApps.contains(p)).max(Path::compareTo);
            }
            if (app.isEmpty()) {
                return "";
            }
            try (Stream<Path> s = Files.walk(app.get())) {
                for (Path f : s.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                    out.append(Files.readString(f));
                }
            }
        }
        return out.toString();
    }

    private void assertSameDataset(String name) throws IOException {
        String why = "driver log " + tmp.resolve("driver-" + name + ".log");
        assertThat(DatasetBytes.of(run.resolve("dataset"))).as("dataset (%s)", why).isEqualTo(localDataset);
        assertThat(DatasetBytes.records(run.resolve("frames"))).as("frames' records (%s)", why).isEqualTo(localFrames);
    }

    private String log(String name) {
        try {
            List<String> lines = Files.readAllLines(tmp.resolve("driver-" + name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no driver log: " + e.getMessage() + ")";
        }
    }

    private List<String> args() {
        return List.of("run", "-q", "--src", videos.toString(), "--dst", run.toString(), "--refs", refs.toString(),
                "--config", config.toString());
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
