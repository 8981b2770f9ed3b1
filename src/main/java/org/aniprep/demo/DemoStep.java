package org.aniprep.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One stage the demo runs: the aniprep command and its arguments for the demo folder, what to tell
 * the user afterwards, and why it cannot run here (e.g. its model is not on this machine), if so.
 * A step whose command is not registered (not built yet) is left out.
 */
public record DemoStep(String command, Function<Context, List<String>> args, Function<Context, Report> reporter,
                       Function<Context, Optional<String>> unavailable) {
    public DemoStep(String command, Function<Context, List<String>> args, Function<Context, Report> reporter) {
        this(command, args, reporter, c -> Optional.empty());
    }

    /**
     * What a step works on: the demo folder, the sample episodes, and whether they were drawn anew
     * in this run (so results made from older drawings must be redone).
     */
    public record Context(DemoLayout layout, List<SampleEpisodes.Episode> episodes) {
        public boolean redrawn() {
            return episodes.stream().anyMatch(SampleEpisodes.Episode::drawn);
        }
    }

    /** What a finished step did: lines to print and paths worth opening (folders get a gallery). */
    public record Report(List<String> lines, List<Path> lookAt) {
    }
}
