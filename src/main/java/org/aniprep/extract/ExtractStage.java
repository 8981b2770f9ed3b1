package org.aniprep.extract;

import org.aniprep.io.SafePaths;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The extract stage: the frames of every episode that differ from the previous kept one, each with
 * its sidecar ({@link Extractor}); with {@code --dedup} near-duplicates of kept frames are never
 * written ({@link StreamingDedup}).
 */
public final class ExtractStage implements Stage<ExtractStage.Options> {
    private final StreamingDedup streamingDedup;

    /** @param streamingDedup what --dedup uses ({@code dedup.ExtractDedupGate::streaming}) */
    public ExtractStage(StreamingDedup streamingDedup) {
        this.streamingDedup = streamingDedup;
    }

    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    /** {@code aniprep extract}'s options (and {@code extract.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", required = true, paramLabel = "DIR", description = "Folder with the videos (or one video file).")
        public Path src;

        @Option(names = "--dst", required = true, paramLabel = "DIR", description = "Output folder.")
        public Path dst;

        @Option(names = "--pattern", paramLabel = "GLOB", description = "Only videos whose file name matches "
                + "(e.g. 'show_*.mkv'); default: mp4 mkv avi flv mov wmv webm ts m2ts.")
        public String pattern;

        @Option(names = {"-r", "--recursive"}, description = "Also search sub-folders of --src.")
        public boolean recursive;

        @Option(names = "--prefix", paramLabel = "NAME", description = "Frame name prefix (default: from the file name).")
        public String prefix;

        @Option(names = "--ep-init", paramLabel = "N", description = "Number episodes by position, starting at N.")
        public Integer epInit;

        @ArgGroup(exclusive = true)
        public SelectionOptions selection = new SelectionOptions();

        /** {@code --mpdecimate} or {@code --keyframes}, not both. */
        public static final class SelectionOptions {
            @Option(names = "--mpdecimate", paramLabel = "PARAMS", description = "mpdecimate parameters "
                    + "(default: " + Selection.DEFAULT_MPDECIMATE + ").")
            public String mpdecimate;

            @Option(names = "--keyframes", description = "Keep key frames only (no mpdecimate).")
            public boolean keyframes;
        }

        @Option(names = "--format", paramLabel = "png|jpg|webp", defaultValue = "png",
                description = "Frame image format (default: ${DEFAULT-VALUE}; jpg/webp at quality 95).")
        public String format;

        @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Episodes extracted at once "
                + "(default: 1 per 4 cores, at least 1).")
        public Integer jobs;

        @Option(names = "--hwaccel", paramLabel = "auto|none|cuda", defaultValue = "auto",
                description = "Hardware decoding: auto tries CUDA and falls back to the CPU (default: ${DEFAULT-VALUE}).")
        public Hwaccel hwaccel;

        @Option(names = "--ffmpeg", paramLabel = "PATH", description = "Decode with this external ffmpeg binary "
                + "(e.g. a CUDA build) instead of the bundled FFmpeg; frames stream over a pipe.")
        public Path ffmpeg;

        @Option(names = "--crop", paramLabel = "auto|none|W:H:X:Y", defaultValue = "auto",
                description = "Black bars: auto finds letterbox/pillarbox bars per episode (the widest picture on key frames "
                        + "spread over it) and cuts them from every frame; none keeps the whole picture; W:H:X:Y cuts that "
                        + "rectangle of the stored picture (default: ${DEFAULT-VALUE}). Anamorphic video (e.g. DVD 720x480 "
                        + "at 16:9) is always written with square pixels (854x480).")
        public String crop;

        @Option(names = "--overwrite", description = "Redo episodes that are already complete.")
        public boolean overwrite;

        @Option(names = "--dedup", description = "Drop near-duplicates of frames already kept in this run (all episodes, "
                + "in time order; the groups of 'aniprep dedup --keep first'): they are never written. Camera moves keep "
                + "their first and last views (see --pans); a clearly better later member of a group (after a fade, "
                + "without a subtitle, sharper) is written too, for 'aniprep dedup' to choose. Episodes then run one at a time.")
        public boolean dedup;

        @Option(names = "--dedup-threshold", paramLabel = "BITS", description = "Hamming threshold for --dedup "
                + "(default: that of aniprep dedup --threshold).")
        public Integer dedupThreshold;

        @Option(names = "--dedup-scope", paramLabel = "run|episode", defaultValue = "run",
                description = "With --dedup: compare each frame with the frames kept from all episodes of the run (run: "
                        + "the result depends on the order of episodes), or only with those of its own episode (episode: each "
                        + "episode on its own, as a Spark task does it; repeats across episodes are left to 'aniprep dedup'). "
                        + "'aniprep run' uses episode (default: ${DEFAULT-VALUE}).")
        public String dedupScope;

        @Option(names = "--pans", paramLabel = "collapse|keep", defaultValue = "collapse",
                description = "With --dedup: collapse camera moves (pans, tilts, slow zooms) to their first and last views "
                        + "plus one per half frame of new picture (phase correlation between consecutive frames), or keep "
                        + "comparing their frames by hash only (default: ${DEFAULT-VALUE}).")
        public String pans;
    }

    @Override
    public String name() {
        return "extract";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public List<String> layoutArgs(RunLayout layout) {
        return List.of("--src", layout.videos().toString(), "--dst", layout.frames().toString());
    }

    /** In a run, near-duplicates are dropped while extracting (the global dedup stage then has far fewer frames). */
    @Override
    public List<String> runDefaults() {
        return List.of("--dedup", "--dedup-scope", "episode");
    }

    /**
     * Everything that can be told before any work: the source (a folder, or one video file as
     * {@code aniprep run --src} takes), the format, prefix, crop, the mpdecimate parameters (checked
     * with FFmpeg itself), the dedup options, and that there are videos.
     */
    @Override
    public void check(Options o) {
        if (!Files.isDirectory(o.src) && !Files.isRegularFile(o.src)) {
            throw new BadOptions("--src " + o.src + " is not a folder (or a video file)");
        }
        parse(o.format, FrameEncoder::of);
        if (o.prefix != null && SafePaths.component(o.prefix, "").isEmpty()) {
            throw new BadOptions("--prefix '" + o.prefix + "' leaves nothing for a file name (it needs a letter or digit), "
                    + "e.g. --prefix yama");
        }
        if (o.ffmpeg != null && !Files.isExecutable(o.ffmpeg)) {
            throw new BadOptions("--ffmpeg " + o.ffmpeg + " is not an executable file");
        }
        parse(o.crop, CropSpec::parse);
        try {
            selection(o).validate();
        } catch (IllegalArgumentException e) {
            throw new BadOptions(e.getMessage());
        }
        if (o.dedupThreshold != null && o.dedupThreshold < 0) {
            throw new BadOptions("--dedup-threshold is a number of bits (0..192), not " + o.dedupThreshold);
        }
        if (o.dedup && !o.pans.equals("collapse") && !o.pans.equals("keep")) {
            throw new BadOptions("--pans is collapse or keep, not '" + o.pans + "'");
        }
        if (!o.dedupScope.equals("run") && !o.dedupScope.equals("episode")) {
            throw new BadOptions("--dedup-scope is run or episode, not '" + o.dedupScope + "'");
        }
        if (!o.dedup && o.dedupThreshold != null) {
            throw new BadOptions("--dedup-threshold needs --dedup");
        }
        checkVideosFound(o);
    }

    /** No videos and nothing unreadable is a usage error; unreadable entries are {@link #run}'s to report (exit 2). */
    private static void checkVideosFound(Options o) {
        List<String> unreadable = new ArrayList<>();
        try {
            if (new Extractor(extractOptions(o), FrameGate.ALL).videos((file, why) -> unreadable.add(why)).isEmpty()
                    && unreadable.isEmpty()) {
                throw new BadOptions(noVideos(o));
            }
        } catch (IOException e) {
            // the folder cannot be walked: run reports it
        }
    }

    @Override
    public List<Path> writes(Options o) {
        return List.of(o.dst);
    }

    @Override
    public StageResult run(Options o, StageContext context) throws IOException {
        ExtractOptions options = extractOptions(o);
        Extractor extractor = new Extractor(options, gate(o, context.problems()));
        List<Path> videos = extractor.findVideos(context.problems());
        if (videos.isEmpty()) {
            LOG.error(noVideos(o));
            return result(null, Extractor.Summary.NONE);
        }
        LOG.info("extracting {} video(s) from {} into {} ({}, {}, {} job(s))", videos.size(), o.src, o.dst,
                options.selection().describe(), options.encoder().extension(), options.jobs());
        if (!perEpisode(o)) {
            return summary(o, extractor.run(videos, context.problems()));
        }
        Extractor.Summary s = Extractor.Summary.NONE;
        for (EpisodePlan plan : extractor.plan(videos, context.problems())) {
            s = s.plus(extractEpisode(o, plan, context.problems()));
        }
        return summary(o, s);
    }

    /** Whether each episode is extracted on its own ({@code --dedup-scope episode}, or no gate at all). */
    public static boolean perEpisode(Options o) {
        return !o.dedup || o.dedupScope.equals("episode");
    }

    /**
     * The episodes these options extract, named and numbered as a whole run names them (the same list
     * wherever it is made, e.g. on a Spark executor); videos and episodes that cannot be used go to {@code problems}.
     */
    public static List<EpisodePlan> episodes(Options o, org.aniprep.console.Problems problems) throws IOException {
        Extractor extractor = new Extractor(extractOptions(o), FrameGate.ALL);
        return extractor.plan(extractor.findVideos(problems), problems);
    }

    /** One episode on its own, with a gate of its own (what a Spark task runs); needs {@link #perEpisode}. */
    public Extractor.Summary extractEpisode(Options o, EpisodePlan plan, org.aniprep.console.Problems problems) throws IOException {
        if (!perEpisode(o)) {
            throw new IllegalStateException("--dedup-scope run compares episodes with each other: they cannot run on their own");
        }
        return new Extractor(extractOptions(o), gate(o, problems)).runPlans(List.of(plan), problems);
    }

    private FrameGate<?> gate(Options o, org.aniprep.console.Problems problems) {
        return o.dedup ? streamingDedup.gate(o.dedupThreshold, o.pans.equals("collapse"), problems) : FrameGate.ALL;
    }

    /** The stage's line and counts for these episodes' summary. */
    public static StageResult summary(Options o, Extractor.Summary s) {
        return result(String.format("%d frames written from %d episode(s) (%d extracted, %d already complete, "
                + "%d failed) in %s", s.frames(), s.episodes(), s.extracted(), s.skipped(), s.failed(), o.dst), s);
    }

    private static StageResult result(String line, Extractor.Summary s) {
        return StageResult.of(line, "episodes", s.episodes(), "extracted", s.extracted(), "already_complete", s.skipped(),
                "failed", s.failed(), "frames_kept", s.frames(), "frames_decoded", s.decoded());
    }

    private static String noVideos(Options o) {
        return "no videos found in " + o.src + (o.recursive ? " (recursive)" : "")
                + (o.pattern != null ? " matching " + o.pattern : "");
    }

    /** The options as {@link Extractor} takes them (parsed; {@link #check} has told the user what is wrong). */
    private static ExtractOptions extractOptions(Options o) {
        int cores = Runtime.getRuntime().availableProcessors();
        int jobs = o.jobs != null ? Math.max(1, o.jobs) : Math.max(1, cores / 4);
        return new ExtractOptions(o.src, o.dst, o.pattern, o.recursive, o.prefix, o.epInit, selection(o),
                parse(o.format, FrameEncoder::of), jobs, o.hwaccel, o.ffmpeg, o.overwrite, parse(o.crop, CropSpec::parse));
    }

    private static Selection selection(Options o) {
        return o.selection.keyframes ? Selection.keyframes() : Selection.mpdecimate(o.selection.mpdecimate);
    }

    /** {@code parser} applied to {@code value}; its {@link IllegalArgumentException} (a message for the user) as {@link BadOptions}. */
    private static <T, R> R parse(T value, Function<T, R> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new BadOptions(e.getMessage());
        }
    }
}
