package org.aniprep.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * The groups of one run: greedy grouping in time order (each item joins the earliest representative
 * within the threshold), then the kept member of each group: the representative ({@code --keep
 * first}) or the best member ({@code --keep best}, {@link BestMember}: the filter's verdicts, then
 * contrast, sharpness and text-free bands; the earliest on a tie). Grouping compares
 * each item's {@link DedupItem#groupingPrint} (a recorded representative's fingerprint where there
 * is one); distances to the kept frame are between the images' own fingerprints.
 */
record DedupPlan(List<DedupItem> items, List<Group> groups) {
    /** Members are item numbers in time order; {@code distances[k]} is member k's distance to the kept one. */
    record Group(int representative, int kept, int[] members, double[] distances) {
        int size() {
            return members.length;
        }
    }

    static <F> DedupPlan of(List<DedupItem> ordered, Fingerprinter<F> method, double threshold, DedupOptions.Keep keep) {
        return of(ordered, method, threshold, keep, null);
    }

    /** {@code twins} (or null): the filter's text verdict asked where subtitled twins may fool the band measure. */
    static <F> DedupPlan of(List<DedupItem> ordered, Fingerprinter<F> method, double threshold, DedupOptions.Keep keep,
                            TextTwins twins) {
        org.aniprep.image.ImageLoader loader = new org.aniprep.image.ImageLoader();
        List<F> grouping = ordered.stream().map(i -> method.read(i.groupingPrint())).toList();
        // an anchored item groups as its representative, but its distances are its own image's
        List<F> ownIfAnchored = ordered.stream().map(i -> i.anchor() == null ? null : method.read(i.info())).toList();
        int[] rep = GreedyGrouper.group(grouping, method.index(threshold));
        List<List<Integer>> byRep = new ArrayList<>();
        int[] groupOfRep = new int[rep.length];
        for (int i = 0; i < rep.length; i++) {
            if (rep[i] == i) {
                groupOfRep[i] = byRep.size();
                byRep.add(new ArrayList<>());
            }
            byRep.get(groupOfRep[rep[i]]).add(i);
        }
        List<Group> groups = new ArrayList<>(byRep.size());
        for (List<Integer> m : byRep) {
            int[] members = m.stream().mapToInt(Integer::intValue).toArray();
            int kept = keep == DedupOptions.Keep.FIRST ? members[0] : BestMember.pick(ordered, members);
            if (keep == DedupOptions.Keep.BEST && twins != null) {
                kept = twins.pick(ordered, members, kept, loader);
            }
            double[] d = new double[members.length];
            for (int k = 0; k < members.length; k++) {
                d[k] = method.distance(own(ownIfAnchored, grouping, members[k]), own(ownIfAnchored, grouping, kept));
            }
            groups.add(new Group(members[0], kept, members, d));
        }
        return new DedupPlan(ordered, groups);
    }

    private static <F> F own(List<F> ownIfAnchored, List<F> grouping, int item) {
        return ownIfAnchored.get(item) != null ? ownIfAnchored.get(item) : grouping.get(item);
    }

    int duplicates() {
        return items.size() - groups.size();
    }
}
