package org.aniprep.pipeline;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stage with one option of each kind, recording its runs; {@code missing} makes it lack its model. */
final class FakeStage implements Stage<FakeStage.Options> {
    enum Mode { FAST, CAREFUL }

    static final class Options {
        @Option(names = "--src", required = true)
        Path src;
        @Option(names = "--threshold", defaultValue = "0.5", description = "Keep above this. Default: ${DEFAULT-VALUE}.")
        double threshold;
        @Option(names = "--count", defaultValue = "3")
        int count;
        @Option(names = "--mode", defaultValue = "fast")
        Mode mode;
        @Option(names = "--flag")
        boolean flag;
        @Option(names = "--names")
        List<String> names = new ArrayList<>();
        @Option(names = "--overwrite")
        boolean overwrite;
        @Option(names = "--jobs", defaultValue = "2")
        int jobs;
    }

    final String name;
    final String missing;
    final List<Options> runs = new ArrayList<>();

    FakeStage(String name) {
        this(name, null);
    }

    FakeStage(String name, String missing) {
        this.name = name;
        this.missing = missing;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public List<String> layoutArgs(RunLayout layout) {
        return List.of("--src", layout.frames().toString());
    }

    @Override
    public Optional<String> unavailable(Options options) {
        return Optional.ofNullable(missing);
    }

    @Override
    public List<Path> writes(Options options) {
        return List.of(options.src);
    }

    @Override
    public StageResult run(Options options, StageContext context) {
        runs.add(options);
        return StageResult.of("did " + name, "items", 1);
    }
}
