package org.aniprep.dedup;

import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.DedupInfo.Representative;
import org.aniprep.sidecar.FrameSource;

import java.nio.file.Path;

/**
 * One image taking part in dedup: where it is, where it sits in time, and its fingerprint. A kept
 * frame whose sidecar records its group's {@code representative} (made by this run's method)
 * takes part in grouping as that representative: with its fingerprint, at its place in time
 * ({@code anchor}); so an earlier run's groups come out again and new images meet the same firsts.
 */
record DedupItem(Path file, String relative, FrameSource source, DedupInfo info, Representative anchor, FilterVerdict filter,
                 boolean userKeeps) {
    /**
     * The item, with the recorded representative as its anchor when {@code method} made it; {@code userKeeps}:
     * the user kept the frame ({@code review.frame.decision = keep}), so dedup never removes it.
     */
    static DedupItem of(Path file, String relative, FrameSource source, DedupInfo info, Fingerprinter<?> method,
                        FilterVerdict filter, boolean userKeeps) {
        Representative r = info == null ? null : info.representative();
        return new DedupItem(file, relative, source, info, r != null && method.isCached(r.fingerprint()) ? r : null, filter, userKeeps);
    }

    double sharpness() {
        return info.sharpness();
    }

    /** The fingerprint greedy grouping compares: the anchor's, else the image's own. */
    DedupInfo groupingPrint() {
        return anchor != null ? anchor.fingerprint() : info;
    }

    /** The source section that places the item in time order: the anchor's, else its own. */
    FrameSource orderSource() {
        return anchor != null ? anchor.source() : source;
    }

    /** The path that places the item in time order when there is no source section. */
    String orderName() {
        return anchor != null ? anchor.file() : relative;
    }

    /** The representative this item stands for when it heads a group: its anchor, else itself. */
    Representative asRepresentative() {
        return anchor != null ? anchor : info.asRepresentative(relative, source);
    }
}
