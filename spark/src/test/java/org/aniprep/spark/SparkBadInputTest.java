package org.aniprep.spark;

import org.aniprep.cli.Main;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.testing.SceneClips;
import org.aniprep.testing.ShowEpisodes;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code aniprep run --engine spark} says, in one line and bounded time, when the cluster is not what it needs. */
class SparkBadInputTest {
    @TempDir
    Path tmp;

    @Test
    void aMasterNobodyListensOnIsOneLineWithinSeconds() throws IOException {
        String url = "spark://127.0.0.1:" + StandaloneCluster.freePort();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new SparkEngine(url)).isInstanceOf(BadOptions.class)
                .hasMessageStartingWith("--master " + url + " does not answer: 127.0.0.1:")
                .hasMessageNotContaining("\n");
        Path videos = Files.createDirectories(tmp.resolve("videos"));
        assertThat(Main.run("run", "-q", "--src", videos.toString(), "--dst", tmp.resolve("run").toString(), "--engine", "spark",
                "--master", url)).as("exit code: bad usage or configuration").isEqualTo(1);
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds for both").isLessThan(2.0 * SparkMaster.CONNECT_MS / 1000);
    }

    @Test
    void aMasterThatAcceptsButGivesNoExecutorIsOneLineAfterTheWait() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accept = new Thread(() -> keepAccepting(silent));
            accept.setDaemon(true);
            accept.start();
            String url = "spark://127.0.0.1:" + silent.getLocalPort();
            System.setProperty(SparkMaster.WAIT, "3s");
            long t0 = System.nanoTime();
            try {
                // either the wait ends it, or Spark's own registration gives up first (3 × 20 s) and stops the context
                assertThatThrownBy(() -> new SparkEngine(url)).isInstanceOf(BadOptions.class)
                        .hasMessageStartingWith("--master " + url + " ")
                        .hasMessageFindingMatch("gave no executor within 3 s|ended the application before it had an executor")
                        .hasMessageNotContaining("\n");
            } finally {
                System.clearProperty(SparkMaster.WAIT);
                accept.interrupt();
                for (int i = 0; i < 300 && org.apache.spark.SparkContext$.MODULE$.getActive().isDefined(); i++) {
                    Thread.sleep(100); // Spark's own give-up stops the context on a thread of its own
                }
            }
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds, the wait and Spark's start and stop").isLessThan(90);
        }
    }

    @Test
    void theVersionsThisBuildRunsAreThoseItWasBuiltWith() {
        SparkVersions here = SparkVersions.here();
        assertThat(here.spark()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(SparkVersions.driverMismatch(SparkVersions.builtWith(), here)).isEmpty();
        assertThat(here.aniprep()).isEqualTo(SparkVersions.builtWith().aniprep());
    }

    @Test
    void anotherSparkLineOrScalaOrAniprepOnTheDriverIsNamed() {
        SparkVersions built = new SparkVersions("4.2.0", "2.13", "0.1.0");
        assertThat(SparkVersions.driverMismatch(built, new SparkVersions("4.2.1", "2.13", "0.1.0"))).as("a patch release").isEmpty();
        assertThat(SparkVersions.driverMismatch(built, new SparkVersions("3.5.3", "2.13", "0.1.0"))).hasValueSatisfying(m -> assertThat(m)
                .isEqualTo("aniprep-spark was built for Spark 4.2.0, but this JVM runs Spark 3.5.3: use a Spark 4.2.x, or rebuild "
                        + "spark/ with -Dspark.version=3.5.3"));
        assertThat(SparkVersions.driverMismatch(built, new SparkVersions("3.5.3", "2.12", "0.1.0"))).hasValueSatisfying(m -> assertThat(m)
                .startsWith("aniprep-spark was built for Scala 2.13 (Spark 4.2.0), but this JVM runs Scala 2.12 (Spark 3.5.3)"));
        assertThat(SparkVersions.driverMismatch(built, new SparkVersions("4.2.0", "2.13", "0.2.0"))).hasValueSatisfying(m -> assertThat(m)
                .startsWith("aniprep-spark was built against aniprep 0.1.0, but the class path has aniprep 0.2.0"));
    }

    @Test
    void anExecutorWithOtherVersionsThanTheDriverFailsItsTaskNamingThem() throws IOException {
        SparkVersions here = SparkVersions.here();
        SparkVersions driver = new SparkVersions("4.1.1", here.scala(), "0.0.9");
        EpisodeTask task = new EpisodeTask(tmp.toString(), tmp.toString(), null, List.of(), List.of(), driver);
        SparkConf conf = new SparkConf().setMaster("local[1]").setAppName("versions").set("spark.task.maxFailures", "1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            assertThatThrownBy(() -> SparkEngine.extract(spark, task, 1)).isInstanceOf(IOException.class)
                    .hasMessage("Spark job failed: executor host " + EpisodeTask.host() + " runs Spark " + here.spark()
                            + " (the driver 4.1.1) and aniprep " + here.aniprep() + " (the driver 0.0.9): install the same Spark "
                            + "and aniprep on every node (docs/spark.md)");
        }
    }

    /**
     * {@code --src /proc/self/cwd/…}: the driver (this JVM, working directory spark/) sees the videos;
     * the executor, a JVM a standalone worker starts in its own work directory, does not: a shared
     * mount that one node lacks. The run stops at extract with the task's line, naming path and host.
     */
    @Test
    void aSrcTheExecutorsCannotSeeIsOneLineNamingPathAndHost() throws Exception {
        Path relative = Path.of("target/bad-input/videos");
        Files.createDirectories(relative);
        ShowEpisodes.record(relative.resolve("Show - 01.mp4"), SceneClips.SMALL, ShowEpisodes.episode(1, SceneClips.SMALL));
        String src = "/proc/self/cwd/" + relative;
        Path run = tmp.resolve("run");
        List<String> props = List.of("spark.jars", "spark.executor.memory", "spark.driver.host");
        try (StandaloneCluster cluster = StandaloneCluster.start(tmp.resolve("cluster"), 1, 1, "1g")) {
            System.setProperty(props.get(0), SparkClusterRunTest.jobJar().toString()); // the executor's aniprep
            System.setProperty(props.get(1), "512m");
            System.setProperty(props.get(2), "127.0.0.1");
            int exit;
            try {
                exit = Main.run("run", "-q", "--src", src, "--dst", run.toString(), "--engine", "spark", "--master", cluster.url());
            } finally {
                props.forEach(System::clearProperty);
            }
            String want = "Spark job failed: --src " + src + " cannot be seen on executor host " + EpisodeTask.host()
                    + " (inputs and the run folder must be on a path every executor sees, docs/spark.md)";
            assertThat(exit).as("exit code").isNotZero();
            assertThat(mentions(run, "cannot be seen on executor host")).as(cluster.logs()).anySatisfy(l -> assertThat(l).contains(want));
        }
    }

    /** Lines of the run folder's files (its report.html names each stage's failure) that contain {@code text}. */
    private static List<String> mentions(Path run, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(run)) {
            for (Path f : s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".html")).toList()) {
                Files.readAllLines(f).stream().filter(l -> l.contains(text)).forEach(out::add);
            }
        }
        return out;
    }

    private static void keepAccepting(ServerSocket server) {
        List<Socket> open = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                open.add(server.accept()); // held open, never answered
            }
        } catch (IOException e) {
            // closed at the end of the test
        }
    }
}
