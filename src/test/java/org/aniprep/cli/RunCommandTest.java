package org.aniprep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** aniprep run's command line: the effective config round-trips, and bad input is refused with exit 1 before any work. */
class RunCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thePrintedConfigIsAValidConfigThatPrintsTheSame() throws IOException {
        Result first = run("run", "--print-config", "--tag.general-threshold", "0.4", "--detect.crop=faces", "--caption.shuffle",
                "--set", "arrange.levels=n_characters,character");
        assertThat(first.code()).as(first.err()).isZero();
        for (String stage : RunCommand.stages().stream().map(s -> s.name()).toList()) {
            assertThat(first.out()).contains("\n" + stage + ":\n");
        }
        assertThat(first.out()).contains("general-threshold: 0.4").contains("crop: faces").contains("shuffle: true")
                .contains("levels: \"n_characters,character\"").contains("dedup: true");
        Path yaml = dir.resolve("pipeline.yaml");
        Files.writeString(yaml, first.out());
        Result again = run("run", "--print-config", "--config", yaml.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
    }

    @Test
    void badInputIsRefusedBeforeAnyWork() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        Path yaml = dir.resolve("pipeline.yaml");
        Files.writeString(yaml, "tag:\n  general-treshold: 0.4\n");
        assertRefused(run("run", "--src", videos.toString(), "--dst", dir.resolve("a").toString(), "--config", yaml.toString()),
                "pipeline.yaml: tag.general-treshold: tag has no such option; did you mean tag.general-threshold?");
        assertRefused(run("run", "--src", videos.toString(), "--dst", dir.resolve("a").toString(), "--dedup.threshold", "many"),
                "command line: dedup.threshold: 'many' is not");
        assertRefused(run("run", "--src", videos.toString(), "--dst", dir.resolve("a").toString(), "--from", "balance", "--to", "tag"),
                "--from balance comes after --to tag");
        assertRefused(run("run", "--src", videos.toString(), "--dst", dir.resolve("a").toString(), "--from", "dedupe"),
                "--from dedupe: no such stage; did you mean dedup?");
        assertRefused(run("run", "--src", videos.toString(), "--dst", dir.resolve("a").toString(), "--taging.batch", "3"),
                "command line: taging is not a stage; did you mean tag?");
        assertThat(dir.resolve("a")).doesNotExist();
        Files.writeString(videos.resolve("notes.txt"), "mine");
        assertRefused(run("run", "--src", videos.toString(), "--dst", videos.toString()), "holds other things (notes.txt)");
        Path newer = Files.createDirectories(dir.resolve("newer/.aniprep"));
        Files.writeString(newer.resolve("run.json"), "{\"format\": 9, \"aniprep\": \"4.0.0\", \"stages\": {}}");
        assertRefused(run("run", "--src", videos.toString(), "--dst", dir.resolve("newer").toString()),
                "was written by aniprep 4.0.0 (run folder format 9)");
        assertRefused(run("run", "--dst", dir.resolve("b").toString()), "give --src VIDEOS and --dst DIR");
    }

    @Test
    void theSparkEngineIsNotInTheMainJar() throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        String dst = dir.resolve("s").toString();
        assertRefused(run("run", "--src", videos.toString(), "--dst", dst, "--engine", "flink"), "--engine is local or spark");
        assertRefused(run("run", "--src", videos.toString(), "--dst", dst, "--master", "local[2]"), "needs --engine spark");
        assertRefused(run("run", "--src", videos.toString(), "--dst", dst, "--engine", "spark"),
                "--engine spark: its classes are not on this class path");
        assertThat(org.aniprep.cli.EngineLoader.class.getClassLoader().getResource("org/apache/spark/SparkConf.class"))
                .as("Spark stays out of the main build").isNull();
        assertThat(dir.resolve("s")).doesNotExist();
    }

    /**
     * Exit 1. The message goes to the process's own stderr (console.StderrLines), which a test in the same
     * JVM cannot read; the messages themselves are checked in pipeline.PipelineRunnerTest, BoundStageTest
     * and RunConfigTest, and are named here for the reader.
     */
    private static void assertRefused(Result r, String message) {
        assertThat(r.code()).as(message).isEqualTo(1);
    }
}
