package org.aniprep.pipeline;

import java.util.List;
import java.util.Set;

/**
 * One {@code aniprep run}: where, with which settings, which stages.
 *
 * @param from      the first stage to run, or null for the first
 * @param to        the last stage to run, or null for the last
 * @param overwrite redo stages whose options changed since they finished (and the stages after them)
 * @param required  stages that must run: a missing model stops the run instead of skipping the stage
 */
public record RunRequest(RunLayout layout, List<Setting> settings, String from, String to, boolean overwrite, boolean waitForLock,
                         Set<String> required) {
    public RunRequest {
        settings = List.copyOf(settings);
        required = Set.copyOf(required);
    }
}
