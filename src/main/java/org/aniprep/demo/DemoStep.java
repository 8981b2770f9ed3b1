package org.aniprep.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the demo tells about one stage after {@code aniprep run}: a reporter that reads the stage's
 * output in the run folder (one class per stage). A stage this build does not have is left out.
 */
public record DemoStep(String command, Function<Context, Report> reporter) {
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
