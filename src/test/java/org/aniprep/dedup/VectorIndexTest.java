package org.aniprep.dedup;

import org.aniprep.testing.PlantedEmbeddings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HNSW grouping of embeddings against exhaustive comparison: the share of items given the same representative. */
class VectorIndexTest {
    static double agreement(List<float[]> vectors, double threshold) {
        int[] ann = GreedyGrouper.group(vectors, new VectorIndex(threshold));
        int[] exact = GreedyGrouper.group(vectors, new VectorIndex.Exhaustive(threshold));
        int same = 0;
        for (int i = 0; i < ann.length; i++) {
            same += ann[i] == exact[i] ? 1 : 0;
        }
        long groups = java.util.stream.IntStream.range(0, exact.length).filter(i -> exact[i] == i).count();
        double recall = same / (double) ann.length;
        System.out.printf("%d vectors, %d groups (exhaustive): same representative for %.4f%n", vectors.size(), groups, recall);
        return recall;
    }

    @Test
    void recallAgainstExhaustiveIsAtLeast99Percent() {
        List<float[]> vectors = PlantedEmbeddings.generate(6000, 128, 0.1, 0.015, 11L);
        assertThat(agreement(vectors, 0.95)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void allDistinctVectorsStayApart() {
        List<float[]> vectors = PlantedEmbeddings.generate(5000, 64, 1.0, 0, 3L);
        assertThat(agreement(vectors, 0.985)).isGreaterThanOrEqualTo(0.99);
    }
}
