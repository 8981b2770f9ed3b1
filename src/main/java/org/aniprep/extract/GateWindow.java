package org.aniprep.extract;

import org.aniprep.sidecar.FrameSource;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The frames of one episode between the decoder and the gate. Each frame's pixel work
 * ({@link FrameGate#prepare}: the BGR conversion, fingerprints) starts on the worker threads as soon
 * as it is decoded, while the decoding thread goes on; the gate decides in frame order once a frame's
 * work is done, up to {@code depth} frames behind the decoder. With the work on the decoding thread,
 * that thread was extract's bottleneck (docs/run.md, Speed).
 */
final class GateWindow<P> {
    /** A frame with the gate's decision on it. */
    record Decided(DecodedFrame frame, FrameSource source, FrameGate.Decision decision) {
    }

    private record Pending<P>(DecodedFrame frame, FrameSource source, Future<P> work) {
    }

    private final FrameGate<P> gate;
    private final EpisodePlan plan;
    private final ExecutorService workers;
    private final int depth;
    private final ArrayDeque<Pending<P>> pending = new ArrayDeque<>();

    private GateWindow(FrameGate<P> gate, EpisodePlan plan, ExecutorService workers, int depth) {
        this.gate = gate;
        this.plan = plan;
        this.workers = workers;
        this.depth = depth;
    }

    static <P> GateWindow<P> open(FrameGate<P> gate, EpisodePlan plan, ExecutorService workers, int depth) {
        return new GateWindow<>(gate, plan, workers, Math.max(1, depth));
    }

    /** A decoded frame joins the window; its pixel work (if any) starts now. */
    void add(DecodedFrame frame, FrameSource source) {
        Callable<P> work = gate.prepare(plan, source, FramePixels.of(frame));
        Future<P> future = work == null ? CompletableFuture.completedFuture(null) : workers.submit(work);
        pending.add(new Pending<>(frame, source, future));
    }

    /** The oldest frame decided, once the window is full (or, with {@code all}, while any is left); else null. */
    Decided next(boolean all) throws IOException {
        if (pending.isEmpty() || !all && pending.size() <= depth) {
            return null;
        }
        Pending<P> p = pending.poll();
        P prepared;
        try {
            prepared = p.work().get();
        } catch (InterruptedException e) {
            p.frame().close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            p.frame().close();
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
        return new Decided(p.frame(), p.source(), gate.offer(plan, p.source(), prepared));
    }

    /** Frames not decided (decoding failed midway): their work is left to finish, their pixels freed. */
    void discard() {
        for (Pending<P> p : pending) {
            try {
                p.work().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the episode failed already; this frame is not written
            }
            p.frame().close();
        }
        pending.clear();
    }
}
