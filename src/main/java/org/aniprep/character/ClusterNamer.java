package org.aniprep.character;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readable, stable cluster names: a base from what the members look like ({@code blonde_hair_blue_eyes}
 * from the tagger's hair and eye colour tags when most members' images have them, else the offline
 * signature's hair colour, {@code pink_hair}) and a number. A cluster whose members mostly carried a
 * name in the previous run keeps it (larger clusters choose first), so a rerun on the same faces, or a
 * few more, keeps the names the user has seen; new clusters take the next free number of their base.
 */
public final class ClusterNamer {
    private static final Pattern HAIR_COLOUR = Pattern.compile("(?:light |dark )?(?:blonde|brown|black|blue|red|pink|purple|green|white|grey|silver|orange|aqua) hair");
    private static final Pattern EYE_COLOUR = Pattern.compile("(?:light |dark )?(?:brown|black|blue|red|pink|purple|green|grey|orange|aqua|yellow) eyes");

    /**
     * What is known about one member face: its image's tags (empty when untagged), its hair colour word, its
     * old cluster, and whether the user put it in a group ({@code review.faces[].link}).
     */
    public record Member(List<String> tags, String hair, String previous, boolean linked) {
        public Member(List<String> tags, String hair, String previous) {
            this(tags, hair, previous, false);
        }
    }

    private ClusterNamer() {
    }

    /** Names for clusters given as member lists (in cluster order); returns one name per cluster. */
    public static List<String> name(List<List<Member>> clusters) {
        List<String> names = new ArrayList<>(clusters.size());
        for (int i = 0; i < clusters.size(); i++) {
            names.add(null);
        }
        List<Integer> bySize = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            bySize.add(i);
        }
        bySize.sort((a, b) -> clusters.get(b).size() != clusters.get(a).size()
                ? Integer.compare(clusters.get(b).size(), clusters.get(a).size()) : Integer.compare(a, b));
        Set<String> taken = new HashSet<>();
        for (int c : bySize) {
            String prev = previousName(clusters.get(c));
            if (prev != null && taken.add(prev)) {
                names.set(c, prev);
            }
        }
        Map<String, Integer> next = new HashMap<>();
        for (int c : bySize) {
            if (names.get(c) != null) {
                continue;
            }
            String base = base(clusters.get(c));
            int n = next.getOrDefault(base, 1);
            while (taken.contains(base + "_" + n)) {
                n++;
            }
            names.set(c, base + "_" + n);
            taken.add(base + "_" + n);
            next.put(base, n + 1);
        }
        return names;
    }

    /**
     * The name most of the members that had one carried before: those the user grouped decide when there
     * are any (a linked group keeps its name however many new faces join it), else all members that had a name.
     */
    static String previousName(List<Member> members) {
        List<Member> linked = members.stream().filter(Member::linked).toList();
        List<Member> voters = linked.isEmpty() ? members : linked;
        return majority(voters.stream().map(Member::previous).filter(java.util.Objects::nonNull).toList(), 0.5);
    }

    static String base(List<Member> members) {
        List<String> hairTags = new ArrayList<>();
        List<String> eyeTags = new ArrayList<>();
        for (Member m : members) {
            hairTags.add(m.tags().stream().filter(t -> HAIR_COLOUR.matcher(t).matches()).findFirst().orElse(null));
            eyeTags.add(m.tags().stream().filter(t -> EYE_COLOUR.matcher(t).matches()).findFirst().orElse(null));
        }
        String hair = majority(hairTags, 0.5);
        if (hair != null) {
            String eyes = majority(eyeTags, 0.5);
            return (eyes == null ? hair : hair + " " + eyes).replace(' ', '_');
        }
        String colour = majority(members.stream().map(Member::hair).toList(), 0.0);
        return (colour == null ? "face" : colour + "_hair");
    }

    /** The most common non-null value if it holds more than {@code share} of all values; ties go to the first seen. */
    static String majority(List<String> values, double share) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : values) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best != null && bestCount > share * values.size() ? best : null;
    }
}
