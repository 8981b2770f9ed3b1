package org.aniprep.bench;

import java.util.Arrays;

/** Timing helpers for the bench/*.sh mains: run a task repeatedly, report the median. */
final class BenchSupport {
    private BenchSupport() {
    }

    interface Task {
        void run() throws Exception;
    }

    /** Median wall time in milliseconds of {@code runs} timed runs after {@code warmup} untimed ones. */
    static double medianMillis(int warmup, int runs, Task task) throws Exception {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return runs % 2 == 1 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    }
}
