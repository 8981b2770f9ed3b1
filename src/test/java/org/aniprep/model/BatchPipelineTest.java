package org.aniprep.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPipelineTest {

    @Test
    void deliversInOrderInBatchesSkippingFailedItemsWithBoundedLookahead() {
        List<Integer> items = IntStream.range(0, 23).boxed().toList();
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        List<Integer> batchSizes = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        List<Integer> failed = new CopyOnWriteArrayList<>();

        BatchPipeline.run(items, new BatchPipeline.Options(4, 3, 8),
                i -> {
                    int ahead = prepared.incrementAndGet() - consumed.get();
                    maxAhead.accumulateAndGet(ahead, Math::max);
                    if (i % 7 == 3) {
                        throw new IllegalArgumentException("bad " + i);
                    }
                    return i * 10;
                },
                batch -> {
                    batchSizes.add(batch.size());
                    consumed.addAndGet(batch.size());
                    return batch.stream().map(p -> "r" + p).toList();
                },
                (item, result) -> delivered.add(item + "=" + result),
                (item, error) -> failed.add(item));

        assertThat(failed).containsExactly(3, 10, 17);
        assertThat(delivered).hasSize(20).startsWith("0=r0", "1=r10", "2=r20", "4=r40").endsWith("22=r220");
        assertThat(batchSizes).containsExactly(4, 4, 4, 4, 4);
        assertThat(maxAhead.get()).isLessThanOrEqualTo(8 + 3 + 4);
    }

    @Test
    void aFailingBatchFailsItsItemsAndTheRunGoesOn() {
        List<Integer> failed = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        BatchPipeline.run(List.of(1, 2, 3, 4, 5), new BatchPipeline.Options(2, 1, 2),
                i -> i,
                batch -> {
                    if (batch.contains(3)) {
                        throw new IllegalStateException("model error");
                    }
                    return batch;
                },
                (item, r) -> delivered.add(item),
                (item, e) -> failed.add(item));
        assertThat(failed).containsExactly(3, 4);
        assertThat(delivered).containsExactly(1, 2, 5);
    }
}
