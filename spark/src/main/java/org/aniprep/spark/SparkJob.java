package org.aniprep.spark;

import org.aniprep.cli.Main;
import org.apache.spark.SparkConf;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The job jar's entry point: {@code spark-submit --class org.aniprep.spark.SparkJob aniprep-spark.jar run
 * --src … --dst … [run options]} is {@code aniprep run --engine spark} with spark-submit's master (any
 * other command runs as {@code aniprep} does, on the driver). spark-submit ships the application jar to
 * the executors ({@code spark.jars}), so they need Spark only, not aniprep.
 */
public final class SparkJob {
    private SparkJob() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(withSparkEngine(args)));
    }

    /** {@code run …} without {@code --engine} gets {@code --engine spark}; anything else is left as it is. */
    static String[] withSparkEngine(String[] args) {
        if (args.length == 0 || !args[0].equals("run")
                || Arrays.stream(args).anyMatch(a -> a.equals("--engine") || a.startsWith("--engine="))) {
            return args;
        }
        List<String> out = new ArrayList<>(List.of("run", "--engine", "spark"));
        out.addAll(Arrays.asList(args).subList(1, args.length));
        return out.toArray(String[]::new);
    }

    /**
     * For a driver started without spark-submit ({@code ./aniprep run --engine spark --master spark://…}):
     * executors in other JVMs get aniprep from the job jar this class was loaded from, as they would from
     * spark-submit. Not for {@code local[N]} (the executor is this JVM), nor where {@code spark.jars} is set.
     */
    static void shipJobJar(SparkConf conf) {
        if (conf.get("spark.master", "local").startsWith("local") || !conf.get("spark.jars", "").isBlank()) {
            return;
        }
        jobJar().ifPresent(jar -> conf.set("spark.jars", jar.toString()));
    }

    /** The jar this class came from, when it is one (not target/classes). */
    static Optional<Path> jobJar() {
        CodeSource source = SparkJob.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
