package org.aniprep.dataset.balance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whole repeats for kohya's {@code num_repeats} from the float multiplies, so the image views per
 * epoch stay close to the float plan (rounding each folder on its own, as the successor does with
 * Python's {@code round}, gives 0 repeats below 0.5 and drifts the totals). Largest remainder:
 * every folder first gets the floor of its multiply (at least 1); then, taking folders by the
 * largest remaining fraction first, each gets one repeat more as long as its images bring the
 * total views closer to the float plan's total {@code Σ images × multiply}.
 */
public final class KohyaRepeats {
    private KohyaRepeats() {
    }

    /** {@code repeats[i]} for folders with {@code images[i]} images and float {@code multiply[i]}. */
    public static int[] of(int[] images, double[] multiply) {
        int n = images.length;
        int[] r = new int[n];
        double target = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            target += images[i] * multiply[i];
            r[i] = Math.max(1, (int) Math.floor(multiply[i] + 1e-9));
            total += (long) images[i] * r[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (multiply[i] - r[i] > 1e-9) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -(multiply[i] - r[i])).thenComparingInt(i -> i));
        for (int i : order) {
            if (Math.abs(total + images[i] - target) < Math.abs(total - target)) {
                r[i]++;
                total += images[i];
            }
        }
        return r;
    }
}
