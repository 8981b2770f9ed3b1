package org.aniprep.filter;

import org.aniprep.console.Problems;
import org.aniprep.model.ModelCache;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.ModelOptions;
import org.aniprep.pipeline.PerImageStage;
import org.aniprep.pipeline.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filter stage: every frame's quality judged and recorded, rejected frames moved to
 * {@code _removed/} ({@link FilterRun}).
 */
public final class FilterStage implements PerImageStage<FilterStage.Options, FilterRun.Plan> {
    private static final Logger LOG = LoggerFactory.getLogger(FilterStage.class);

    /** {@code aniprep filter}'s options (and {@code filter.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", required = true, paramLabel = "DIR", description = "Folder of frames (searched recursively).")
        public Path src;

        @Option(names = "--text", defaultValue = "drop", paramLabel = "drop|keep|off", description = "Subtitled frames: drop, "
                + "or keep them (flagged 'subtitles' in the record); credits and title cards are dropped either way. off: no "
                + "text detection. Default: ${DEFAULT-VALUE}.")
        public FilterOptions.TextMode text;

        @Option(names = "--blur", defaultValue = "keep", paramLabel = "drop|keep", description = "Blurred frames (far below "
                + "the episode's median sharpness): drop, or keep them flagged 'blur'. Default: ${DEFAULT-VALUE}.")
        public FilterOptions.BlurMode blur;

        @Option(names = "--action", defaultValue = "move", paramLabel = "move|report", description = "move rejected frames to "
                + "SRC/_removed/, or only record verdicts and write the report. Default: ${DEFAULT-VALUE}.")
        public FilterOptions.Action action;

        @Option(names = "--report", paramLabel = "FILE", description = "HTML report (default SRC/_report/filter.html).")
        public Path report;

        @Mixin
        public ModelOptions models = new ModelOptions();
    }

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public void check(Options o) {
        BadOptions.requireFolder("--src", o.src);
    }

    /** The text detector, unless {@code --text off}. */
    @Override
    public Optional<String> unavailable(Options o) {
        try {
            textDetector(o);
            return Optional.empty();
        } catch (ModelException e) {
            return Optional.of(e.getMessage() + "\n(--text off filters without text detection)");
        }
    }

    /** Every sidecar gets its verdict, also with {@code --action report}. */
    @Override
    public List<Path> writes(Options o) {
        return List.of(o.src);
    }

    @Override
    public FilterRun.Plan plan(Options o, Problems problems) throws IOException {
        TextDetector detector = textDetector(o);
        if (detector != null) {
            LOG.info("text detector {} from {} ({})", detector.id(), detector.source(), detector.model().device());
        }
        return filterRun(o, detector, problems).plan();
    }

    @Override
    public Map<String, Long> process(Options o, List<Path> images, Problems problems) throws IOException {
        return filterRun(o, textDetector(o), problems).judge(images);
    }

    @Override
    public StageResult summarise(Options o, FilterRun.Plan plan, Map<String, Long> judged, Problems problems) throws IOException {
        TextDetector detector = textDetector(o);
        FilterRun.Result r = filterRun(o, detector, problems).finish(plan);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("frames", (long) r.frames());
        counts.put("kept", (long) (r.frames() - r.dropped()));
        counts.put("removed", (long) r.dropped());
        counts.put("flagged", (long) r.flaggedKept());
        counts.put("moved", (long) r.moved());
        r.byReason().forEach((reason, n) -> counts.put("removed_" + reason.id(), (long) n));
        List<String> lines = new java.util.ArrayList<>(r.lines());
        lines.add(detector == null ? "text detection off" : "text detector " + detector.id());
        return new StageResult(lines, counts, detector == null ? List.of()
                : List.of("text detector: " + detector.id() + " (" + detector.source() + ")"));
    }

    private static FilterRun filterRun(Options o, TextDetector detector, Problems problems) {
        return new FilterRun(new FilterOptions(o.src, o.text, o.blur, o.action, o.report), detector, problems);
    }

    /** Null with {@code --text off}; a {@link ModelException} when it is not on this machine. */
    private static TextDetector textDetector(Options o) {
        // once per JVM: every Spark task of an executor shares it
        return o.text == FilterOptions.TextMode.off ? null
                : ModelCache.get(o.models.settings().toString(), TextDetector.class, () -> TextDetector.open(new ModelResolver(o.models.settings())));
    }
}
