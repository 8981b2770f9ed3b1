package org.aniprep.dedup;

import org.aniprep.io.NaturalOrder;
import org.aniprep.sidecar.FrameSource;

import java.util.Comparator;

/**
 * The order greedy grouping walks the images in: frames with a {@code source} section by series
 * prefix, season, episode and frame index; then images without one, in natural path order. A kept
 * frame that stands for its group's recorded representative takes the representative's place
 * ({@link DedupItem#orderSource}, {@link DedupItem#orderName}).
 */
final class TimeOrder {
    static final Comparator<DedupItem> ITEMS = Comparator
            .comparing((DedupItem i) -> i.orderSource() == null)
            .thenComparing(i -> prefix(i.orderSource()), NaturalOrder.INSTANCE)
            .thenComparingInt(i -> i.orderSource() == null || i.orderSource().season() == null ? 0 : i.orderSource().season())
            .thenComparingInt(i -> i.orderSource() == null ? 0 : i.orderSource().episode())
            .thenComparingLong(i -> i.orderSource() == null ? 0 : i.orderSource().frameIndex())
            .thenComparing(DedupItem::orderName, NaturalOrder.INSTANCE)
            .thenComparing(DedupItem::relative, NaturalOrder.INSTANCE);

    private TimeOrder() {
    }

    private static String prefix(FrameSource s) {
        return s == null || s.prefix() == null ? "" : s.prefix();
    }
}
