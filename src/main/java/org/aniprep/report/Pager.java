package org.aniprep.report;

import java.util.ArrayList;
import java.util.List;

/** Links between the pages of a long report: first, previous, a window around this one, next, last. */
public record Pager(int current, int count, List<Link> links) {
    static final int WINDOW = 4;

    public static Pager none() {
        return new Pager(1, 1, List.of());
    }

    /** The pager of page {@code current} (1-based) of {@code count}, for the file names {@code names}. */
    static Pager of(int current, List<String> names) {
        int count = names.size();
        List<Link> links = new ArrayList<>();
        if (count > 1) {
            if (current > 1) {
                links.add(new Link(Links.encode(names.get(current - 2)), "‹ previous"));
            }
            int from = Math.max(1, current - WINDOW);
            int to = Math.min(count, current + WINDOW);
            if (from > 1) {
                links.add(new Link(Links.encode(names.get(0)), "1"));
                if (from > 2) {
                    links.add(new Link(null, "…"));
                }
            }
            for (int p = from; p <= to; p++) {
                links.add(new Link(p == current ? null : Links.encode(names.get(p - 1)), String.valueOf(p)));
            }
            if (to < count) {
                if (to < count - 1) {
                    links.add(new Link(null, "…"));
                }
                links.add(new Link(Links.encode(names.get(count - 1)), String.valueOf(count)));
            }
            if (current < count) {
                links.add(new Link(Links.encode(names.get(current)), "next ›"));
            }
        }
        return new Pager(current, count, links);
    }
}
