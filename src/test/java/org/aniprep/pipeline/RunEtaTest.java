package org.aniprep.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunEtaTest {
    @Test
    void unknownWhileExtractIsStillToRunOrThereAreNoFrames() {
        RunEta eta = new RunEta();
        assertThat(eta.secondsLeft(List.of("extract", "filter", "detect"), 500)).isNegative();
        assertThat(eta.secondsLeft(List.of("filter", "detect"), 0)).isNegative();
        assertThat(RunEta.describe(-1)).isEmpty();
    }

    @Test
    void theTableGivesTheFirstEstimateAndFinishedStagesScaleTheRest() {
        RunEta eta = new RunEta();
        double filter = RunEta.SECONDS_PER_FRAME.get("filter");
        double detect = RunEta.SECONDS_PER_FRAME.get("detect");
        assertThat(eta.secondsLeft(List.of("filter", "detect"), 200)).isCloseTo((filter + detect) * 200, within(1e-9));
        // this machine took twice the table's time for filter: detect is expected to as well
        eta.finished("filter", 200, 2 * filter * 200);
        assertThat(eta.secondsLeft(List.of("detect"), 200)).isCloseTo(2 * detect * 200, within(1e-9));
        // stages outside the table (extract) neither count nor scale
        eta.finished("extract", 200, 1000);
        assertThat(eta.secondsLeft(List.of("detect"), 200)).isCloseTo(2 * detect * 200, within(1e-9));
    }

    @Test
    void describesMinutesAndHours() {
        assertThat(RunEta.describe(65.4)).isEqualTo("~1:05 left");
        assertThat(RunEta.describe(0.2)).isEqualTo("~0:01 left");
        assertThat(RunEta.describe(3 * 3600 + 125)).isEqualTo("~3:02:05 left");
    }
}
