package org.aniprep.dedup;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.ImageLoadException;
import org.aniprep.image.ImageLoader;
import org.aniprep.model.BatchPipeline;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.Reviews;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fingerprints every image: from the sidecar cache when it holds one made by the same method, else
 * by decoding the image (in parallel), caching the result in the sidecar when allowed. Bad images
 * and bad sidecars become one problem line each and are left out.
 */
final class FingerprintScan {
    private static final Logger LOG = LoggerFactory.getLogger(FingerprintScan.class);

    private final Fingerprinter<?> method;
    private final ImageLoader loader;
    private final boolean writeCache;
    private final Problems problems;

    FingerprintScan(Fingerprinter<?> method, ImageLoader loader, boolean writeCache, Problems problems) {
        this.method = method;
        this.loader = loader;
        this.writeCache = writeCache;
        this.problems = problems;
    }

    /** The items of {@code images} (relative to {@code root}) that could be fingerprinted, in time order. */
    List<DedupItem> scan(Path root, List<Path> images) {
        List<DedupItem> ready = new ArrayList<>();
        List<DedupItem> missing = new ArrayList<>();
        for (Path image : images) {
            String rel = root.relativize(image).toString().replace('\\', '/');
            try {
                Sidecar sidecar = SidecarStore.read(image);
                FrameSource source = sidecar.get(FrameSource.SECTION, FrameSource.class).orElse(null);
                DedupInfo info = sidecar.get(DedupInfo.SECTION, DedupInfo.class).orElse(null);
                boolean cached = method.isCached(info);
                (cached ? ready : missing).add(DedupItem.of(image, rel, source, info, method, FilterVerdict.of(sidecar),
                        Reviews.of(image, sidecar).keepFrame()));
            } catch (SidecarException e) {
                problems.add(SidecarStore.pathFor(image), withoutPath(e.getMessage(), SidecarStore.pathFor(image)) + "; image skipped");
            }
        }
        LOG.info("{} image(s): {} fingerprint(s) cached, {} to compute ({})", ready.size() + missing.size(),
                ready.size(), missing.size(), method.id());
        ready.addAll(compute(missing));
        ready.sort(TimeOrder.ITEMS);
        return ready;
    }

    private List<DedupItem> compute(List<DedupItem> remaining) {
        List<DedupItem> done = new ArrayList<>();
        if (remaining.isEmpty()) {
            return done;
        }
        if (method instanceof EmbeddingFingerprinter embedder) {
            return computeBatched(embedder, remaining);
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), remaining.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Progress progress = Progress.start("dedup: hash", "img", remaining.size())) {
            List<Future<DedupItem>> futures = new ArrayList<>();
            for (DedupItem item : remaining) {
                futures.add(pool.submit(() -> {
                    try {
                        return computeOne(item);
                    } finally {
                        progress.step();
                    }
                }));
            }
            for (Future<DedupItem> f : futures) {
                DedupItem item = f.get();
                if (item != null) {
                    done.add(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return done;
    }

    /** Model inference in batches: decoding and preprocessing on worker threads, the model on this one. */
    private List<DedupItem> computeBatched(EmbeddingFingerprinter embedder, List<DedupItem> remaining) {
        List<DedupItem> done = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Progress progress = Progress.start("dedup: embed", "img", remaining.size())) {
            BatchPipeline.run(remaining, BatchPipeline.Options.forBatch(embedder.batchSize()),
                    item -> embedder.prepare(loader.load(item.file())),
                    embedder::infer,
                    (item, info) -> {
                        DedupItem ready = cache(item, info);
                        if (ready != null) {
                            done.add(ready);
                        }
                        progress.step();
                    },
                    (item, error) -> {
                        problems.add(item.file(), (error instanceof ImageLoadException ? error.getMessage()
                                : "cannot be fingerprinted (" + error.getMessage() + ")") + "; skipped");
                        progress.step();
                    });
        }
        return new ArrayList<>(done);
    }

    /** Sidecar messages start with the file, which the problem line already names. */
    static String withoutPath(String message, Path file) {
        String prefix = file + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : String.valueOf(message);
    }

    /** Records a fresh fingerprint (in the sidecar when allowed); null when the sidecar cannot be written. */
    private DedupItem cache(DedupItem item, DedupInfo fresh) {
        DedupInfo info = item.info() != null ? item.info().withFingerprint(fresh) : fresh; // keeps earlier group records
        try {
            if (writeCache) {
                SidecarStore.put(item.file(), DedupInfo.SECTION, info);
            }
            return DedupItem.of(item.file(), item.relative(), item.source(), info, method, item.filter(), item.userKeeps());
        } catch (SidecarException e) {
            problems.add(SidecarStore.pathFor(item.file()), withoutPath(e.getMessage(), SidecarStore.pathFor(item.file())) + "; skipped");
            return null;
        }
    }

    private DedupItem computeOne(DedupItem item) {
        try {
            return cache(item, method.fingerprint(loader.load(item.file())));
        } catch (ImageLoadException e) {
            problems.add(item.file(), e.getMessage() + "; skipped");
        } catch (RuntimeException | OutOfMemoryError e) {
            problems.add(item.file(), "cannot be fingerprinted (" + e.getMessage() + "); skipped");
        }
        return null;
    }
}
