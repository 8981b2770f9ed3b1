package org.aniprep.dedup;

import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Representatives' embeddings (L2-normalised) in a Lucene HNSW graph, grown one vector at a time.
 * A query takes the {@code candidates} nearest representatives the graph finds, keeps those whose
 * exact cosine reaches the threshold and answers the earliest. Approximate: recall against
 * {@link Exhaustive} is measured in VectorIndexTest and bench/dedup.sh.
 */
public final class VectorIndex implements NeighbourIndex<float[]> {
    public static final int DEFAULT_CANDIDATES = 24;
    private static final int MAX_CONNECTIONS = 16;
    private static final int BEAM_WIDTH = 100;
    private static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private final double minCosine;
    private final int candidates;
    private final List<float[]> vectors = new ArrayList<>();
    private RandomAccessVectorValues.Floats values;
    private HnswGraphBuilder builder;

    public VectorIndex(double minCosine) {
        this(minCosine, DEFAULT_CANDIDATES);
    }

    public VectorIndex(double minCosine, int candidates) {
        this.minCosine = minCosine;
        this.candidates = candidates;
    }

    @Override
    public int earliestWithin(float[] query) {
        if (vectors.isEmpty()) {
            return -1;
        }
        try {
            RandomVectorScorer scorer = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(SIMILARITY, values, query);
            TopDocs top = HnswGraphSearcher.search(scorer, candidates, builder.getGraph(), null, Integer.MAX_VALUE).topDocs();
            int best = -1;
            for (ScoreDoc d : top.scoreDocs) {
                if ((best < 0 || d.doc < best) && cosine(query, vectors.get(d.doc)) >= minCosine) {
                    best = d.doc;
                }
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int add(float[] item) {
        try {
            if (builder == null) {
                values = RandomAccessVectorValues.fromFloats(vectors, item.length);
                builder = HnswGraphBuilder.create(DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorerSupplier(SIMILARITY, values),
                        MAX_CONNECTIONS, BEAM_WIDTH, 42L);
            }
            vectors.add(item);
            builder.addGraphNode(vectors.size() - 1);
            return vectors.size() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int size() {
        return vectors.size();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The reference: every representative is compared. */
    public static final class Exhaustive implements NeighbourIndex<float[]> {
        private final double minCosine;
        private final List<float[]> vectors = new ArrayList<>();

        public Exhaustive(double minCosine) {
            this.minCosine = minCosine;
        }

        @Override
        public int earliestWithin(float[] query) {
            for (int i = 0; i < vectors.size(); i++) {
                if (cosine(query, vectors.get(i)) >= minCosine) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int add(float[] item) {
            vectors.add(item);
            return vectors.size() - 1;
        }

        @Override
        public int size() {
            return vectors.size();
        }
    }
}
