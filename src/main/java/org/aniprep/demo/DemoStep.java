package org.aniprep.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * One stage the demo runs: the aniprep command and its arguments for the demo folder, and what to
 * tell the user afterwards. A step whose command is not registered (not built yet) is skipped.
 */
public record DemoStep(String command, Function<Context, List<String>> args, Function<Context, Report> reporter) {
    /**
     * What a step works on: the demo folder, the sample episodes, and whether they were drawn anew
     * in this run (so results made from older drawings must be redone).
     */
    public record Context(DemoLayout layout, List<SampleEpisodes.Episode> episodes) {
        public boolean redrawn() {
            return episodes.stream().anyMatch(SampleEpisodes.Episode::drawn);
        }
    }

    /** What a finished step did: lines to print and paths worth opening. */
    public record Report(List<String> lines, List<Path> lookAt) {
    }
}
