package org.aniprep.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of the characters view: a named character ({@code c:NAME}), a link the user made
 * ({@code l:ID}), a cluster of unknown look-alikes ({@code k:NAME}), the ignored faces ({@code i:}) or
 * the unclustered rest ({@code u:}). Its faces come doubtful first: uncertain ones (shown with their
 * candidate), then by how far a face lies from the group (classify's distance to the reference for a
 * character; the distance to the group's mean embedding for clusters and links).
 */
public record FaceGroup(String key, String label, List<FaceEntry> faces, long frames, long uncertain) {
    public static FaceGroup of(String key, List<FaceEntry> members) {
        Map<String, Double> far = key.startsWith("c:") ? referenceDistances(members) : centreDistances(members);
        List<FaceEntry> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing((FaceEntry f) -> !f.uncertain())
                .thenComparing(f -> -far.getOrDefault(f.id(), -1.0))
                .thenComparing(FaceEntry::id));
        long frames = members.stream().map(FaceEntry::frame).distinct().count();
        long uncertain = members.stream().filter(FaceEntry::uncertain).count();
        return new FaceGroup(key, labelOf(key), List.copyOf(sorted), frames, uncertain);
    }

    static String labelOf(String key) {
        String rest = key.substring(2);
        return switch (key.charAt(0)) {
            case 'c' -> rest;
            case 'l' -> "group " + rest;
            case 'k' -> "cluster " + rest;
            case 'i' -> "ignored";
            default -> "unknown, in no cluster";
        };
    }

    public int size() {
        return faces.size();
    }

    /** The character's name for {@code c:} groups, else null. */
    public String character() {
        return key.startsWith("c:") ? key.substring(2) : null;
    }

    /** The cluster name for {@code k:} groups, else null. */
    public String cluster() {
        return key.startsWith("k:") ? key.substring(2) : null;
    }

    public String kind() {
        return switch (key.charAt(0)) {
            case 'c' -> "character";
            case 'k', 'l' -> "cluster";
            default -> "other";
        };
    }

    int rank() {
        return switch (key.charAt(0)) {
            case 'c' -> 0;
            case 'l' -> 1;
            case 'k' -> 2;
            case 'u' -> 3;
            default -> 4;
        };
    }

    private static Map<String, Double> referenceDistances(List<FaceEntry> members) {
        Map<String, Double> d = new HashMap<>();
        for (FaceEntry f : members) {
            if (f.distance() != null) {
                d.put(f.id(), f.distance());
            }
        }
        return d.isEmpty() ? centreDistances(members) : d;
    }

    private static Map<String, Double> centreDistances(List<FaceEntry> members) {
        Map<String, Double> d = new HashMap<>();
        double[] mean = null;
        int n = 0;
        for (FaceEntry f : members) {
            float[] e = f.embedding();
            if (e == null || (mean != null && e.length != mean.length)) {
                continue;
            }
            if (mean == null) {
                mean = new double[e.length];
            }
            for (int i = 0; i < e.length; i++) {
                mean[i] += e[i];
            }
            n++;
        }
        if (mean == null) {
            return d;
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= n;
        }
        for (FaceEntry f : members) {
            float[] e = f.embedding();
            if (e != null && e.length == mean.length) {
                double s = 0;
                for (int i = 0; i < e.length; i++) {
                    double x = e[i] - mean[i];
                    s += x * x;
                }
                d.put(f.id(), Math.sqrt(s));
            }
        }
        return d;
    }
}
