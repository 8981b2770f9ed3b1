package org.aniprep.tag;

import org.aniprep.sidecar.Tags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns WD14 probabilities into tags (model-specs.md §1.5, as SmilingWolf's Space and imgutils do):
 * groups by CSV category; keep p > threshold (strict); optional MCut per group, the character one
 * floored at 0.15; all four ratings plus the argmax; tag names with spaces except kaomoji.
 * Scores are float32 widened to double before comparing, as the references' {@code pred.astype(float)}:
 * 0.85f (0.8500000238) passes a 0.85 threshold, 0.35f (0.3499999940) fails 0.35.
 */
public final class Wd14Decoder {
    /** imgutils/the Space floor the character MCut threshold here. */
    public static final double CHARACTER_MCUT_FLOOR = 0.15;

    /** Kept with underscores when other tags get spaces (the Space's and imgutils' list). */
    public static final Set<String> KAOMOJI = Tags.KAOMOJI;

    public record Settings(double generalThreshold, boolean generalMcut, double characterThreshold, boolean characterMcut) {
    }

    /** The decoded result; {@code rawTags} are the kept tags in CSV order with underscores (for .tags files). */
    public record Decoded(String rating, Map<String, Double> ratings, double generalThreshold, List<Tags.Scored> general,
                          double characterThreshold, List<Tags.Scored> character, List<String> rawTags) {
    }

    private final TagList tags;
    private final Settings settings;

    public Wd14Decoder(TagList tags, Settings settings) {
        this.tags = tags;
        this.settings = settings;
    }

    public Decoded decode(float[] probs) {
        if (probs.length != tags.size()) {
            throw new IllegalArgumentException("the model gave " + probs.length + " scores but selected_tags.csv has "
                    + tags.size() + " rows");
        }
        Map<String, Double> ratings = new LinkedHashMap<>();
        String rating = null;
        double best = Double.NEGATIVE_INFINITY;
        for (int i : tags.ratings()) {
            ratings.put(tags.names().get(i), (double) probs[i]);
            if (probs[i] > best) {
                best = probs[i];
                rating = tags.names().get(i);
            }
        }
        double gThr = settings.generalMcut() ? mcut(probs, tags.general(), settings.generalThreshold()) : settings.generalThreshold();
        double cThr = settings.characterMcut()
                ? Math.max(CHARACTER_MCUT_FLOOR, mcut(probs, tags.character(), settings.characterThreshold()))
                : settings.characterThreshold();
        List<Integer> keptIdx = new ArrayList<>();
        List<Tags.Scored> general = select(probs, tags.general(), gThr, keptIdx);
        List<Tags.Scored> character = select(probs, tags.character(), cThr, keptIdx);
        keptIdx.sort(Comparator.naturalOrder());
        List<String> raw = keptIdx.stream().map(tags.names()::get).toList();
        return new Decoded(rating, ratings, gThr, general, cThr, character, raw);
    }

    private List<Tags.Scored> select(float[] probs, int[] group, double threshold, List<Integer> keptIdx) {
        List<Tags.Scored> out = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int i : group) {
            if (probs[i] > threshold) {
                idx.add(i);
            }
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> -probs[i]).thenComparing(i -> i));
        for (int i : idx) {
            out.add(new Tags.Scored(displayName(tags.names().get(i)), probs[i]));
        }
        keptIdx.addAll(idx);
        return out;
    }

    /** {@code long_hair} → {@code long hair}; kaomoji like {@code ^_^} stay as they are. */
    public static String displayName(String raw) {
        return Tags.displayName(raw);
    }

    /**
     * Maximum Cut Thresholding: sort descending, cut at the largest gap between neighbours, threshold
     * = midpoint of that gap. Groups of fewer than two tags keep {@code fallback}.
     */
    static double mcut(float[] probs, int[] group, double fallback) {
        if (group.length < 2) {
            return fallback;
        }
        double[] p = new double[group.length];
        for (int i = 0; i < group.length; i++) {
            p[i] = probs[group[i]];
        }
        Arrays.sort(p);
        int t = 0;
        double bestGap = Double.NEGATIVE_INFINITY;
        // descending order: p[n-1-k] - p[n-2-k]; the first (highest) largest gap wins, like numpy argmax
        for (int k = 0; k < p.length - 1; k++) {
            double gap = p[p.length - 1 - k] - p[p.length - 2 - k];
            if (gap > bestGap) {
                bestGap = gap;
                t = k;
            }
        }
        return (p[p.length - 1 - t] + p[p.length - 2 - t]) / 2;
    }
}
