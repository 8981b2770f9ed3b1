package org.aniprep.model;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCacheTest {
    @Test
    void opensOncePerKeyAndBudget() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        String key = "test-" + System.nanoTime();
        String a = ModelCache.get(key, String.class, () -> "m" + opened.incrementAndGet());
        assertThat(ModelCache.get(key, String.class, () -> "m" + opened.incrementAndGet())).isEqualTo(a);
        try (AutoCloseable task = OnnxSessions.within(new OnnxSessions.Budget(1, OnnxSessions.Budget.NO_GPU))) {
            assertThat(ModelCache.get(key, String.class, () -> "m" + opened.incrementAndGet())).as("another budget").isNotEqualTo(a);
        }
        assertThat(opened).hasValue(2);
    }

    @Test
    void whatFailedIsOpenedAgain() {
        String key = "fail-" + System.nanoTime();
        assertThatThrownBy(() -> ModelCache.get(key, String.class, () -> {
            throw new ModelException("no model");
        })).hasMessage("no model");
        assertThat(ModelCache.get(key, String.class, () -> "now")).isEqualTo("now");
    }

    @Test
    void aBudgetSetsTheThreadsOfTheTaskAndOfTheThreadsItStarts() throws Exception {
        int before = OnnxSessions.defaultThreads();
        AtomicReference<Integer> child = new AtomicReference<>();
        try (AutoCloseable task = OnnxSessions.within(new OnnxSessions.Budget(1, 0))) {
            assertThat(OnnxSessions.defaultThreads()).isEqualTo(1);
            Thread t = new Thread(() -> child.set(OnnxSessions.defaultThreads()));
            t.start();
            t.join();
        }
        assertThat(child.get()).isEqualTo(1);
        assertThat(OnnxSessions.defaultThreads()).isEqualTo(before);
        assertThat(OnnxSessions.budget()).isNull();
    }
}
