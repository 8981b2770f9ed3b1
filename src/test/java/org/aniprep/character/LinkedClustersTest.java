package org.aniprep.character;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkedClustersTest {
    @Test
    void sameLinkOneClusterDifferentLinksNever() {
        // clustering put faces 0-3 together and 4-5 together; the user linked 0,1 (A), 2,3 (B) and 5 with 4's... none
        int[] labels = {1, 1, 1, 1, 2, 2, 0};
        List<String> links = Arrays.asList("A", "A", "B", "B", null, "C", "C");
        int[] out = LinkedClusters.apply(labels, links);
        assertThat(out[0]).isEqualTo(out[1]).isNotEqualTo(0);
        assertThat(out[2]).isEqualTo(out[3]).isNotEqualTo(out[0]).isNotEqualTo(0);
        assertThat(out[5]).isEqualTo(out[6]).isNotEqualTo(out[0]).isNotEqualTo(out[2]);
        assertThat(out[4]).as("unlinked faces stay").isEqualTo(2);
    }

    @Test
    void theLargerGroupKeepsTheContestedCluster() {
        int[] labels = {3, 3, 3, 3, 3};
        List<String> links = Arrays.asList("small", "big", "big", "big", null);
        int[] out = LinkedClusters.apply(labels, links);
        assertThat(out[1]).isEqualTo(3);
        assertThat(out[0]).isNotEqualTo(3).isNotEqualTo(0);
        assertThat(out[4]).isEqualTo(3);
    }

    @Test
    void noLinksNoChange() {
        int[] labels = {1, 0, 2};
        assertThat(LinkedClusters.apply(labels, Arrays.asList(null, null, null))).containsExactly(1, 0, 2);
    }
}
