package org.aniprep.dedup;

import org.aniprep.image.Sharpness;
import org.aniprep.console.Problems;
import org.aniprep.extract.EpisodePlan;
import org.aniprep.extract.FrameGate;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
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
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code aniprep extract --dedup}: the greedy grouping of {@code aniprep dedup --keep first}, run
 * online while decoding, over all episodes of the run in time order. A frame within the threshold
 * of an earlier kept frame is never written; it only adds one to that frame's {@code dedup.dropped}
 * count for its episode.
 * Episodes finished by an earlier run are read back (their cached hashes) so that later episodes
 * are still compared with them.
 */
public final class ExtractDedupGate implements FrameGate {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractDedupGate.class);

    /** A kept frame: where it is (once written) and how many duplicates were dropped for it. */
    private static final class Kept {
        final Path file;
        final DedupInfo info;
        final Map<String, Integer> dropped;
        boolean written;
        boolean dirty;

        Kept(Path file, DedupInfo info, boolean written) {
            this.file = file;
            this.info = info;
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
    private int items;
    private long droppedTotal;
    private EpisodePlan current;

    public ExtractDedupGate(int threshold, Problems problems) {
        this.grouper = new GreedyGrouper<>(method.index(threshold));
        this.problems = problems;
    }

    /** Episodes must come one at a time, in time order, for the result to equal extract-then-dedup. */
    @Override
    public boolean sequential() {
        return true;
    }

    @Override
    public synchronized boolean admit(EpisodePlan episode, FrameSource source, String name, Supplier<RgbImage> pixels) {
        if (!episode.equals(current)) {
            startEpisode(episode);
        }
        RgbImage img = pixels.get();
        BitHash hash = method.hash().hash(img);
        int item = items++;
        int rep = grouper.offer(hash);
        if (rep != item) {
            Kept k = keptByItem.get(rep);
            k.dropped.merge(key(episode), 1, Integer::sum);
            k.dirty = true;
            droppedTotal++;
            return false;
        }
        // sharpness only for frames that are written: a dropped frame never needs it
        DedupInfo info = DedupInfo.cache(method.id(), hash.toHex(), Sharpness.varianceOfLaplacian(img));
        Kept k = new Kept(episode.folder().resolve(name), info, false);
        keptByItem.put(item, k);
        pendingByFolder.computeIfAbsent(episode.folder(), f -> new ArrayList<>()).add(k);
        return true;
    }

    /** An episode extracted (again) from scratch: what an earlier run counted for it no longer holds. */
    private void startEpisode(EpisodePlan episode) {
        current = episode;
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
        LOG.info("extract --dedup: {} frame(s) kept, {} duplicate(s) not written", keptByItem.size(), droppedTotal);
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
