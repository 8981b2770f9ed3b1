package org.aniprep.cli;

import org.aniprep.console.ExitCodes;
import org.aniprep.console.Problems;
import org.aniprep.dedup.DedupOptions;
import org.aniprep.dedup.ExtractDedupGate;
import org.aniprep.extract.CropSpec;
import org.aniprep.extract.ExtractOptions;
import org.aniprep.extract.Extractor;
import org.aniprep.extract.FrameEncoder;
import org.aniprep.extract.FrameGate;
import org.aniprep.extract.Hwaccel;
import org.aniprep.extract.Selection;
import org.aniprep.io.FolderLock;
import org.aniprep.io.SafePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", sortOptions = false,
        description = {"Decodes episodes and writes the frames that differ from the previous kept one "
                + "(FFmpeg mpdecimate), as DST/EP04/<prefix>_EP04_<k>.png with a <stem>.json sidecar each.",
                "Episode numbers come from the file names ([Group] Show - 04 [1080p].mkv, show_04.mp4, "
                        + "Show S2E04.mkv -> S2EP04); names without a number, or every name when --ep-init is "
                        + "given, are numbered by position in natural order from --ep-init (default 1).",
                "The prefix is --prefix, else the series name from the file name: bracketed groups, release "
                        + "tags, the episode number and everything after it removed, spaces turned into '_'.",
                "A finished episode is skipped on rerun; an unfinished one is redone cleanly."})
public final class ExtractCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    @Option(names = "--src", required = true, paramLabel = "DIR", description = "Folder with the videos.")
    Path src;

    @Option(names = "--dst", required = true, paramLabel = "DIR", description = "Output folder.")
    Path dst;

    @Option(names = "--pattern", paramLabel = "GLOB", description = "Only videos whose file name matches "
            + "(e.g. 'show_*.mkv'); default: mp4 mkv avi flv mov wmv webm ts m2ts.")
    String pattern;

    @Option(names = {"-r", "--recursive"}, description = "Also search sub-folders of --src.")
    boolean recursive;

    @Option(names = "--prefix", paramLabel = "NAME", description = "Frame name prefix (default: from the file name).")
    String prefix;

    @Option(names = "--ep-init", paramLabel = "N", description = "Number episodes by position, starting at N.")
    Integer epInit;

    @ArgGroup(exclusive = true)
    SelectionOptions selection = new SelectionOptions();

    static final class SelectionOptions {
        @Option(names = "--mpdecimate", paramLabel = "PARAMS", description = "mpdecimate parameters "
                + "(default: " + Selection.DEFAULT_MPDECIMATE + ").")
        String mpdecimate;

        @Option(names = "--keyframes", description = "Keep key frames only (no mpdecimate).")
        boolean keyframes;
    }

    @Option(names = "--format", paramLabel = "png|jpg|webp", defaultValue = "png",
            description = "Frame image format (default: ${DEFAULT-VALUE}; jpg/webp at quality 95).")
    String format;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Episodes extracted at once "
            + "(default: 1 per 4 cores, at least 1).")
    Integer jobs;

    @Option(names = "--hwaccel", paramLabel = "auto|none|cuda", defaultValue = "auto",
            description = "Hardware decoding: auto tries CUDA and falls back to the CPU (default: ${DEFAULT-VALUE}).")
    Hwaccel hwaccel;

    @Option(names = "--ffmpeg", paramLabel = "PATH", description = "Decode with this external ffmpeg binary "
            + "(e.g. a CUDA build) instead of the bundled FFmpeg; frames stream over a pipe.")
    Path ffmpeg;

    @Option(names = "--crop", paramLabel = "auto|none|W:H:X:Y", defaultValue = "auto",
            description = "Black bars: auto finds letterbox/pillarbox bars per episode (the widest picture on key frames "
                    + "spread over it) and cuts them from every frame; none keeps the whole picture; W:H:X:Y cuts that "
                    + "rectangle of the stored picture (default: ${DEFAULT-VALUE}). Anamorphic video (e.g. DVD 720x480 "
                    + "at 16:9) is always written with square pixels (854x480).")
    String crop;

    @Option(names = "--overwrite", description = "Redo episodes that are already complete.")
    boolean overwrite;

    @Option(names = "--dedup", description = "Drop near-duplicates of frames already kept in this run (all episodes, "
            + "in time order; the groups of 'aniprep dedup --keep first'): they are never written. Camera moves keep "
            + "their first and last views (see --pans); a clearly better later member of a group (after a fade, "
            + "without a subtitle, sharper) is written too, for 'aniprep dedup' to choose. Episodes then run one at a time.")
    boolean dedup;

    @Option(names = "--dedup-threshold", paramLabel = "BITS", description = "Hamming threshold for --dedup "
            + "(default: " + DedupOptions.DEFAULT_HASH_THRESHOLD + ", as aniprep dedup).")
    Integer dedupThreshold;

    @Mixin
    LockOptions locking;

    @Option(names = "--pans", paramLabel = "collapse|keep", defaultValue = "collapse",
            description = "With --dedup: collapse camera moves (pans, tilts, slow zooms) to their first and last views "
                    + "plus one per half frame of new picture (phase correlation between consecutive frames), or keep "
                    + "comparing their frames by hash only (default: ${DEFAULT-VALUE}).")
    String pans;

    /** Set by {@code --dedup}; all frames pass otherwise. */
    FrameGate gate = FrameGate.ALL;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + " is not a folder");
        }
        FrameEncoder encoder;
        try {
            encoder = FrameEncoder.of(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (prefix != null && SafePaths.component(prefix, "").isEmpty()) {
            throw new UsageException("--prefix '" + prefix + "' leaves nothing for a file name (it needs a letter or digit), "
                    + "e.g. --prefix yama");
        }
        if (ffmpeg != null && !Files.isExecutable(ffmpeg)) {
            throw new UsageException("--ffmpeg " + ffmpeg + " is not an executable file");
        }
        CropSpec cropSpec;
        try {
            cropSpec = CropSpec.parse(crop);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int jobCount = jobs != null ? Math.max(1, jobs) : Math.max(1, cores / 4);
        Selection sel = selection.keyframes ? Selection.keyframes() : Selection.mpdecimate(selection.mpdecimate);
        try {
            sel.validate();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ExtractOptions options = new ExtractOptions(src, dst, pattern, recursive, prefix, epInit, sel, encoder,
                jobCount, hwaccel, ffmpeg, overwrite, cropSpec);
        Problems problems = new Problems();
        if (dedupThreshold != null && dedupThreshold < 0) {
            throw new UsageException("--dedup-threshold is a number of bits (0..192), not " + dedupThreshold);
        }
        if (dedup) {
            if (!pans.equals("collapse") && !pans.equals("keep")) {
                throw new UsageException("--pans is collapse or keep, not '" + pans + "'");
            }
            gate = new ExtractDedupGate(dedupThreshold == null ? DedupOptions.DEFAULT_HASH_THRESHOLD : dedupThreshold,
                    pans.equals("collapse"), problems);
        } else if (dedupThreshold != null) {
            throw new UsageException("--dedup-threshold needs --dedup");
        }
        Extractor extractor = new Extractor(options, gate);
        List<Path> videos = extractor.findVideos(problems);
        if (videos.isEmpty()) {
            LOG.error("no videos found in {}{}{}", src, recursive ? " (recursive)" : "",
                    pattern != null ? " matching " + pattern : "");
            return problems.isEmpty() ? ExitCodes.USAGE : problems.summarize("extract");
        }
        try (FolderLock lock = locking.lock(dst)) {
            LOG.info("extracting {} video(s) from {} into {} ({}, {}, {} job(s))", videos.size(), src, dst,
                    sel.describe(), encoder.extension(), jobCount);
            Extractor.Summary s = extractor.run(videos, problems);
            LOG.info("extract: {} frames written from {} episode(s) ({} extracted, {} already complete, {} failed) in {}",
                    s.frames(), s.episodes(), s.extracted(), s.skipped(), s.failed(), dst);
        }
        return problems.summarize("extract");
    }
}
