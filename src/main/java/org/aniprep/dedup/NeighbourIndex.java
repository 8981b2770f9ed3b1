package org.aniprep.dedup;

/**
 * The kept representatives of the groups found so far, in the order they were added (ids 0, 1,
 * 2, ...). Greedy grouping asks it for the earliest representative close enough to a new item.
 */
public interface NeighbourIndex<T> {
    /** The smallest id whose item is within the threshold of {@code query}, or -1 when none is. */
    int earliestWithin(T query);

    /** Adds a representative; returns its id (the number of items added before it). */
    int add(T item);

    int size();
}
