package org.aniprep.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Global greedy grouping in time order, online: each item joins the group of the earliest kept
 * representative within the threshold, else it starts a group and becomes its representative.
 */
public final class GreedyGrouper<T> {
    private final NeighbourIndex<T> index;
    private final List<Integer> representativeItems = new ArrayList<>();
    private int items;

    public GreedyGrouper(NeighbourIndex<T> index) {
        this.index = index;
    }

    /** Offers the next item (in time order); returns the item number of its group's representative. */
    public int offer(T item) {
        int number = items++;
        int rep = index.earliestWithin(item);
        if (rep >= 0) {
            return representativeItems.get(rep);
        }
        index.add(item);
        representativeItems.add(number);
        return number;
    }

    /** For each item of {@code ordered}, the item number of its representative. */
    public static <T> int[] group(List<T> ordered, NeighbourIndex<T> index) {
        GreedyGrouper<T> g = new GreedyGrouper<>(index);
        int[] rep = new int[ordered.size()];
        for (int i = 0; i < rep.length; i++) {
            rep[i] = g.offer(ordered.get(i));
        }
        return rep;
    }
}
