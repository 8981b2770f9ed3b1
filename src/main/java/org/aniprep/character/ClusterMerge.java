package org.aniprep.character;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HDBSCAN* finds density modes, and one character often has several (expressions, sizes, lighting),
 * while it never returns a single cluster for a set that is all one character. This step, after the
 * seed pipeline's cluster merge and noise re-assignment, puts the embedder's own "same character"
 * rule back in charge: two clusters merge when at least {@value #SAME_SHARE} of their cross pairs
 * are within the threshold (the largest clusters absorb first, until nothing changes); a face left
 * out joins the cluster it is "same" with for at least that share of members; and when nothing
 * clustered at all, a set of at least the minimum size whose pairs are mostly "same" is one cluster.
 * Up to {@value #SAMPLE} members per cluster are compared (evenly spread), so large sets stay fast.
 */
final class ClusterMerge {
    static final double SAME_SHARE = 0.6;
    static final int SAMPLE = 40;

    private ClusterMerge() {
    }

    /** Relabels {@code labels} in place (0 = none) and returns it. */
    static int[] apply(int[] labels, List<float[]> vectors, CharacterEmbedder embedder, int minCluster) {
        double t = embedder.threshold();
        List<List<Integer>> clusters = groups(labels);
        if (clusters.isEmpty()) {
            if (vectors.size() >= minCluster && sameShare(all(vectors.size()), all(vectors.size()), vectors, embedder, t) >= SAME_SHARE) {
                Arrays.fill(labels, 1);
            }
            return labels;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            clusters.sort((a, b) -> Integer.compare(b.size(), a.size()));
            outer:
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    if (sameShare(clusters.get(i), clusters.get(j), vectors, embedder, t) >= SAME_SHARE) {
                        clusters.get(i).addAll(clusters.remove(j));
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        int[] out = new int[labels.length];
        for (int c = 0; c < clusters.size(); c++) {
            for (int i : clusters.get(c)) {
                out[i] = c + 1;
            }
        }
        joinLoneFaces(out, clusters, vectors, embedder, t);
        System.arraycopy(out, 0, labels, 0, labels.length);
        return labels;
    }

    /** Faces in no cluster join the one they are "same" with for the largest share (at least {@link #SAME_SHARE}) of its members. */
    private static void joinLoneFaces(int[] out, List<List<Integer>> clusters, List<float[]> vectors, CharacterEmbedder embedder, double t) {
        List<Integer> lone = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                lone.add(i);
            }
        }
        if (lone.isEmpty()) {
            return;
        }
        List<Integer> members = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            for (int m : sample(clusters.get(c))) {
                members.add(m);
                owner.add(c);
            }
        }
        double[][] d = embedder.differences(lone.stream().map(vectors::get).toList(), members.stream().map(vectors::get).toList());
        for (int i = 0; i < lone.size(); i++) {
            int[] same = new int[clusters.size()];
            int[] seen = new int[clusters.size()];
            for (int j = 0; j < members.size(); j++) {
                seen[owner.get(j)]++;
                same[owner.get(j)] += d[i][j] <= t ? 1 : 0;
            }
            double bestShare = SAME_SHARE;
            for (int c = 0; c < clusters.size(); c++) {
                double share = same[c] / (double) seen[c];
                if (share >= bestShare) {
                    bestShare = share;
                    out[lone.get(i)] = c + 1;
                }
            }
        }
    }

    /** Clusters as member lists, in order of first member. */
    static List<List<Integer>> groups(int[] labels) {
        List<Integer> order = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == FaceClusterer.NOISE) {
                continue;
            }
            int k = order.indexOf(labels[i]);
            if (k < 0) {
                order.add(labels[i]);
                out.add(new ArrayList<>());
                k = order.size() - 1;
            }
            out.get(k).add(i);
        }
        return out;
    }

    private static List<Integer> all(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** Share of pairs (a member of {@code a}, a member of {@code b}, not the same face) within the threshold. */
    static double sameShare(List<Integer> a, List<Integer> b, List<float[]> vectors, CharacterEmbedder embedder, double t) {
        List<Integer> sa = sample(a);
        List<Integer> sb = sample(b);
        double[][] d = embedder.differences(sa.stream().map(vectors::get).toList(), sb.stream().map(vectors::get).toList());
        int same = 0;
        int pairs = 0;
        for (int i = 0; i < sa.size(); i++) {
            for (int j = 0; j < sb.size(); j++) {
                if (sa.get(i).equals(sb.get(j))) {
                    continue;
                }
                pairs++;
                same += d[i][j] <= t ? 1 : 0;
            }
        }
        return pairs == 0 ? 0 : same / (double) pairs;
    }

    private static List<Integer> sample(List<Integer> members) {
        if (members.size() <= SAMPLE) {
            return members;
        }
        List<Integer> out = new ArrayList<>(SAMPLE);
        for (int k = 0; k < SAMPLE; k++) {
            out.add(members.get((int) ((long) k * members.size() / SAMPLE)));
        }
        return out;
    }
}
