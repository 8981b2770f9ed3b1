package org.aniprep.spark;

import org.aniprep.pipeline.BadOptions;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounded waits on a cluster, so a master that does not answer is one line and a non-zero exit, not
 * Spark's own 3 × 20 s of registration retries followed by a job that waits forever for executors.
 * Before the context: a TCP connect to each {@code spark://} master address ({@value #CONNECT_MS} ms).
 * After it: the first executor must register within {@code spark.aniprep.executorWait} (default 120 s).
 */
final class SparkMaster {
    static final int CONNECT_MS = 5000;
    static final String WAIT = "spark.aniprep.executorWait";

    private SparkMaster() {
    }

    /** Refuses a {@code spark://h1:p1[,h2:p2]} master none of whose addresses accepts a connection. */
    static void probe(String master) {
        if (!master.startsWith("spark://")) {
            return; // local[N] needs nothing; yarn, k8s: their own clients say what is wrong
        }
        List<String> why = new ArrayList<>();
        for (String address : master.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? address : address.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new BadOptions("--master " + master + ": '" + address + "' is not host:port");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), CONNECT_MS);
                return;
            } catch (IOException e) {
                why.add(host + ":" + port + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        }
        throw new BadOptions("--master " + master + " does not answer: " + String.join(", ", why) + " within " + CONNECT_MS / 1000
                + " s; is a Spark master running there (sbin/start-master.sh), and is the port open from this host?");
    }

    /**
     * Waits until a standalone master has given this application an executor. Only for {@code spark://}
     * masters without dynamic allocation (which asks for executors only once tasks wait).
     */
    static void awaitExecutor(JavaSparkContext spark) {
        SparkConf conf = spark.getConf();
        if (!spark.master().startsWith("spark://") || conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            return;
        }
        long waitMs = conf.getTimeAsMs(WAIT, "120s");
        long until = System.currentTimeMillis() + waitMs;
        while (System.currentTimeMillis() < until) {
            if (spark.sc().isStopped()) {
                throw new BadOptions("--master " + spark.master() + " ended the application before it had an executor (the "
                        + "master refused it, or its executors failed to start: see the master's and workers' logs)");
            }
            if (spark.statusTracker().getExecutorInfos().length > 1) { // the driver counts as one
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new BadOptions("--master " + spark.master() + " gave no executor within " + waitMs / 1000 + " s (" + WAIT
                + "): is it a Spark master, does it have workers with free cores and spark.executor.memory, and can they reach "
                + "this host? (see the master's web UI)");
    }
}
