package org.aniprep.dedup;

import org.aniprep.io.NaturalOrder;
import org.aniprep.sidecar.FrameSource;

import java.util.Comparator;

/**
 * The order greedy grouping walks the images in: frames with a {@code source} section by series
 * prefix, season, episode and frame index; then images without one, in natural path order.
 */
final class TimeOrder {
    static final Comparator<DedupItem> ITEMS = Comparator
            .comparing((DedupItem i) -> i.source() == null)
            .thenComparing(i -> prefix(i.source()), NaturalOrder.INSTANCE)
            .thenComparingInt(i -> i.source() == null || i.source().season() == null ? 0 : i.source().season())
            .thenComparingInt(i -> i.source() == null ? 0 : i.source().episode())
            .thenComparingLong(i -> i.source() == null ? 0 : i.source().frameIndex())
            .thenComparing(DedupItem::relative, NaturalOrder.INSTANCE);

    private TimeOrder() {
    }

    private static String prefix(FrameSource s) {
        return s == null || s.prefix() == null ? "" : s.prefix();
    }
}
