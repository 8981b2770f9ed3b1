package org.aniprep.dedup;

import org.aniprep.image.Sharpness;
import org.aniprep.console.Problems;
import org.aniprep.extract.EpisodePlan;
import org.aniprep.extract.FrameGate;
import org.aniprep.extract.FramePixels;
import org.aniprep.image.ImageLoader;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.NaturalOrder;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.DedupInfo.Representative;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * {@code aniprep extract --dedup}: the greedy grouping of {@code aniprep dedup --keep first}, run
 * online while decoding, over all episodes of the run in time order. A frame within the threshold
 * of an earlier kept frame is never written; it only adds one to that frame's {@code dedup.dropped}
 * count for its episode.
 * Episodes finished by an earlier run are read back (their cached hashes) so that later episodes
 * are still compared with them.
 */
public final class ExtractDedupGate implements FrameGate<ExtractDedupGate.Pixels> {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractDedupGate.class);

    /** A kept frame: where it is (once written) and how many duplicates were dropped for it. */
    private static final class Kept {
        Path file;
        DedupInfo info;
        DedupInfo.Quality quality;
        final Map<String, Integer> dropped;
        boolean written;
        boolean dirty;

        Kept(Path file, DedupInfo info, boolean written) {
            this.file = file;
            this.info = info;
            this.quality = info.quality();
            this.dropped = info.droppedByEpisode();
            this.written = written;
        }
    }

    private final HashFingerprinter method = HashFingerprinter.DEFAULT;
    private final GreedyGrouper<BitHash> grouper;
    private final Problems problems;
    private final ImageLoader loader = new ImageLoader();
    private final Map<Integer, Kept> keptByItem = new HashMap<>();
    private final Map<Path, List<Kept>> pendingByFolder = new HashMap<>();
    /** Kept frames let through and not yet named, by frame index. */
    private final Map<Long, Kept> unnamed = new HashMap<>();
    private final boolean collapsePans;
    private int items;
    private long droppedTotal;
    private long panFrames;
    private EpisodePlan current;
    private PanTracker pans;
    /** The group of the current camera view's frame: a move's frames that still show that view count as its duplicates. */
    private Kept viewGroup;
    /** The move's frame held back as its possible last view (its pixels, to fingerprint if it is released). */
    private HeldFrame held;

    /** {@code pan}: a camera move's possible last view; else a group's better member (see {@link #endRun}). */
    private record HeldFrame(FrameSource source, Pixels pixels, boolean pan) {
    }

    /**
     * A frame's pixels as the gate sees them. Its thumbnail and the camera move from the episode's
     * previous frame are measured ahead on a worker thread ({@link #prepare}), since every frame
     * needs them; the hash and quality there too for frames that are not a camera move's, else only
     * when asked (and then kept): most frames of a camera move never need them.
     */
    static final class Pixels {
        private final FramePixels frame;
        private final Thumbnail thumbnail;
        private final CameraMove move;
        private BitHash hash;
        private DedupInfo.Quality quality;

        Pixels(FramePixels frame, Thumbnail thumbnail, CameraMove move) {
            this.frame = frame;
            this.thumbnail = thumbnail;
            this.move = move;
        }

        /**
         * Hash and quality now, on the worker thread that prepares the frame: for a frame no camera
         * move continues into, which is grouped by its hash and, unless it starts a group, ranked by its
         * quality. Measured on the decoding thread they held up decoding (docs/run.md, Speed).
         */
        void measure(PerceptualHash method) {
            hash(method);
            quality();
        }

        BitHash hash(PerceptualHash method) {
            if (hash == null) {
                hash = method.hash(frame.rgb());
            }
            return hash;
        }

        DedupInfo.Quality quality() {
            if (quality == null) {
                quality = FrameQuality.of(frame.rgb());
            }
            return quality;
        }

        double sharpness() {
            return Sharpness.varianceOfLaplacian(frame.rgb());
        }
    }

    /** The previous frame handed to {@link #prepare}: its episode, time and (coming) thumbnail. */
    private EpisodePlan preparedEpisode;
    private double preparedTime;
    private CompletableFuture<Thumbnail> preparedThumbnail;

    /** The group whose duplicates the latest frames were, and the best picture written or held for it in this run. */
    private Kept run;
    private DedupInfo.Quality runBest;
    private DedupInfo.Quality heldQuality;
    /** The held member is a twin the filter passes where it rejects the written frame for its text: kept as held. */
    private boolean heldByText;
    private final TextTwins twins;
    private long alternates;

    /** Camera moves collapsed (see {@link PanTracker}). */
    /** The gate for extract's --dedup ({@link org.aniprep.extract.StreamingDedup}); a null threshold is dedup's default. */
    public static FrameGate<?> streaming(Integer threshold, boolean collapsePans, Problems problems) {
        return new ExtractDedupGate(threshold == null ? DedupOptions.DEFAULT_HASH_THRESHOLD : threshold, collapsePans, problems);
    }

    public ExtractDedupGate(int threshold, Problems problems) {
        this(threshold, true, problems);
    }

    /** {@code collapsePans} false: every frame of a camera move is compared by its hash only, as {@code aniprep dedup} does. */
    public ExtractDedupGate(int threshold, boolean collapsePans, Problems problems) {
        this.grouper = new GreedyGrouper<>(method.index(threshold));
        this.collapsePans = collapsePans;
        this.problems = problems;
        this.twins = new TextTwins(TextTwins.filters());
    }

    /** Episodes must come one at a time, in time order, for the result to equal extract-then-dedup. */
    @Override
    public boolean sequential() {
        return true;
    }

    /**
     * Frames come in frame order; each task needs the previous frame's thumbnail, which the previous
     * task (started before it, the workers' queue being first in, first out) makes first thing.
     */
    @Override
    public synchronized Callable<Pixels> prepare(EpisodePlan episode, FrameSource source, FramePixels pixels) {
        CompletableFuture<Thumbnail> previous = episode.equals(preparedEpisode) && PanTracker.comparable(preparedTime, source.time())
                ? preparedThumbnail : null;
        CompletableFuture<Thumbnail> mine = collapsePans ? new CompletableFuture<>() : null;
        preparedEpisode = episode;
        preparedTime = source.time();
        preparedThumbnail = mine;
        return () -> {
            try {
                Thumbnail thumbnail = null;
                CameraMove move = null;
                if (collapsePans) {
                    thumbnail = Thumbnail.ofBgr(pixels.bgr());
                    mine.complete(thumbnail);
                    move = previous == null ? null : CameraMove.between(previous.join(), thumbnail);
                }
                Pixels prepared = new Pixels(pixels, thumbnail, move);
                if (!collapsePans || !PanTracker.continues(move)) {
                    prepared.measure(method.hash());
                }
                return prepared;
            } catch (RuntimeException | Error e) {
                if (mine != null) {
                    mine.completeExceptionally(e);
                }
                throw e;
            }
        };
    }

    @Override
    public synchronized Decision offer(EpisodePlan episode, FrameSource source, Pixels img) {
        if (!episode.equals(current)) {
            startEpisode(episode);
        }
        PanTracker.Step step = PanTracker.Step.STILL;
        Held fate = Held.DROP;
        if (collapsePans) {
            PanTracker.Result r = pans.offer(img.thumbnail, source.time(), img.move);
            step = r.step();
            if (held != null && held.pan()) {
                fate = r.lastOfMove() && release() ? Held.WRITE : Held.DROP;
                held = null;
            }
        }
        if (step == PanTracker.Step.SAME_VIEW && viewGroup != null) {
            fate = held != null ? endRun() : fate;
            countDropped(viewGroup, episode);
            panFrames++;
            held = new HeldFrame(source, img, true);
            return new Decision(Verdict.HOLD, fate);
        }
        int item = items;
        Kept k = group(episode, source, img);
        boolean isNew = keptByItem.containsKey(item);
        if (isNew) {
            fate = held != null ? endRun() : fate;
            startRun(k, k.quality);
            twins.startRun(img.frame.rgb(), k.quality);
            viewGroup = k;
            return new Decision(Verdict.WRITE, fate);
        }
        viewGroup = k;
        DedupInfo.Quality q = img.quality();
        if (k != run) {
            fate = held != null ? endRun() : fate;
            startRun(k, k.quality != null ? k.quality : q);
            twins.startRun(null, null);
            return new Decision(Verdict.DROP, fate);
        }
        if (held == null ? BestMember.clearlyBetter(q, runBest) : !heldByText && BestMember.better(q, heldQuality)) {
            // clearly better than the group's written frame (and the best since): held until the run of duplicates ends
            boolean replaced = held != null;
            held = new HeldFrame(source, img, false);
            heldQuality = q;
            heldByText = false;
            return new Decision(Verdict.HOLD, replaced ? Held.DROP : fate);
        }
        if (held == null && twins.passesWhereKeptFails(img.frame.rgb(), q)) {
            // the filter would reject the written frame for its text and passes this one: held as above, and kept
            held = new HeldFrame(source, img, false);
            heldQuality = q;
            heldByText = true;
            return new Decision(Verdict.HOLD, fate);
        }
        return new Decision(Verdict.DROP, held != null ? Held.KEEP : fate);
    }

    private void startRun(Kept k, DedupInfo.Quality best) {
        run = k;
        runBest = best;
    }

    /**
     * The run of a group's duplicates ended with a better member held: it is written as well (not
     * replacing the kept frame: {@code aniprep dedup --keep best} chooses between them later, with
     * the filter's verdicts when there are some), no longer counted as a dropped duplicate.
     */
    private Held endRun() {
        held = null;
        uncount(run, current);
        alternates++;
        run = null;
        return Held.WRITE;
    }

    /**
     * Greedy grouping by hash: a frame that starts a group is kept (returned, named when written); a
     * duplicate counts for its group's kept frame (that one returned).
     */
    private Kept group(EpisodePlan episode, FrameSource source, Pixels img) {
        BitHash hash = img.hash(method.hash());
        int item = items++;
        int rep = grouper.offer(hash);
        if (rep != item) {
            Kept k = keptByItem.get(rep);
            countDropped(k, episode);
            return k;
        }
        // sharpness only for frames that are written: a dropped frame never needs it
        DedupInfo info = DedupInfo.cache(method.id(), hash.toHex(), img.sharpness(), img.quality());
        Kept k = new Kept(null, info, false);
        keptByItem.put(item, k);
        unnamed.put(source.frameIndex(), k);
        return k;
    }

    private void countDropped(Kept k, EpisodePlan episode) {
        k.dropped.merge(key(episode), 1, Integer::sum);
        k.dirty = true;
        droppedTotal++;
    }

    /**
     * The held frame ended a camera move: it is the move's last view, no longer counted as the view's
     * duplicate but grouped by its hash (written unless it finds an earlier group); true when written.
     */
    private boolean release() {
        if (held == null) {
            return false;
        }
        HeldFrame h = held;
        held = null;
        uncount(viewGroup, current);
        panFrames--;
        int item = items;
        group(current, h.source(), h.pixels());
        return keptByItem.containsKey(item);
    }

    private void uncount(Kept k, EpisodePlan episode) {
        if (k.dropped.merge(key(episode), -1, Integer::sum) == 0) {
            k.dropped.remove(key(episode));
        }
        k.dirty = true;
        droppedTotal--;
    }

    @Override
    public synchronized void named(EpisodePlan episode, FrameSource source, String name) {
        Kept k = unnamed.remove(source.frameIndex());
        if (k != null) {
            k.file = episode.folder().resolve(name);
            pendingByFolder.computeIfAbsent(episode.folder(), f -> new ArrayList<>()).add(k);
        }
    }

    @Override
    public synchronized boolean writeHeldAtEnd(EpisodePlan episode) {
        if (held != null && !held.pan()) {
            endRun();
            return true;
        }
        return collapsePans && pans != null && pans.endsInMove() && release();
    }

    /** An episode extracted (again) from scratch: what an earlier run counted for it no longer holds. */
    private void startEpisode(EpisodePlan episode) {
        current = episode;
        pans = new PanTracker();
        viewGroup = null;
        held = null;
        run = null;
        for (Kept k : keptByItem.values()) {
            if (k.dropped.remove(key(episode)) != null) {
                k.dirty = true;
            }
        }
    }

    private static String key(EpisodePlan episode) {
        return episode.prefix() + "_" + episode.label();
    }

    @Override
    public synchronized void episodeWritten(EpisodePlan episode) {
        for (Kept k : pendingByFolder.getOrDefault(episode.folder(), List.of())) {
            k.written = true;
            save(k);
        }
        pendingByFolder.remove(episode.folder());
    }

    @Override
    public synchronized void episodeSkipped(EpisodePlan episode) {
        List<Path> frames;
        try {
            frames = framesOf(episode);
        } catch (IOException e) {
            problems.add(episode.folder(), "cannot be listed for --dedup (" + e.getMessage() + ")");
            return;
        }
        for (Path frame : frames) {
            try {
                Sidecar side = SidecarStore.read(frame);
                DedupInfo info = side.get(DedupInfo.SECTION, DedupInfo.class)
                        .filter(method::isCached)
                        .orElse(null);
                if (info == null) {
                    info = method.fingerprint(loader.load(frame));
                }
                int item = items++;
                Representative first = anchor(side);
                String hash = first != null ? first.hash() : info.hash();
                if (grouper.offer(BitHash.fromHex(hash)) == item) {
                    keptByItem.put(item, new Kept(frame, side.get(DedupInfo.SECTION, DedupInfo.class).orElse(info), true));
                }
            } catch (IOException | SidecarException e) {
                problems.add(frame, "cannot be read back for --dedup (" + e.getMessage() + "); not compared");
            }
        }
    }

    @Override
    public synchronized void finish() {
        for (Kept k : keptByItem.values()) {
            if (k.written && k.dirty) {
                save(k);
            }
        }
        LOG.info("extract --dedup: {} frame(s) kept, {} duplicate(s) not written ({} of them frames of camera moves "
                + "that still showed a kept view); {} better later member(s) written too, for dedup --keep best "
                + "({} frame(s) asked for the filter's text verdict)",
                keptByItem.size(), droppedTotal, panFrames, alternates, twins.asked());
    }

    private void save(Kept k) {
        try {
            SidecarStore.update(k.file, s -> {
                DedupInfo old = s.get(DedupInfo.SECTION, DedupInfo.class).orElse(null);
                List<String> removed = old == null || old.removed() == null ? List.of() : old.removed();
                return s.put(DedupInfo.SECTION, k.info.asKept(removed, k.dropped));
            });
            k.dirty = false;
        } catch (SidecarException e) {
            problems.add(k.file, "cannot record its duplicates (" + e.getMessage() + ")");
        }
    }

    /** The episode's own frames on disk, in frame order. */
    private List<Path> framesOf(EpisodePlan episode) throws IOException {
        if (!Files.isDirectory(episode.folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(episode.folder())) {
            return files.filter(p -> p.getFileName().toString().startsWith(episode.framePrefix()) && MediaFiles.isImage(p))
                    .sorted(Comparator.comparingLong(this::frameIndex)
                            .thenComparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE))
                    .toList();
        }
    }

    /** The frame's place in its episode: its recorded representative's when that is in the same episode (as dedup orders it). */
    private long frameIndex(Path frame) {
        try {
            Sidecar side = SidecarStore.read(frame);
            FrameSource own = side.get(FrameSource.SECTION, FrameSource.class).orElse(null);
            Representative first = anchor(side);
            if (own != null && first != null && first.source() != null && sameEpisode(own, first.source())) {
                return first.source().frameIndex();
            }
            return own == null ? Long.MAX_VALUE : own.frameIndex();
        } catch (SidecarException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The group representative a later {@code dedup --keep best} recorded on this kept frame, when made
     * with this gate's hash: the frame is compared as that representative, like {@code aniprep dedup}
     * does, so later episodes meet the same groups.
     */
    private Representative anchor(Sidecar side) {
        Representative r = side.get(DedupInfo.SECTION, DedupInfo.class).map(DedupInfo::representative).orElse(null);
        return r != null && method.isCached(r.fingerprint()) ? r : null;
    }

    private static boolean sameEpisode(FrameSource a, FrameSource b) {
        return java.util.Objects.equals(a.prefix(), b.prefix()) && java.util.Objects.equals(a.season(), b.season())
                && a.episode() == b.episode();
    }
}
