package org.aniprep.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/** The table {@code aniprep run} ends with: each stage, what became of it, its time and counts. */
final class RunSummary {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    private RunSummary() {
    }

    private static final java.util.regex.Pattern FETCH = java.util.regex.Pattern.compile("'(aniprep models fetch [^']+)'");

    /** A skip reason short enough for the table, keeping how to get the model. */
    static String shorten(String note) {
        java.util.regex.Matcher m = FETCH.matcher(note);
        if (m.find()) {
            return "model not on this machine (get it: " + m.group(1) + ")";
        }
        return note.length() > 110 ? note.substring(0, 107) + "..." : note;
    }

    static void print(List<StageRecord> records, double seconds, RunLayout layout) {
        LOG.info("run: finished in {}; report: {}", String.format("%.1f s", seconds), layout.report());
        for (StageRecord r : records) {
            String counts = r.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            String detail = switch (r.status()) {
                case RAN -> counts + (r.failures().isEmpty() ? "" : " (" + r.failures().size() + " failed input(s))");
                default -> shorten(r.note());
            };
            LOG.info(String.format("  %-9s %-8s %7s  %s", r.name(), r.status().name().toLowerCase().replace('_', ' '),
                    r.status() == StageRecord.Status.RAN ? String.format("%.1f s", r.seconds()) : "", detail));
        }
        long failed = records.stream().mapToLong(r -> r.failures().size()).sum();
        if (failed > 0) {
            LOG.error("run: {} input(s) failed:", failed);
            records.forEach(r -> r.failures().forEach(p -> LOG.error("  {}: {}", r.name(), p)));
        }
    }
}
