package org.aniprep.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one stage run did: the lines to tell the user (its summary) and its counts by name, in the
 * order to show them (e.g. {@code tagged=120, skipped=3}); the run report tabulates the counts.
 */
public record StageResult(List<String> lines, Map<String, Long> counts) {
    public StageResult {
        lines = List.copyOf(lines);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public static StageResult of(String line, Object... namesAndCounts) {
        return ofLines(line == null ? List.of() : List.of(line), namesAndCounts);
    }

    /** Several summary lines, and the counts as name, number, name, number, ... */
    public static StageResult ofLines(List<String> lines, Object... namesAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndCounts.length; i += 2) {
            counts.put((String) namesAndCounts[i], ((Number) namesAndCounts[i + 1]).longValue());
        }
        return new StageResult(lines, counts);
    }
}
