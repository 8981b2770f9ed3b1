package org.aniprep.filter;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.io.MediaFiles;
import org.aniprep.model.BatchPipeline;
import org.aniprep.pipeline.PerImage;
import org.aniprep.report.ThumbnailStore;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.Reviews;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code aniprep filter}: measures every frame (worker threads decode and measure while the text
 * detector runs on the previous batch), judges each against its episode in time order and records the
 * {@code filter} section ({@link #judge}, whole episodes at a time: one call locally, one Spark task per
 * episode), then writes the report from those sections and moves the rejected frames to {@code _removed/}
 * ({@link #finish}). Run it holding the folder's lock ({@link FilterStage}): it writes every sidecar, also
 * with {@code --action report}.
 */
public final class FilterRun {
    /** What a run found and did, and its summary for the user. */
    public record Result(int frames, int dropped, int flaggedKept, int moved, Map<Reason, Integer> byReason, Path report,
                         List<String> lines) {
    }

    private final FilterOptions options;
    private final TextDetector textDetector;
    private final Problems problems;
    private final FrameChecks frameChecks = FrameChecks.defaults();
    private final SequenceChecks sequenceChecks = new SequenceChecks(SequenceChecks.Settings.DEFAULT, frameChecks);
    private final ImageLoader loader = new ImageLoader();
    /** The report's thumbnails, made while each frame is decoded here anyway (later pages in the folder share them). */
    private final ThumbnailStore thumbs;

    /** @param textDetector null with {@code --text off} */
    public FilterRun(FilterOptions options, TextDetector textDetector, Problems problems) {
        this.options = options;
        this.textDetector = textDetector;
        this.problems = problems;
        this.thumbs = ThumbnailStore.at(options.reportFile().toAbsolutePath().getParent(), loader, (f, why) -> { });
    }

    /**
     * The frames to judge in the order the report lists them ({@code files}), the same frames episode by
     * episode ({@code todo}) and each episode's length ({@code groups}): {@link #judge} must see a whole
     * episode at once.
     */
    public record Plan(List<Path> files, List<Path> todo, List<Integer> groups) implements PerImage.Plan {
    }

    /** Plan, judge and finish in this JVM. */
    public Result run() throws IOException {
        Plan plan = plan();
        judge(plan.todo());
        return finish(plan);
    }

    /** Reads every frame's record (the unreadable ones are this run's problems) and orders them by episode. */
    public Plan plan() throws IOException {
        Path root = root();
        List<Frame> frames = read(root, MediaFiles.frames(root, problems::add), problems);
        List<Path> todo = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (List<Frame> episode : Sequences.of(new ArrayList<>(frames))) {
            episode.forEach(f -> todo.add(f.file));
            groups.add(episode.size());
        }
        return new Plan(frames.stream().map(f -> f.file).toList(), todo, groups);
    }

    /**
     * Measures and judges whole episodes ({@code images}: each of their frames, from any thread of any
     * JVM that sees them), with the frames of those episodes an earlier run set aside as context, and
     * writes each frame's {@code filter} section. Counts: {@code judged} frames.
     */
    public Map<String, Long> judge(List<Path> images) throws IOException {
        Path root = root();
        List<Frame> judged = read(root, images, problems);
        Set<String> episodes = new HashSet<>();
        judged.forEach(f -> episodes.add(Sequences.key(f)));
        List<Frame> frames = new ArrayList<>(judged);
        setAside(root).stream().filter(f -> episodes.contains(Sequences.key(f))).forEach(frames::add);
        measure(frames);
        for (List<Frame> episode : Sequences.of(frames.stream().filter(Frame::measured).toList())) {
            sequenceChecks.score(episode);
        }
        Verdicts verdicts = new Verdicts(frameChecks, sequenceChecks.settings(), options);
        long saved = 0;
        for (Frame f : judged.stream().filter(Frame::measured).toList()) {
            FilterInfo info = verdicts.record(f);
            if (f.userKeeps && info.dropped()) {
                info = info.keptByUser();
            }
            if (save(f, info)) {
                saved++;
            }
        }
        return Map.of("judged", saved);
    }

    /** From the sections {@link #judge} wrote: the report, the summary and (with {@code --action move}) the moves. */
    public Result finish(Plan plan) throws IOException {
        Path root = root();
        List<FilterReport.Entry> entries = new ArrayList<>();
        List<Frame> rejected = new ArrayList<>();
        Map<Reason, Integer> byReason = new EnumMap<>(Reason.class);
        int dropped = 0;
        int flagged = 0;
        int overruled = 0;
        for (Path file : plan.files()) {
            FilterInfo info = verdict(file);
            if (info == null) {
                continue; // not judged: its problem is reported
            }
            Frame f = new Frame(file, root.relativize(file).toString().replace('\\', '/'), null, null, null);
            f.verdict = info;
            entries.add(new FilterReport.Entry(f.file, f.relative, info));
            if (info.overruled() != null) {
                overruled++;
            }
            if (info.dropped()) {
                rejected.add(f);
                dropped++;
                byReason.merge(Reason.of(info.reason()), 1, Integer::sum);
            } else if (info.hits() != null) {
                flagged++;
            }
        }
        Path report = options.reportFile().toAbsolutePath();
        new FilterReport(loader, problems).write(report, entries, entries.size(), options);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d frame(s): %d rejected (%s), %d flagged and kept; report: %s", entries.size(), dropped,
                describe(byReason), flagged, report));
        if (overruled > 0) {
            lines.add(String.format("%d frame(s) the checks would reject kept: the user restored them (review)", overruled));
        }
        int moved = 0;
        if (options.action() == FilterOptions.Action.move) {
            RemovedFrames removed = new RemovedFrames(root, problems);
            moved = removed.move(rejected);
            lines.add(String.format("%d rejected frame(s) moved to %s with their sidecars (move them back to undo)", moved,
                    removed.folder()));
        }
        return new Result(entries.size(), dropped, flagged, moved, byReason, report, lines);
    }

    private Path root() {
        return options.src().toAbsolutePath().normalize();
    }

    /** The frame's {@code filter} section, or null when it has none or it cannot be read. */
    private static FilterInfo verdict(Path file) {
        try {
            return SidecarStore.read(file).get(FilterInfo.SECTION, FilterInfo.class).orElse(null);
        } catch (SidecarException e) {
            return null;
        }
    }

    /**
     * The frames an earlier filter run moved to {@code _removed/}: an episode is judged with every frame
     * extract wrote for it (shots, fades, flashes and the reference sharpness come from all of them), so
     * judging it again after some were moved (a run resumed after a kill, a second filter) gives the same
     * sections as the first judgement, whatever was judged before. Frames dedup set aside after filter
     * judged them (repeats across episodes, which the run's per-episode streaming dedup leaves to dedup) are
     * context too: the first judgement saw them. Their own records stay as they are.
     */
    private List<Frame> setAside(Path root) throws IOException {
        Path removed = root.resolve(RemovedFrames.FOLDER);
        if (!Files.isDirectory(removed)) {
            return List.of();
        }
        List<Frame> out = new ArrayList<>();
        List<Path> images;
        try (Stream<Path> s = Files.walk(removed)) {
            images = s.filter(Files::isRegularFile).filter(MediaFiles::isImage).sorted().toList();
        }
        for (Path image : images) {
            try {
                Sidecar s = SidecarStore.read(image);
                boolean rejected = s.get(FilterInfo.SECTION, FilterInfo.class).map(FilterInfo::dropped).orElse(false);
                boolean judgedThenSetAside = s.get(FilterInfo.SECTION, FilterInfo.class).isPresent()
                        && s.get(DedupInfo.SECTION, DedupInfo.class).map(d -> d.kept() != null).orElse(false);
                if (!rejected && !judgedThenSetAside) {
                    continue;
                }
                FrameSource source = s.get(FrameSource.SECTION, FrameSource.class).orElse(null);
                Double sharpness = s.get(DedupInfo.SECTION, DedupInfo.class).map(DedupInfo::sharpness)
                        .filter(v -> v > 0).orElse(null);
                FilterInfo.Text text = s.get(FilterInfo.SECTION, FilterInfo.class).map(FilterInfo::text).orElse(null);
                Frame f = new Frame(image, removed.relativize(image).toString().replace('\\', '/'), source, sharpness, text);
                f.context = true;
                out.add(f);
            } catch (SidecarException e) {
                // not judged here: an unreadable record of a frame set aside only loses it as context
            }
        }
        return out;
    }

    private static List<Frame> read(Path root, List<Path> images, Problems problems) {
        List<Frame> frames = new ArrayList<>();
        for (Path image : images) {
            try {
                Sidecar s = SidecarStore.read(image);
                FrameSource source = s.get(FrameSource.SECTION, FrameSource.class).orElse(null);
                Double sharpness = s.get(DedupInfo.SECTION, DedupInfo.class).map(DedupInfo::sharpness)
                        .filter(v -> v > 0).orElse(null);
                FilterInfo.Text text = s.get(FilterInfo.SECTION, FilterInfo.class).map(FilterInfo::text).orElse(null);
                Frame frame = new Frame(image, root.relativize(image).toString().replace('\\', '/'), source, sharpness, text);
                frame.userKeeps = Reviews.of(image, s).keepFrame();
                frames.add(frame);
            } catch (SidecarException e) {
                problems.add(image, e.getMessage());
            }
        }
        return frames;
    }

    /**
     * One frame decoded and measured, with its text detector input when it still needs detecting
     * in a batch, or its text already found on the worker ({@link TextDetector#framesOnWorkers}).
     */
    private record Prepared(FrameScores scores, int width, int height, TextDetector.Input textInput, FilterInfo.Text text) {
    }

    private record Measured(FrameScores scores, FilterInfo.Text text) {
    }

    private void measure(List<Frame> frames) {
        int batch = textDetector == null ? 8 : textDetector.batchSize();
        try (Progress progress = Progress.start("filter", "img", frames.size())) {
            BatchPipeline.run(frames, BatchPipeline.Options.forBatch(batch), this::prepare, this::infer,
                    (frame, m) -> {
                        frame.scores = m.scores();
                        frame.text = m.text() != null ? m.text()
                                : textDetector != null && frame.cachedText != null ? textDetector.classify(frame.cachedText) : null;
                        progress.step();
                    },
                    (frame, error) -> {
                        if (frame.context) {
                            progress.step();
                            return;
                        }
                        problems.add(frame.file, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
                        progress.step();
                    });
        }
    }

    private Prepared prepare(Frame f) throws IOException {
        RgbImage img = loader.load(f.file);
        thumbs.offer(f.file, img);
        FrameScores scores = f.knownSharpness != null ? FrameChecks.measure(img, f.knownSharpness) : FrameChecks.measure(img);
        TextDetector.Input input = null;
        FilterInfo.Text text = null;
        if (textDetector != null && !textDetector.hasResult(f.cachedText, img.width(), img.height())) {
            input = textDetector.prepare(img);
            if (textDetector.framesOnWorkers()) {
                text = textDetector.detect(List.of(input)).get(0);
                input = null;
            }
        }
        return new Prepared(scores, img.width(), img.height(), input, text);
    }

    private List<Measured> infer(List<Prepared> batch) {
        List<TextDetector.Input> inputs = batch.stream().map(Prepared::textInput).filter(i -> i != null).toList();
        List<FilterInfo.Text> found = inputs.isEmpty() ? List.of() : textDetector.detect(inputs);
        List<Measured> out = new ArrayList<>();
        int k = 0;
        for (Prepared p : batch) {
            out.add(new Measured(p.scores(), p.textInput() == null ? p.text() : found.get(k++)));
        }
        return out;
    }

    /** Writes the section when it changed; false when the sidecar could not be written (reported). */
    private boolean save(Frame f, FilterInfo info) {
        try {
            boolean same = SidecarStore.read(f.file).get(FilterInfo.SECTION, FilterInfo.class).map(info::equals).orElse(false);
            if (!same) {
                SidecarStore.put(f.file, FilterInfo.SECTION, info);
            }
            f.verdict = info;
            return true;
        } catch (SidecarException e) {
            problems.add(f.file, e.getMessage());
            return false;
        }
    }

    private static String describe(Map<Reason, Integer> byReason) {
        if (byReason.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((r, n) -> parts.add(r.id() + " " + n));
        return String.join(", ", parts);
    }
}
