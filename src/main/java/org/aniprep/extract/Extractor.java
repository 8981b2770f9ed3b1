package org.aniprep.extract;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * {@code aniprep extract}: finds the episodes, numbers them, and extracts them (several at once with
 * {@code --jobs}) under one progress bar. Bad videos are reported and skipped; the others go on.
 */
public final class Extractor {
    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    /** What a run did, for the caller's summary. */
    public record Summary(int episodes, int extracted, int skipped, int failed, long frames, long decoded) {
        public static final Summary NONE = new Summary(0, 0, 0, 0, 0, 0);

        /** Both summaries' counts added. */
        public Summary plus(Summary o) {
            return new Summary(episodes + o.episodes, extracted + o.extracted, skipped + o.skipped, failed + o.failed,
                    frames + o.frames, decoded + o.decoded);
        }
    }

    /** Episodes in time order, for gates that need it. */
    static final java.util.Comparator<EpisodePlan> TIME_ORDER = java.util.Comparator
            .comparing(EpisodePlan::prefix, org.aniprep.io.NaturalOrder.INSTANCE)
            .thenComparingInt(p -> p.season() == null ? 0 : p.season())
            .thenComparingInt(EpisodePlan::episode);

    private final ExtractOptions options;
    private final FrameGate<?> gate;

    public Extractor(ExtractOptions options, FrameGate<?> gate) {
        this.options = options;
        this.gate = gate;
    }

    /** Finds the videos to extract; unreadable folders and bad files are reported to {@code problems}. */
    public List<Path> findVideos(Problems problems) throws IOException {
        if (SafePaths.isWithin(options.dst().toAbsolutePath().normalize(), options.src())) {
            LOG.warn("--dst {} lies inside --src; it is not searched for videos", options.dst());
        }
        return videos(problems::add);
    }

    /** The videos to extract, without a word to the user; unreadable folders and bad files go to {@code unreadable}. */
    List<Path> videos(BiConsumer<Path, String> unreadable) throws IOException {
        return MediaFiles.find(options.src(), options.recursive(), options.pattern(), MediaFiles::isVideo,
                unreadable, Set.of(options.dst().toAbsolutePath().normalize()));
    }

    public Summary run(List<Path> videos, Problems problems) throws IOException {
        return runPlans(plan(videos, problems), problems);
    }

    /** The episodes of {@code videos}, named and numbered (the same list for the same videos, wherever it is made). */
    public List<EpisodePlan> plan(List<Path> videos, Problems problems) throws IOException {
        Files.createDirectories(options.dst());
        return EpisodePlanner.plan(videos, options.dst(), options.prefix(), options.epInit(), problems);
    }

    /** Extracts these episodes (from {@link #plan}). */
    public Summary runPlans(List<EpisodePlan> plans, Problems problems) throws IOException {
        Files.createDirectories(options.dst());
        if (gate.sequential()) {
            plans = plans.stream().sorted(TIME_ORDER).toList();
        }
        Map<EpisodePlan, Long> estimates = probe(plans, problems);
        long total = estimates.values().stream().mapToLong(Long::longValue).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        int jobs = gate.sequential() ? 1 : Math.max(1, Math.min(options.jobs(), estimates.size()));
        ExecutorService episodes = Executors.newFixedThreadPool(jobs, daemon("extract-episode"));
        ExecutorService encoders = Executors.newFixedThreadPool(cores, daemon("extract-encode"));
        // a queue of its own, so that a frame's pixel work never waits behind encodes (FIFO: a frame's task starts after its predecessor's)
        ExecutorService gateWorkers = Executors.newFixedThreadPool(cores, daemon("extract-gate"));
        Semaphore inFlight = new Semaphore(cores * 2 + jobs);
        List<EpisodeExtractor.Result> results = new ArrayList<>();
        try (Progress progress = Progress.start("extract", "frames", total)) {
            EpisodeExtractor worker = new EpisodeExtractor(options, gate, new EpisodeExtractor.Pools(encoders, gateWorkers, inFlight),
                    progress, problems);
            List<Future<EpisodeExtractor.Result>> futures = new ArrayList<>();
            for (Map.Entry<EpisodePlan, Long> e : estimates.entrySet()) {
                futures.add(episodes.submit(() -> worker.extract(e.getKey(), e.getValue())));
            }
            for (Future<EpisodeExtractor.Result> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            episodes.shutdownNow();
            encoders.shutdown();
            gateWorkers.shutdown();
        }
        gate.finish();
        return summarize(results);
    }

    private Map<EpisodePlan, Long> probe(List<EpisodePlan> plans, Problems problems) {
        Map<EpisodePlan, Long> estimates = new LinkedHashMap<>();
        for (EpisodePlan plan : plans) {
            Path video = plan.video();
            try {
                if (Files.size(video) == 0) {
                    problems.add(video, "empty file (0 bytes)");
                    continue;
                }
                if (!Files.isReadable(video)) {
                    problems.add(video, "cannot be read (permission denied)");
                    continue;
                }
                estimates.put(plan, JavacvDecoder.probe(video).estimatedFrames());
            } catch (IOException e) {
                problems.add(video, e.getMessage());
            }
        }
        return estimates;
    }

    private static Summary summarize(List<EpisodeExtractor.Result> results) {
        int extracted = 0;
        int skipped = 0;
        int failed = 0;
        long frames = 0;
        long decoded = 0;
        for (EpisodeExtractor.Result r : results) {
            switch (r.outcome()) {
                case EXTRACTED -> extracted++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
            if (r.outcome() != EpisodeExtractor.Outcome.SKIPPED) {
                frames += r.frames(); // written by this run and on disk
            }
            decoded += r.decoded();
        }
        return new Summary(results.size(), extracted, skipped, failed, frames, decoded);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
