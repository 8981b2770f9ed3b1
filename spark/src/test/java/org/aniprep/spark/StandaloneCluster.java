package org.aniprep.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on this host for tests: one {@code org.apache.spark.deploy.master.Master}
 * and N {@code org.apache.spark.deploy.worker.Worker}s, each its own JVM started from Spark's own classes
 * ({@code spark/target/lib}, Spark's jars only), as {@code sbin/start-master.sh} and {@code start-worker.sh}
 * would. The workers' {@code SPARK_HOME} is {@code target/spark-home} (its {@code jars} is that lib), so
 * their executors, JVMs of their own with another working directory, have Spark and get aniprep only from
 * the application's job jar ({@code spark.jars}).
 */
final class StandaloneCluster implements AutoCloseable {
    private static final long START_MS = 120_000;
    private final Path work;
    private final int port;
    private final Process master;
    private final Map<String, String> env;
    private final List<Process> workers = new ArrayList<>();

    private StandaloneCluster(Path work, int port, Process master, Map<String, String> env) {
        this.work = work;
        this.port = port;
        this.master = master;
        this.env = env;
    }

    /** Starts a master and {@code workers} workers of {@code cores} cores and {@code memory} each; returns when all registered. */
    static StandaloneCluster start(Path work, int workers, int cores, String memory) throws IOException, InterruptedException {
        return start(work, workers, cores, memory, Map.of());
    }

    /** As above, the workers (and so their executors) with {@code env} added to their environment. */
    static StandaloneCluster start(Path work, int workers, int cores, String memory, Map<String, String> env)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        int port = freePort();
        Process master = java(work.resolve("master.log"), Map.of(), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0");
        StandaloneCluster cluster = new StandaloneCluster(work, port, master, Map.copyOf(env));
        try {
            cluster.awaitLog(work.resolve("master.log"), "I have been elected leader", master);
            for (int i = 0; i < workers; i++) {
                cluster.addWorker(cores, memory);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Starts one more worker and waits until the master has registered it. */
    Process addWorker(int cores, String memory) throws IOException, InterruptedException {
        int n = workers.size() + 1;
        Path dir = Files.createDirectories(work.resolve("worker-" + n));
        Path log = work.resolve("worker-" + n + ".log");
        Path home = sparkHome();
        Map<String, String> workerEnv = new java.util.HashMap<>(env);
        workerEnv.putAll(Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1"));
        Process worker = java(log, workerEnv,
                "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", Integer.toString(cores), "--memory", memory,
                "--work-dir", dir.toString(), "--webui-port", "0", url());
        workers.add(worker);
        awaitLog(log, "Successfully registered with master", worker);
        return worker;
    }

    /** A worker's work directory: {@code worker-N/app-…/EXECUTOR/stderr} is each executor's log. */
    Path workDir(int worker) {
        return work.resolve("worker-" + (worker + 1));
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    List<Process> workers() {
        return workers;
    }

    /** The executor JVMs a worker started (its child processes). */
    static List<ProcessHandle> executors(Process worker) {
        return worker.descendants().filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
    }

    /** Everything the cluster's JVMs logged (for a failing test's message). */
    String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        try (var s = Files.walk(work)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".log") || p.getFileName().toString().equals("stderr")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                out.append("== ").append(f).append('\n');
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> out.append(l).append('\n'));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : all) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code target/spark-home}: a Spark home whose {@code jars} are {@code spark/target/lib}. */
    static Path sparkHome() throws IOException {
        Path lib = Path.of(System.getProperty("aniprep.spark.lib", "target/lib")).toAbsolutePath();
        Path home = lib.resolveSibling("spark-home");
        Path jars = home.resolve("jars");
        if (!Files.exists(jars)) {
            Files.createDirectories(home);
            Files.createSymbolicLink(jars, lib);
        }
        return home;
    }

    private static Process java(Path log, Map<String, String> env, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dspark.master.rest.enabled=false", "-Dspark.ui.showConsoleProgress=false"));
        cmd.addAll(Arrays.asList(System.getProperty("aniprep.spark.javaOpts", "").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", Path.of(System.getProperty("aniprep.spark.lib", "target/lib")).toAbsolutePath() + "/*", main));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private void awaitLog(Path log, String line, Process p) throws IOException, InterruptedException {
        long until = System.currentTimeMillis() + START_MS;
        while (System.currentTimeMillis() < until) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IOException(log + ": the JVM exited (" + p.exitValue() + ") before '" + line + "':\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
        throw new IOException(log + ": no '" + line + "' within " + START_MS / 1000 + " s:\n" + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
