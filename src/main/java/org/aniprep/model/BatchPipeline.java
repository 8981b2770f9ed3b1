package org.aniprep.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batched, pipelined inference: worker threads decode and preprocess items while the calling thread
 * runs the model on the previous batch. At most {@code lookahead} prepared items wait at any time,
 * so memory stays flat however many items there are. Items are delivered in input order; an item
 * whose preparation fails (bad image) is reported and skipped, the rest go on.
 *
 * <pre>{@code
 * BatchPipeline.run(files, new BatchPipeline.Options(8, 2, 16),
 *     file -> preprocess(loader.load(file)),                        // worker threads
 *     batch -> model.runBatch(null, batch, sampleShape, null),     // calling thread
 *     (file, scores) -> write(file, scores),                        // calling thread, in order
 *     (file, error) -> problems.add(file, error.getMessage()));
 * }</pre>
 */
public final class BatchPipeline {
    private BatchPipeline() {
    }

    /**
     * @param batchSize items per inference call (use the model's fixed batch when it has one)
     * @param workers   preprocessing threads
     * @param lookahead prepared items allowed to wait (bounded queue), at least batchSize
     */
    public record Options(int batchSize, int workers, int lookahead) {
        public Options {
            if (batchSize < 1 || workers < 1) {
                throw new IllegalArgumentException("batch size and workers must be at least 1");
            }
            lookahead = Math.max(lookahead, batchSize);
        }

        /** Workers = cores − 1 (at least 1; inference uses the rest), lookahead = 2 batches. */
        public static Options forBatch(int batchSize) {
            return new Options(batchSize, Math.max(1, OnnxSessions.defaultThreads() - 1), 2 * batchSize);
        }
    }

    @FunctionalInterface
    public interface Prepare<T, P> {
        P prepare(T item) throws Exception;
    }

    @FunctionalInterface
    public interface Infer<P, R> {
        List<R> infer(List<P> batch) throws Exception;
    }

    @FunctionalInterface
    public interface Deliver<T, R> {
        void deliver(T item, R result) throws Exception;
    }

    @FunctionalInterface
    public interface Failure<T> {
        void failed(T item, Exception error);
    }

    public static <T, P, R> void run(List<T> items, Options options, Prepare<T, P> prepare, Infer<P, R> infer,
                                     Deliver<T, R> deliver, Failure<T> failure) {
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "aniprep-prepare-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Pending<T, P>> waiting = new ArrayDeque<>();
            List<T> batchItems = new ArrayList<>();
            List<P> batch = new ArrayList<>();
            int next = 0;
            while (next < items.size() || !waiting.isEmpty()) {
                while (next < items.size() && waiting.size() < options.lookahead()) {
                    T item = items.get(next++);
                    waiting.add(new Pending<>(item, pool.submit(() -> prepare.prepare(item))));
                }
                Pending<T, P> head = waiting.poll();
                P prepared = await(head, failure);
                if (prepared != null) {
                    batchItems.add(head.item());
                    batch.add(prepared);
                }
                if (batch.size() == options.batchSize() || (next == items.size() && waiting.isEmpty() && !batch.isEmpty())) {
                    runBatch(batchItems, batch, infer, deliver, failure);
                    batchItems.clear();
                    batch.clear();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record Pending<T, P>(T item, Future<P> future) {
    }

    private static <T, P> P await(Pending<T, P> pending, Failure<T> failure) {
        try {
            return pending.future().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failure.failed(pending.item(), cause instanceof Exception ex ? ex : new RuntimeException(cause));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static <T, P, R> void runBatch(List<T> items, List<P> batch, Infer<P, R> infer, Deliver<T, R> deliver,
                                           Failure<T> failure) {
        List<R> results;
        try {
            results = infer.infer(batch);
        } catch (Exception e) {
            for (T item : items) {
                failure.failed(item, e);
            }
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            try {
                deliver.deliver(items.get(i), results.get(i));
            } catch (Exception e) {
                failure.failed(items.get(i), e);
            }
        }
    }
}
