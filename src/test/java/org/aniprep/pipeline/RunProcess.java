package org.aniprep.pipeline;

import org.aniprep.cli.Main;
import org.aniprep.testing.JavaProcess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aniprep run} in a child JVM, watched through the line it logs at each stage's start
 * ({@code run [k/n] <stage>}): when each stage started, and a way to wait for one to start.
 */
final class RunProcess implements AutoCloseable {
    static final Pattern STAGE_LINE = Pattern.compile("run \\[(\\d+)/(\\d+)(?:, [^\\]]*)?] ([a-z]+)");

    /** A stage start seen on stderr, {@code k} from 1. */
    record Start(int k, int n, String stage, long nanos) {
    }

    private final JavaProcess process;
    private final List<Start> starts = Collections.synchronizedList(new ArrayList<>());
    private final long began = System.nanoTime();
    private volatile String awaited;
    private volatile CountDownLatch latch = new CountDownLatch(0);

    private RunProcess(JavaProcess process) {
        this.process = process;
        process.readInBackground(this::line);
    }

    static RunProcess start(List<String> jvmOptions, List<String> args) throws IOException {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(args);
        return new RunProcess(JavaProcess.start(Main.class, jvmOptions, all.toArray(String[]::new)));
    }

    private void line(String line) {
        Matcher m = STAGE_LINE.matcher(line);
        if (m.find()) {
            Start s = new Start(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), System.nanoTime());
            starts.add(s);
            if (s.stage().equals(awaited)) {
                latch.countDown();
            }
        }
    }

    /**
     * Waits until {@code stage} starts (at once when it already has); false when the process ended
     * first or did not get there in {@code seconds}.
     */
    boolean awaitStage(String stage, long seconds) throws InterruptedException {
        latch = new CountDownLatch(1);
        awaited = stage;
        if (starts().stream().anyMatch(s -> s.stage().equals(stage))) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (latch.await(50, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!process.isAlive()) {
                return latch.getCount() == 0;
            }
        }
        return false;
    }

    /** The stage that started last ("" before the first). */
    String lastStage() {
        synchronized (starts) {
            return starts.isEmpty() ? "" : starts.get(starts.size() - 1).stage();
        }
    }

    List<Start> starts() {
        synchronized (starts) {
            return List.copyOf(starts);
        }
    }

    long startedNanos() {
        return began;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        process.kill();
    }

    int waitFor(long seconds) throws IOException, InterruptedException {
        return process.waitFor(seconds);
    }

    String output() {
        return process.output();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
