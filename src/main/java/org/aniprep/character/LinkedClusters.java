package org.aniprep.character;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's groups of unnamed faces ({@code review.faces[].link}) as clustering constraints: faces with
 * the same link end in one cluster (must-link), faces with different links never share one (cannot-link).
 * Each linked group takes the cluster most of its members were in; when two groups want the same one, the
 * larger keeps it and the other gets a cluster of its own, as does a group whose members were in none.
 * Unlinked faces stay where clustering put them.
 */
final class LinkedClusters {
    private LinkedClusters() {
    }

    /** Relabels {@code labels} (0 = no cluster) in place for {@code links} (null = none); returns it. */
    static int[] apply(int[] labels, List<String> links) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (links.get(i) != null) {
                groups.computeIfAbsent(links.get(i), k -> new ArrayList<>()).add(i);
            }
        }
        if (groups.isEmpty()) {
            return labels;
        }
        List<String> bySize = new ArrayList<>(groups.keySet());
        bySize.sort((a, b) -> groups.get(b).size() != groups.get(a).size()
                ? Integer.compare(groups.get(b).size(), groups.get(a).size()) : a.compareTo(b));
        int next = Arrays.stream(labels).max().orElse(0) + 1;
        Map<Integer, String> owner = new LinkedHashMap<>();
        Map<String, Integer> target = new LinkedHashMap<>();
        for (String link : bySize) {
            int want = majority(labels, groups.get(link));
            if (want == FaceClusterer.NOISE || owner.containsKey(want)) {
                want = next++;
            }
            owner.put(want, link);
            target.put(link, want);
        }
        for (int i = 0; i < labels.length; i++) {
            if (links.get(i) != null) {
                labels[i] = target.get(links.get(i));
            }
        }
        return labels;
    }

    /** The cluster most members are in (clusters only; ties to the lowest label); NOISE when none is in one. */
    private static int majority(int[] labels, List<Integer> members) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int i : members) {
            if (labels[i] != FaceClusterer.NOISE) {
                counts.merge(labels[i], 1, Integer::sum);
            }
        }
        int best = FaceClusterer.NOISE;
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
