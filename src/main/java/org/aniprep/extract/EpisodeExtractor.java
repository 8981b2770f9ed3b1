package org.aniprep.extract;

import org.aniprep.console.Plural;
import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.IoErrors;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Extracts one episode: decode and select on the calling thread, the gate's pixel work on its
 * workers a few frames ahead of its decisions ({@link GateWindow}), encode and write on the shared
 * encoder pool (a semaphore bounds the frames in flight, so memory stays flat), sidecar per frame,
 * completion marker last. An unfinished folder from an earlier run is cleaned first.
 */
final class EpisodeExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodeExtractor.class);

    /** How one episode ended. */
    enum Outcome { EXTRACTED, SKIPPED, FAILED }

    record Result(EpisodePlan plan, Outcome outcome, long frames, long decoded) {
    }

    /**
     * The threads an episode's frames go to: encoding and writing (at most {@code inFlight} frames
     * at once, so memory stays flat), and the gate's pixel work.
     */
    record Pools(ExecutorService encoders, ExecutorService gateWorkers, Semaphore inFlight) {
    }

    private final ExtractOptions options;
    private final FrameGate<?> gate;
    private final Pools pools;
    private final Progress progress;
    private final Problems problems;

    EpisodeExtractor(ExtractOptions options, FrameGate<?> gate, Pools pools, Progress progress, Problems problems) {
        this.options = options;
        this.gate = gate;
        this.pools = pools;
        this.progress = progress;
        this.problems = problems;
    }

    Result extract(EpisodePlan plan, long estimatedFrames) {
        try {
            Files.createDirectories(plan.folder());
            CompletionMarker done = CompletionMarker.read(plan.folder());
            CompletionMarker expected = CompletionMarker.of(plan, options, 0);
            if (done != null && !options.overwrite()) {
                progress.stepBy(estimatedFrames);
                if (expected.matches(done)) {
                    LOG.info("{}: already extracted ({}), skipped", plan.folder().getFileName(), Plural.of(done.frames(), "frame"));
                    gate.episodeSkipped(plan);
                    return new Result(plan, Outcome.SKIPPED, done.frames(), 0);
                }
                problems.add(plan.video(), "not extracted: " + plan.folder().getFileName() + " was extracted from another file "
                        + "or with other settings (" + done.video() + "); left as it is, use --overwrite to redo it");
                return new Result(plan, Outcome.FAILED, 0, 0);
            }
            int removed = clean(plan);
            if (removed > 0) {
                LOG.info("{}: removed {} files of an unfinished earlier run", plan.folder().getFileName(), removed);
            }
            return decodeAndWrite(plan, estimatedFrames);
        } catch (IOException | UncheckedIOException e) {
            problems.add(plan.video(), e.getMessage());
            return new Result(plan, Outcome.FAILED, 0, 0);
        }
    }

    private Result decodeAndWrite(EpisodePlan plan, long estimatedFrames) throws IOException {
        long started = System.nanoTime();
        Writes writes = new Writes(plan);
        long reported = 0;
        String failure = null;
        long decoded = 0;
        long onDisk;
        FrameShape shape = GeometryProbe.find(plan.video(), options.crop());
        if (!shape.identity()) {
            LOG.info("{}: frames {}x{} from stored {}x{} (sample aspect {}{})", plan.folder().getFileName(), shape.width(),
                    shape.height(), shape.storageWidth(), shape.storageHeight(), shape.record().sampleAspect(),
                    shape.crop() == null ? "" : ", black bars cut: crop " + CropSpec.describeCrop(shape.crop()));
        }
        GateWindow<?> window = GateWindow.open(gate, plan, pools.gateWorkers(), 2 * Runtime.getRuntime().availableProcessors());
        try (FrameDecoder decoder = openDecoder(plan, shape)) {
            VideoInfo info = decoder.info();
            DecodedFrame frame;
            while (true) {
                try {
                    frame = decoder.next();
                } catch (IOException e) {
                    failure = e.getMessage();
                    break;
                }
                long position = options.selection().keyframesOnly() && frame != null ? frame.index() + 1 : decoder.decodedFrames();
                progress.stepBy(Math.max(0, position - reported));
                reported = Math.max(reported, position);
                if (frame == null) {
                    break;
                }
                window.add(frame, new FrameSource(plan.video().toAbsolutePath().toString(), plan.prefix(), plan.season(),
                        plan.episode(), frame.index(), round3(frame.time()), shape.record()));
                for (GateWindow.Decided d = window.next(false); d != null; d = window.next(false)) {
                    writes.apply(d);
                }
            }
            for (GateWindow.Decided d = window.next(true); d != null; d = window.next(true)) {
                writes.apply(d);
            }
            writes.atEnd(failure == null);
            decoded = decoder.decodedFrames();
            if (failure == null && options.ffmpeg() == null && !options.selection().keyframesOnly()
                    && info.estimatedFrames() > 20 && decoded < 0.9 * info.estimatedFrames()) {
                failure = "truncated: decoded " + decoded + " of about " + info.estimatedFrames() + " frames";
            }
        } finally {
            window.discard();
            writes.atEnd(false);
            Written done = awaitWrites(writes.futures, failure);
            failure = done.failure();
            onDisk = done.ok();
            progress.stepBy(Math.max(0, estimatedFrames - reported));
        }
        if (failure != null) {
            problems.add(plan.video(), failure + " (" + Plural.of(onDisk, "frame") + " written to " + plan.folder().getFileName()
                    + "; the episode stays unfinished and is redone on the next run)");
            return new Result(plan, Outcome.FAILED, onDisk, decoded);
        }
        gate.episodeWritten(plan);
        CompletionMarker.of(plan, options, writes.count).write(plan.folder());
        LOG.info("{}: {} kept of {} decoded from {} ({} s)", plan.folder().getFileName(), Plural.of(writes.count, "frame"), decoded,
                plan.video().getFileName(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return new Result(plan, Outcome.EXTRACTED, writes.count, decoded);
    }

    /** What becomes of one episode's frames as the gate decides: written in order, held back, or dropped. */
    private final class Writes {
        private final EpisodePlan plan;
        private final List<Future<?>> futures = new ArrayList<>();
        private long count;
        private Held held;

        Writes(EpisodePlan plan) {
            this.plan = plan;
        }

        void apply(GateWindow.Decided d) throws IOException {
            FrameGate.Decision decision = d.decision();
            if (held != null && decision.held() != FrameGate.Held.KEEP) {
                if (decision.held() == FrameGate.Held.WRITE) {
                    writeNext(held);
                } else {
                    held.frame().close();
                }
                held = null;
            }
            switch (decision.frame()) {
                case WRITE -> writeNext(new Held(d.frame(), d.source()));
                case HOLD -> held = new Held(d.frame(), d.source());
                case DROP -> d.frame().close();
            }
        }

        /** The episode is over: the frame still held is written (when the gate says so) or dropped. */
        void atEnd(boolean mayWrite) throws IOException {
            if (held != null) {
                Held h = held;
                held = null;
                if (mayWrite && gate.writeHeldAtEnd(plan)) {
                    writeNext(h);
                } else {
                    h.frame().close();
                }
            }
        }

        private void writeNext(Held frame) throws IOException {
            count++;
            futures.add(write(plan, frame, count));
        }
    }

    private FrameDecoder openDecoder(EpisodePlan plan, FrameShape shape) throws IOException {
        return options.ffmpeg() != null
                ? new FfmpegCliDecoder(options.ffmpeg(), plan.video(), options.selection(), options.hwaccel(), shape)
                : new JavacvDecoder(plan.video(), options.selection(), options.hwaccel(), shape);
    }

    /** A frame the gate let through (or held back) with its source section. */
    private record Held(DecodedFrame frame, FrameSource source) {
    }

    /** Writes the frame as the episode's k-th, telling the gate its name. */
    private Future<?> write(EpisodePlan plan, Held frame, long k) throws IOException {
        String name = plan.frameName(k, options.encoder().extension());
        gate.named(plan, frame.source(), name);
        return submitWrite(plan.folder().resolve(name), frame.frame(), frame.source());
    }

    private Future<?> submitWrite(Path target, DecodedFrame frame, FrameSource source) throws IOException {
        try {
            pools.inFlight().acquire();
        } catch (InterruptedException e) {
            frame.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        try {
            return pools.encoders().submit(() -> {
                try (frame) {
                    AtomicFiles.write(target, options.encoder().encode(frame.bgr()));
                    Sidecar sidecar = Sidecar.empty()
                            .put(ImageInfo.SECTION, new ImageInfo(frame.bgr().cols(), frame.bgr().rows()))
                            .put(FrameSource.SECTION, source);
                    SidecarStore.write(target, sidecar);
                    return null;
                } finally {
                    pools.inFlight().release();
                }
            });
        } catch (RuntimeException e) {
            frame.close();
            pools.inFlight().release();
            throw e;
        }
    }

    /** The first failure (decoding or writing) and the number of frames whose image and sidecar are on disk. */
    private record Written(String failure, long ok) {
    }

    private static Written awaitWrites(List<Future<?>> writes, String failure) {
        String result = failure;
        long ok = 0;
        for (Future<?> w : writes) {
            try {
                w.get();
                ok++;
            } catch (ExecutionException e) {
                if (result == null) {
                    Throwable c = e.getCause();
                    result = "cannot write frame (" + (c instanceof IOException io ? IoErrors.describe(io)
                            : c instanceof SidecarException ? c.getMessage() : String.valueOf(c.getMessage())) + ")";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Written("interrupted", ok);
            }
        }
        return new Written(result, ok);
    }

    /** Deletes this episode's own frames, sidecars, temp files and marker; leaves anything else alone. */
    private static int clean(EpisodePlan plan) throws IOException {
        Pattern own = Pattern.compile(Pattern.quote(plan.framePrefix()) + "\\d+\\.(png|jpg|webp|json)");
        int removed = 0;
        try (Stream<Path> files = Files.list(plan.folder())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (own.matcher(n).matches() || AtomicFiles.isTemp(f) || n.equals(CompletionMarker.FILE)) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static double round3(double t) {
        return Math.round(t * 1000.0) / 1000.0;
    }
}
