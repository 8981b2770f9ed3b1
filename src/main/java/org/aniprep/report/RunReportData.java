package org.aniprep.report;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageRecord;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code aniprep run} tells {@link RunReport} (the rest the page reads from the run folder):
 * where things are and what became of each stage.
 */
public record RunReportData(RunLayout layout, List<Stage> stages) {
    public RunReportData {
        stages = List.copyOf(stages);
    }

    public enum Status {
        RAN, SKIPPED, FAILED, NOT_RUN;

        /** {@code ran}, {@code skipped}, {@code failed}, {@code not-run}: the CSS class and the word shown. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One stage's row.
     *
     * @param note     why it was skipped or failed, which model was used, or its summary line; may be null
     * @param seconds  its wall time (0 when it did not run)
     * @param counts   what it counted (frames kept, duplicates, ...), in its order
     * @param failures the inputs it could not handle
     * @param models   the models it ran, with any fallback and why
     */
    public record Stage(String name, Status status, String note, double seconds, Map<String, Long> counts,
                        List<Problems.Problem> failures, List<String> models) {
        public Stage {
            counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
            failures = List.copyOf(failures);
            models = List.copyOf(models);
        }

        public Stage(String name, Status status, String note, double seconds, Map<String, Long> counts,
                     List<Problems.Problem> failures) {
            this(name, status, note, seconds, counts, failures, List.of());
        }
    }

    /** The data of the pipeline runner's own records. */
    public static RunReportData of(RunLayout layout, List<StageRecord> records) {
        return new RunReportData(layout, records.stream().map(r -> new Stage(r.name(), Status.valueOf(r.status().name()), r.note(),
                r.seconds(), r.counts(), r.failures(), r.models())).toList());
    }
}
