package org.aniprep.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Where a run is killed: {@code delayNanos} after {@code stage} starts (its {@code run [k/n]} line).
 *
 * @param k the stage's position, from 1
 */
record KillPoint(int k, String stage, long delayNanos) {
    /**
     * {@code count} points spread over the stages of {@code reference}: the stages are dealt out in
     * seeded shuffled rounds (every stage gets one before any gets two), each point at a seeded random
     * moment within that stage's time in the reference run. Sorted in run order, so each rerun gets
     * past the work the previous one finished before it is killed again.
     */
    static List<KillPoint> draw(RunEndToEndTest.RunLog reference, int count, Random rnd) {
        int n = reference.starts().size();
        List<Integer> round = new ArrayList<>();
        List<KillPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (round.isEmpty()) {
                for (int s = 0; s < n; s++) {
                    round.add(s);
                }
                Collections.shuffle(round, rnd);
            }
            int s = round.remove(round.size() - 1);
            long delay = (long) (rnd.nextDouble() * reference.duration(s));
            points.add(new KillPoint(s + 1, reference.starts().get(s).stage(), delay));
        }
        points.sort(Comparator.comparingInt(KillPoint::k).thenComparingLong(KillPoint::delayNanos));
        return points;
    }

    @Override
    public String toString() {
        return String.format("%s +%.3f s", stage, delayNanos / 1e9);
    }
}
