package org.aniprep.character;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogisticTest {
    @Test
    void solvesALinearSystem() {
        double[] s = Logistic.solve(new double[][] {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}}, new double[] {5, 3, 4});
        // 2y + z = 5, x + y = 3, 3x + z = 4  →  x = 1, y = 2, z = 1
        assertThat(s).containsExactly(new double[] {1, 2, 1}, within(1e-12));
    }

    @Test
    void oneBinaryFeatureFitsTheLogOddsOfEachGroup() {
        // 30 rows with x = 0, 10 of them true; 20 with x = 1, 15 true: the maximum-likelihood fit is
        // B = ln(10/20), B + w = ln(15/5), whatever the data's order
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            x.add(new double[] {1, 0});
            y.add(i < 10);
        }
        for (int i = 0; i < 20; i++) {
            x.add(new double[] {1, 1});
            y.add(i % 4 != 0);
        }
        double[] w = Logistic.fit(x, y, 0);
        assertThat(w[0]).isCloseTo(Math.log(0.5), within(1e-9));
        assertThat(w[0] + w[1]).isCloseTo(Math.log(3), within(1e-9));
        assertThat(Logistic.z(w, new double[] {1, 1})).isCloseTo(Math.log(3), within(1e-9));
    }
}
