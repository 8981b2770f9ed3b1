package org.aniprep.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a task several times and reports the median wall time (the machine is noisy: no means). */
public final class BenchTimer {
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private BenchTimer() {
    }

    public static double medianSeconds(int runs, Task task) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            times.add((System.nanoTime() - t0) / 1e9);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    public static void row(String name, double seconds, double baseline, String baselineName) {
        System.out.printf("%-44s %8.2f s   %6.2fx %s%n", name, seconds, seconds / baseline, baselineName);
    }
}
