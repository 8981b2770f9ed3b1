package org.aniprep.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one stage run did: the lines to tell the user (its summary) and its counts by name, in the
 * order to show them (e.g. {@code tagged=120, skipped=3}); the run report tabulates the counts.
 *
 * @param models the models it ran, one line each ({@code face detector: face_detect_v1.4_s (downloaded ...)}),
 *               with any fallback and why; the run report lists them per stage
 */
public record StageResult(List<String> lines, Map<String, Long> counts, List<String> models) {
    public StageResult {
        lines = List.copyOf(lines);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        models = List.copyOf(models);
    }

    public StageResult(List<String> lines, Map<String, Long> counts) {
        this(lines, counts, List.of());
    }

    /** The same result naming the models that ran. */
    public StageResult withModels(List<String> ran) {
        return new StageResult(lines, counts, ran);
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
