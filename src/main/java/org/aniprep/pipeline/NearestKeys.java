package org.aniprep.pipeline;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The valid keys closest to a mistyped one (edit distance), for "did you mean" messages. */
public final class NearestKeys {
    private NearestKeys() {
    }

    /** Up to {@code max} keys within a typo's reach of {@code wrong}, nearest first; none when nothing is close. */
    public static List<String> of(String wrong, Collection<String> valid, int max) {
        int reach = Math.max(2, wrong.length() / 3);
        return valid.stream()
                .filter(k -> distance(wrong, k) <= reach || k.contains(wrong) || wrong.contains(k))
                .sorted(Comparator.comparingInt((String k) -> distance(wrong, k)).thenComparing(k -> k))
                .limit(max).toList();
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        a = a.toLowerCase();
        b = b.toLowerCase();
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
