package org.aniprep.character;

import org.aniprep.model.OnnxSessions;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Groups the faces no reference named with Tribuo's HDBSCAN* (density-based: no cluster count to
 * choose, look-alikes that are too few stay unclustered). Euclidean distance for the offline
 * signature (it is its difference); cosine for neural features (CCIP's metric model is a calibrated
 * map of their cosine similarity). Deterministic for the same faces in the same order.
 */
public final class FaceClusterer {
    /** Tribuo labels noise 0; clusters from 1. */
    public static final int NOISE = 0;

    /** Tribuo reports each training on java.util.logging; aniprep logs its own summary. Held: JUL keeps loggers weakly. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private final int minClusterSize;
    private final CharacterEmbedder embedder;

    public FaceClusterer(int minClusterSize, CharacterEmbedder embedder) {
        this.minClusterSize = minClusterSize;
        this.embedder = embedder;
    }

    /**
     * One label per vector: 0 for faces in no cluster, else the cluster number (1, 2, ...): HDBSCAN*,
     * then {@link ClusterMerge} with the embedder's own same-character rule.
     */
    public int[] cluster(List<float[]> vectors) {
        return ClusterMerge.apply(hdbscan(vectors), vectors, embedder, minClusterSize);
    }

    /** HDBSCAN* alone. */
    int[] hdbscan(List<float[]> vectors) {
        int[] labels = new int[vectors.size()];
        if (vectors.size() < Math.max(2, minClusterSize)) {
            return labels;
        }
        vectors = vectors.stream().map(embedder::clusterVector).toList();
        int dims = vectors.get(0).length;
        String[] names = new String[dims];
        for (int i = 0; i < dims; i++) {
            names[i] = String.format("f%04d", i);
        }
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("faces", factory), factory);
        for (float[] v : vectors) {
            double[] values = new double[dims];
            for (int i = 0; i < dims; i++) {
                // an exact 0 would be dropped as a sparse feature; the distance does not notice 1e-12
                values[i] = v[i] == 0 ? 1e-12 : v[i];
            }
            data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names.clone(), values));
        }
        HdbscanTrainer trainer = new HdbscanTrainer(minClusterSize, (embedder.cosine() ? DistanceType.COSINE : DistanceType.L2).getDistance(),
                minClusterSize, OnnxSessions.defaultThreads(), NeighboursQueryFactoryType.BRUTE_FORCE);
        HdbscanModel model = trainer.train(data);
        List<Integer> out = model.getClusterLabels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = out.get(i);
        }
        return labels;
    }

    /** Number of distinct clusters in {@code labels} (noise not counted). */
    public static int count(int[] labels) {
        return (int) Arrays.stream(labels).filter(l -> l != NOISE).distinct().count();
    }
}
