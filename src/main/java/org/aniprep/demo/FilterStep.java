package org.aniprep.demo;

import org.aniprep.filter.Reason;
import org.aniprep.filter.TextModels;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.sidecar.FilterInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demo's filter step, right after extract (so dedup groups clean frames only): black, flash, fade,
 * text and blurred frames judged per episode; rejected ones moved to {@code frames/_removed}. Without
 * the text detector on this machine it runs with {@code --text off} and says so.
 */
final class FilterStep {
    static final DemoStep STEP = new DemoStep("filter", FilterStep::report);

    private FilterStep() {
    }

    static boolean textDetectorHere() {
        return new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU)).findLocal(TextModels.SPEC).isPresent();
    }

    /** Read back from the sidecars (kept frames and those moved to _removed), so a rerun reports the same. */
    static DemoStep.Report report(DemoStep.Context c) {
        DemoLayout layout = c.layout();
        Map<String, Integer> rejected = new TreeMap<>();
        Map<String, Integer> flagged = new TreeMap<>();
        int judged = 0;
        List<Path> all = new ArrayList<>(DemoSteps.images(layout.frames(), true));
        all.addAll(DemoSteps.images(layout.removed(), true));
        for (Path image : all) {
            Optional<FilterInfo> info = DemoSteps.section(image, FilterInfo.SECTION, FilterInfo.class);
            if (info.isEmpty()) {
                continue;
            }
            judged++;
            FilterInfo f = info.get();
            if (f.dropped()) {
                rejected.merge(f.reason(), 1, Integer::sum);
            } else if (f.hits() != null) {
                f.hits().forEach(h -> flagged.merge(h, 1, Integer::sum));
            }
        }
        List<String> lines = new ArrayList<>();
        if (judged == 0) {
            lines.add("no frames were judged");
            return new DemoStep.Report(lines, List.of());
        }
        int nRejected = rejected.values().stream().mapToInt(Integer::intValue).sum();
        lines.add(String.format("%d frames judged, %d rejected%s and moved to %s with their sidecars (move them back to undo)",
                judged, nRejected, rejected.isEmpty() ? "" : " (" + describe(rejected) + ")", layout.show(layout.removed())));
        if (!flagged.isEmpty()) {
            lines.add("flagged and kept: " + describe(flagged));
        }
        if (!textDetectorHere()) {
            lines.add("the text detector (" + TextModels.FILE + ") is not on this machine: no subtitle, credit or title-card check");
        }
        Path html = layout.reports().resolve("filter.html");
        lines.add("the rejected frames by reason, with their scores: " + layout.show(html));
        return new DemoStep.Report(lines, List.of(html));
    }

    private static String describe(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, n) -> parts.add(n + " " + Reason.of(reason).id().replace('_', ' ')));
        return String.join(", ", parts);
    }
}
