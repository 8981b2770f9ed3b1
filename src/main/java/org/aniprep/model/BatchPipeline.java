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
 * runs the model on the previous batch, and one writer thread delivers results (sidecar writes with
 * fsync) so inference never waits on the disk. At most {@code lookahead} prepared items wait at any
 * time, so memory stays flat however many items there are. Items are delivered in input order, from
 * the writer thread; an item whose preparation fails (bad image) is reported and skipped, the rest
 * go on. {@code failure} may be called from the calling or the writer thread.
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

        /**
         * Workers = cores (the inference thread mostly waits on ONNX Runtime's own threads, which do
         * not spin), lookahead = 2 batches.
         */
        public static Options forBatch(int batchSize) {
            return new Options(batchSize, OnnxSessions.defaultThreads(), 2 * batchSize);
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
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "aniprep-deliver");
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
                    runBatch(List.copyOf(batchItems), new ArrayList<>(batch), infer, deliver, failure, writer);
                    batchItems.clear();
                    batch.clear();
                }
            }
            writer.shutdown();
            if (!writer.awaitTermination(Long.MAX_VALUE, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("results were not all written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
            writer.shutdownNow();
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
                                           Failure<T> failure, ExecutorService writer) {
        List<R> results;
        try {
            results = new ArrayList<>(infer.infer(batch));
        } catch (Exception e) {
            for (T item : items) {
                failure.failed(item, e);
            }
            return;
        }
        writer.execute(() -> {
            for (int i = 0; i < items.size(); i++) {
                try {
                    deliver.deliver(items.get(i), results.get(i));
                } catch (Exception e) {
                    failure.failed(items.get(i), e);
                }
            }
        });
    }
}
