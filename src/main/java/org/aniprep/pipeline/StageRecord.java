package org.aniprep.pipeline;

import org.aniprep.console.Problems;

import java.util.List;
import java.util.Map;

/**
 * What became of one stage in a run, for the summary table and {@code report.html}.
 *
 * @param note     why it was skipped or failed, or its summary line
 * @param failures the inputs it could not handle
 * @param models   the models it ran (see {@link StageResult#models})
 */
public record StageRecord(String name, Status status, String note, double seconds, Map<String, Long> counts,
                          List<Problems.Problem> failures, List<String> models) {
    public enum Status { RAN, SKIPPED, FAILED, NOT_RUN }

    public StageRecord {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        failures = List.copyOf(failures);
        models = List.copyOf(models);
    }

    public StageRecord(String name, Status status, String note, double seconds, Map<String, Long> counts,
                       List<Problems.Problem> failures) {
        this(name, status, note, seconds, counts, failures, List.of());
    }

    static StageRecord notRun(String name, String why) {
        return new StageRecord(name, Status.NOT_RUN, why, 0, Map.of(), List.of());
    }
}
