package org.aniprep.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM running a main class of the test classpath: for what needs a second OS process (file
 * locks) or a real kill -9 ({@link #kill}). Its stdout is read line by line; stderr is merged in.
 */
public final class JavaProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final List<String> lines = new ArrayList<>();

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

    /** SIGKILL, as {@code kill -9}: no shutdown hooks, no finally blocks. Waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the end and returns the exit code; the rest of the output is in {@link #output}. */
    public int waitFor() throws IOException, InterruptedException {
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("process did not end; output:\n" + String.join("\n", lines));
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
