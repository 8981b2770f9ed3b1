package org.aniprep.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Another JVM running a main class of the test classpath: for what needs a second OS process (file
 * locks) or a real kill -9 ({@link #kill}). Its stdout is read line by line; stderr is merged in.
 */
public final class JavaProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private Thread reader;

    private JavaProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static JavaProcess start(Class<?> main, String... args) throws IOException {
        return start(main, List.of(), args);
    }

    /** {@code jvmOptions} e.g. {@code -Daniprep.shared=...}; the test JVM's own aniprep.* properties are passed on. */
    public static JavaProcess start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Djava.awt.headless=true");
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("aniprep."))
                .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new JavaProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    /** Reads output until a line containing one of {@code markers}; fails when the process ends first. */
    public String awaitLine(String... markers) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            for (String marker : markers) {
                if (line.contains(marker)) {
                    return line;
                }
            }
        }
        throw new IllegalStateException("process ended before printing " + List.of(markers) + "; output:\n" + String.join("\n", lines));
    }

    /**
     * From now on the output is read on a thread of its own, each line handed to {@code onLine}: the
     * process never blocks on a full pipe while the caller waits for something else (a timer before
     * {@link #kill}). {@link #waitFor} and {@link #output} still see every line.
     */
    public void readInBackground(Consumer<String> onLine) {
        reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the pipe closes when the process is killed
            }
        }, "output of pid " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hooks, no finally blocks. Waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the end and returns the exit code; the rest of the output is in {@link #output}. */
    public int waitFor() throws IOException, InterruptedException {
        return waitFor(120);
    }

    /** As {@link #waitFor()}, failing when the process has not ended after {@code seconds}. */
    public int waitFor(long seconds) throws IOException, InterruptedException {
        if (reader == null) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("process did not end; output:\n" + output());
        }
        if (reader != null) {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
