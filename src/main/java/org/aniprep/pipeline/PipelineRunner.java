package org.aniprep.pipeline;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.io.FolderLock;
import org.aniprep.io.MediaFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code aniprep run}: the stages in order, in one JVM, under one lock. Every setting is checked
 * before any work; each stage does only what its records say is still to do, so a rerun after a
 * crash or with new episodes converges; a stage whose options changed since it finished is redone
 * (with the stages after it) only with {@code --overwrite}.
 */
public final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");
    public static final String RUN_SECTION = "run";

    /** Writes {@code report.html} from the stages' records. */
    public interface Report {
        void write(RunLayout layout, List<StageRecord> stages) throws IOException;
    }

    private final List<Stage<?>> stages;
    private final Report report;
    private final Engine engine;

    public PipelineRunner(List<Stage<?>> stages, Report report) {
        this(stages, report, Engine.LOCAL);
    }

    /** @param engine where the stages' work is done (this JVM, or a Spark cluster) */
    public PipelineRunner(List<Stage<?>> stages, Report report, Engine engine) {
        this.stages = List.copyOf(stages);
        this.report = report;
        this.engine = engine;
    }

    public List<String> names() {
        return stages.stream().map(Stage::name).toList();
    }

    /** Binds every stage to its settings (all keys and values checked); a {@link BadOptions} names the first bad one. */
    public List<BoundStage<?>> bind(RunLayout layout, List<Setting> settings) {
        Map<String, List<Setting>> bySection = new LinkedHashMap<>();
        for (Setting s : settings) {
            if (!s.section().equals(RUN_SECTION) && !names().contains(s.section())) {
                List<String> near = NearestKeys.of(s.section(), names(), 3);
                throw new BadOptions(s.origin() + ": " + s.section() + " is not a stage"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                        + " (stages: " + String.join(", ", names()) + ", and run)");
            }
            bySection.computeIfAbsent(s.section(), k -> new ArrayList<>()).add(s);
        }
        List<BoundStage<?>> bound = new ArrayList<>();
        for (Stage<?> stage : stages) {
            bound.add(BoundStage.bind(stage, layout, bySection.getOrDefault(stage.name(), List.of())));
        }
        return bound;
    }

    /** The index of a stage named by --from/--to; an unknown name names the nearest. */
    public int indexOf(String option, String name) {
        int i = names().indexOf(name);
        if (i < 0) {
            List<String> near = NearestKeys.of(name, names(), 2);
            throw new BadOptions(option + " " + name + ": no such stage" + (near.isEmpty() ? "" : "; did you mean "
                    + String.join(", ", near) + "?") + " (stages: " + String.join(", ", names()) + ")");
        }
        return i;
    }

    public int run(RunRequest request) throws IOException {
        RunLayout layout = request.layout();
        int first = request.from() == null ? 0 : indexOf("--from", request.from());
        int last = request.to() == null ? stages.size() - 1 : indexOf("--to", request.to());
        if (first > last) {
            throw new BadOptions("--from " + names().get(first) + " comes after --to " + names().get(last)
                    + " (order: " + String.join(" → ", names()) + ")");
        }
        for (String r : request.required()) {
            indexOf("run.required", r);
        }
        List<BoundStage<?>> bound = bind(layout, request.settings());
        RunFolder.check(layout);
        RunState state = RunState.load(layout);
        boolean fresh = !Files.exists(layout.root());
        Files.createDirectories(layout.root());
        List<Path> folders = List.of(layout.root(), layout.frames(), layout.dataset(), layout.clusters());
        for (Path f : folders) {
            Files.createDirectories(f);
        }
        long t0 = System.nanoTime();
        List<StageRecord> records = new ArrayList<>();
        int exit = 0;
        try (StageLocks locks = StageLocks.lockAll(folders, "aniprep run", request.waitForLock())) {
            state.recordInputs(layout);
            try {
                checkAll(bound, first, last);
                Optional<String> refused = engine.refuse(bound);
                if (refused.isPresent()) {
                    throw new BadOptions(refused.get());
                }
            } catch (BadOptions e) {
                locks.close();
                if (fresh) {
                    RunFolder.removeUntouched(layout);
                }
                throw e;
            }
            state.save();
            bound = redo(bound, state, first, last, request, layout);
            int n = last - first + 1;
            Map<Integer, Optional<String>> missing = new HashMap<>();
            for (int i = first; i <= last; i++) {
                missing.put(i, bound.get(i).unavailable());
            }
            RunEta eta = new RunEta();
            for (int i = 0; i < bound.size(); i++) {
                BoundStage<?> stage = bound.get(i);
                if (i < first || i > last) {
                    records.add(StageRecord.notRun(stage.name(), i < first ? "before --from" : "after --to"));
                    continue;
                }
                List<String> toRun = new ArrayList<>();
                for (int j = i; j <= last; j++) {
                    if (missing.get(j).isEmpty()) {
                        toRun.add(bound.get(j).name());
                    }
                }
                long frames = toRun.contains("extract") ? 0 : countFrames(layout);
                String left = RunEta.describe(eta.secondsLeft(toRun, frames));
                String step = "[" + (i - first + 1) + "/" + n + (left.isEmpty() ? "" : ", " + left) + "] ";
                LOG.info("run {}{}{}", step, stage.name(), i == first ? "" : String.format(" (%.1f s into the run)", seconds(t0)));
                StageRecord record = runOne(stage, missing.get(i), step, request, state);
                if (record.status() == StageRecord.Status.RAN) {
                    eta.finished(stage.name(), frames, record.seconds());
                }
                records.add(record);
                if (record.status() == StageRecord.Status.FAILED) {
                    exit = 2;
                    for (int j = i + 1; j < bound.size(); j++) {
                        records.add(StageRecord.notRun(bound.get(j).name(), stage.name() + " failed"));
                    }
                    break;
                }
                if (!record.failures().isEmpty()) {
                    exit = 2;
                }
            }
        } finally {
            Progress.setPrefix("");
            if (!records.isEmpty()) {
                writeReport(layout, records);
            }
        }
        RunSummary.print(records, (System.nanoTime() - t0) / 1e9, layout);
        return exit;
    }

    /**
     * Every stage's own checks (ranges, combinations, folders that must exist) before the first one runs,
     * so a bad option late in the pipeline does not wait for an hour of extraction.
     */
    private static void checkAll(List<BoundStage<?>> bound, int first, int last) {
        for (int i = first; i <= last; i++) {
            BoundStage<?> s = bound.get(i);
            try {
                s.check();
            } catch (BadOptions e) {
                throw new BadOptions(s.name() + ": " + e.getMessage());
            }
        }
    }

    /** The frames the per-frame stages will read: the images in the frames folder (not aniprep's own sub-folders). */
    private static long countFrames(RunLayout layout) {
        if (!Files.isDirectory(layout.frames())) {
            return 0;
        }
        try {
            return MediaFiles.images(layout.frames(), (file, why) -> { }).size();
        } catch (IOException e) {
            return 0; // only the estimate is lost
        }
    }

    private StageRecord runOne(BoundStage<?> stage, Optional<String> missing, String step, RunRequest request, RunState state)
            throws IOException {
        if (missing.isPresent()) {
            if (request.required().contains(stage.name())) {
                throw new BadOptions(stage.name() + " is required by the config but cannot run: " + missing.get());
            }
            LOG.warn("run: {} skipped: {}", stage.name(), oneLine(missing.get()));
            return new StageRecord(stage.name(), StageRecord.Status.SKIPPED, oneLine(missing.get()), 0, Map.of(), List.of());
        }
        Problems problems = new Problems();
        long t = System.nanoTime();
        Progress.setPrefix(step);
        try (StageLocks locks = StageLocks.lockAll(stage.writes(), "aniprep run", request.waitForLock())) {
            StageResult result = engine.run(stage, request.layout(), new StageContext(problems));
            result.lines().forEach(line -> LOG.info("{}", line.startsWith(stage.name() + ": ") ? line : stage.name() + ": " + line));
            state.finished(stage.name(), stage.resultOptions());
            result.models().forEach(m -> LOG.debug("{}: model {}", stage.name(), m));
            return new StageRecord(stage.name(), StageRecord.Status.RAN, String.join("; ", result.lines()), seconds(t),
                    result.counts(), problems.list(), result.models());
        } catch (IOException | FolderLock.LockedException | org.aniprep.sidecar.SidecarException
                 | org.aniprep.model.ModelException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("run: {} failed: {}", stage.name(), why);
            return new StageRecord(stage.name(), StageRecord.Status.FAILED, why, seconds(t), Map.of(), problems.list());
        } finally {
            Progress.setPrefix("");
        }
    }

    /**
     * Stages whose result options differ from those they last finished with: without --overwrite the
     * run stops before doing anything, saying what changed; with it, they and the stages after them
     * are rerun with their own --overwrite where they have one.
     */
    private List<BoundStage<?>> redo(List<BoundStage<?>> bound, RunState state, int first, int last, RunRequest request,
                                     RunLayout layout) throws IOException {
        int changed = -1;
        List<String> what = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            BoundStage<?> s = bound.get(i);
            Optional<ObjectNode> before = state.finishedWith(s.name());
            if (before.isPresent() && !before.get().equals(s.resultOptions())) {
                changed = changed < 0 ? i : changed;
                what.add(s.name() + " (" + OptionDiff.describe(before.get(), s.resultOptions()) + ")");
            }
        }
        if (changed < 0) {
            return bound;
        }
        if (!request.overwrite()) {
            throw new BadOptions("options changed since the last run: " + String.join("; ", what) + ". Rerunning redoes "
                    + names().get(changed) + " and the stages after it: add --overwrite to do that, or set the options back");
        }
        LOG.info("run: options changed ({}); redoing {} and the stages after it", String.join("; ", what), names().get(changed));
        List<BoundStage<?>> out = new ArrayList<>(bound);
        List<Setting> all = request.settings();
        for (int i = changed; i <= last; i++) {
            BoundStage<?> s = bound.get(i);
            state.forget(s.name());
            if (s.hasOption("overwrite")) {
                List<Setting> mine = new ArrayList<>(all.stream().filter(x -> x.section().equals(s.name())).toList());
                mine.add(new Setting(s.name(), "overwrite", BooleanNode.TRUE, "--overwrite"));
                out.set(i, BoundStage.bind(s.stage(), layout, mine));
            }
        }
        return out;
    }

    private void writeReport(RunLayout layout, List<StageRecord> records) {
        try {
            report.write(layout, records);
        } catch (IOException | RuntimeException e) {
            LOG.error("run: could not write {} ({})", layout.report(), e.getMessage());
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }

    private static double seconds(long t) {
        return (System.nanoTime() - t) / 1e9;
    }
}
