package org.aniprep.spark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How many cores a per-image task is given: its slot, and the slots that fewer tasks than slots would leave idle. */
class ImageTaskTest {
    @Test
    void oneEpisodeOnTwoCoresUsesBoth() {
        assertThat(ImageTask.share(2, 1, 1)).isEqualTo(2);
    }

    @Test
    void asManyTasksAsSlotsKeepTheirSlot() {
        assertThat(ImageTask.share(2, 1, 2)).isEqualTo(1);
        assertThat(ImageTask.share(8, 1, 20)).isEqualTo(1);
    }

    @Test
    void idleSlotsAreSharedInWholeTaskCpus() {
        assertThat(ImageTask.share(16, 2, 3)).isEqualTo(4); // 8 slots, 3 tasks: 2 slots each
        assertThat(ImageTask.share(16, 4, 1)).isEqualTo(16);
        assertThat(ImageTask.share(1, 4, 1)).isEqualTo(4); // never below spark.task.cpus
    }
}
