package org.aniprep.dedup;

import org.aniprep.image.RgbImage;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Justifies the default dedup hash and threshold (docs/dedup.md): distances between anime-style
 * frames that must group (re-encoded, shifted a few pixels, a mouth change, a lighting variant)
 * and frames that must not (another character in the same place, no character, another
 * background, a pan, a second character).
 */
class HashChoiceTest {
    static final String[] BACKGROUNDS = {"bg_cave.jpg", "bg_washington.jpg", "bg_whitehouse.jpg"};
    static final int MID = AnimeScenes.CAM_X + AnimeScenes.FRAME_W / 2;
    static final float FRAME_Q = 0.9f;

    record Pair(String category, boolean same, RgbImage a, RgbImage b) {
    }

    static final List<Pair> PAIRS = new ArrayList<>();

    static RgbImage q(RgbImage img) {
        return AnimeScenes.reencoded(img, FRAME_Q);
    }

    static void add(String category, boolean same, RgbImage a, RgbImage b) {
        PAIRS.add(new Pair(category, same, a, b));
    }

    @BeforeAll
    static void buildPairs() {
        Map<String, Actor[]> casts = new LinkedHashMap<>();
        casts.put("eileen", new Actor[]{Actor.at("eileen_happy", MID)});
        casts.put("lucy", new Actor[]{Actor.at("lucy_happy", MID)});
        casts.put("eileen+lucy", new Actor[]{Actor.at("eileen_happy", MID - 110), Actor.at("lucy_happy", MID + 110)});
        casts.put("empty", new Actor[0]);
        Map<String, RgbImage> base = new LinkedHashMap<>();
        for (String bg : BACKGROUNDS) {
            for (Map.Entry<String, Actor[]> cast : casts.entrySet()) {
                BufferedImage world = AnimeScenes.world(bg, cast.getValue());
                RgbImage raw = AnimeScenes.frame(world, AnimeScenes.CAM_X, AnimeScenes.CAM_Y);
                RgbImage frame = q(raw);
                base.put(bg + "/" + cast.getKey(), frame);
                add("re-encoded q50", true, frame, AnimeScenes.reencoded(raw, 0.5f));
                add("re-encoded q25", true, frame, AnimeScenes.reencoded(raw, 0.25f));
                for (int dx : new int[]{2, 4, 8}) {
                    add("shift " + dx + "px", true, frame, q(AnimeScenes.frame(world, AnimeScenes.CAM_X + dx, AnimeScenes.CAM_Y + dx / 2)));
                }
                for (int dx : new int[]{64, 128}) {
                    add("pan " + dx + "px", false, frame, q(AnimeScenes.frame(world, AnimeScenes.CAM_X + dx, AnimeScenes.CAM_Y)));
                }
            }
            add("mouth eileen happy/vhappy", true, base.get(bg + "/eileen"),
                    q(AnimeScenes.scene(bg, 0, Actor.at("eileen_vhappy", MID))));
            add("expression eileen happy/concerned", true, base.get(bg + "/eileen"),
                    q(AnimeScenes.scene(bg, 0, Actor.at("eileen_concerned", MID))));
            add("pose+expression lucy happy/mad", false, base.get(bg + "/lucy"),
                    q(AnimeScenes.scene(bg, 0, Actor.at("lucy_mad", MID))));
            add("other character, same place", false, base.get(bg + "/eileen"), base.get(bg + "/lucy"));
            add("character vs empty", false, base.get(bg + "/eileen"), base.get(bg + "/empty"));
            add("character vs empty", false, base.get(bg + "/lucy"), base.get(bg + "/empty"));
            add("one vs two characters", false, base.get(bg + "/eileen"), base.get(bg + "/eileen+lucy"));
            add("small character (h 180) vs empty", false, base.get(bg + "/empty"),
                    q(AnimeScenes.scene(bg, 0, new Actor("eileen_happy", MID, 180))));
            add("two characters swap places", false, base.get(bg + "/eileen+lucy"),
                    q(AnimeScenes.scene(bg, 0, Actor.at("lucy_happy", MID - 110), Actor.at("eileen_happy", MID + 110))));
            add("character walks 100px", false, base.get(bg + "/eileen"),
                    q(AnimeScenes.scene(bg, 0, Actor.at("eileen_happy", MID + 100))));
        }
        for (int i = 0; i < BACKGROUNDS.length; i++) {
            for (int j = i + 1; j < BACKGROUNDS.length; j++) {
                for (String cast : casts.keySet()) {
                    add("other background", false, base.get(BACKGROUNDS[i] + "/" + cast), base.get(BACKGROUNDS[j] + "/" + cast));
                }
            }
        }
        RgbImage c1 = q(AnimeScenes.picture("concert1.png"));
        RgbImage c3 = q(AnimeScenes.picture("concert3.png"));
        add("lighting variant concert1/3", true, c1, c3);
        add("concert vs scene", false, c1, base.get("bg_cave.jpg/eileen+lucy"));
    }

    /** Prints, per method and category, the distance range (the table in docs/dedup.md). */
    @Test
    void printDistanceTable() {
        for (PerceptualHash method : PerceptualHash.values()) {
            System.out.printf("%n%s (%d bits)%n", method.id(), method.hash(PAIRS.get(0).a()).bits());
            int maxSame = 0;
            int minDiff = Integer.MAX_VALUE;
            Map<String, List<Integer>> byCategory = new LinkedHashMap<>();
            for (Pair p : PAIRS) {
                int d = method.hash(p.a()).distance(method.hash(p.b()));
                byCategory.computeIfAbsent((p.same() ? "SAME " : "DIFF ") + p.category(), k -> new ArrayList<>()).add(d);
                if (p.same()) {
                    maxSame = Math.max(maxSame, d);
                } else {
                    minDiff = Math.min(minDiff, d);
                }
            }
            byCategory.forEach((k, v) -> System.out.printf("  %-42s n=%2d  min %3d  median %3d  max %3d%n", k, v.size(),
                    v.stream().min(Integer::compare).orElseThrow(), median(v), v.stream().max(Integer::compare).orElseThrow()));
            System.out.printf("  => max SAME %d, min DIFF %d%n", maxSame, minDiff);
        }
    }

    /**
     * The default (colour pHash, threshold {@link DedupOptions#DEFAULT_HASH_THRESHOLD}) groups every pair
     * that must group and none that must not. Shifts of 8 px (1.25 % of the width) are the
     * documented grey zone: most, not all, group.
     */
    @Test
    void defaultHashAndThresholdSeparateTheCategories() {
        PerceptualHash m = DedupOptions.DEFAULT_HASH;
        int t = DedupOptions.DEFAULT_HASH_THRESHOLD;
        assertThat(distances(p -> p.same() && !p.category().equals("shift 8px"), m, true)).isLessThanOrEqualTo(t);
        assertThat(distances(p -> !p.same(), m, false)).isGreaterThan(t);
        assertThat(distances(p -> p.category().equals("lighting variant concert1/3"), m, true)).isLessThanOrEqualTo(t);
        long eightPxGrouped = PAIRS.stream().filter(p -> p.category().equals("shift 8px"))
                .filter(p -> m.hash(p.a()).distance(m.hash(p.b())) <= t).count();
        System.out.printf("8 px shifts grouped at threshold %d: %d of 12%n", t, eightPxGrouped);
        assertThat(eightPxGrouped).isGreaterThanOrEqualTo(6);
    }

    static int median(List<Integer> v) {
        List<Integer> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static int distances(Function<Pair, Boolean> which, PerceptualHash m, boolean max) {
        return PAIRS.stream().filter(which::apply)
                .mapToInt(p -> m.hash(p.a()).distance(m.hash(p.b())))
                .reduce(max ? Integer::max : Integer::min).orElseThrow();
    }
}
