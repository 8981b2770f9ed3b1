package org.aniprep.dedup;

import java.nio.file.Path;

/** What {@code aniprep dedup} was asked to do. */
public record DedupOptions(Path src, double threshold, Keep keep, Action action, Path report, boolean writeReport) {
    /** Chosen from the measured distances in docs/dedup.md (HashChoiceTest). */
    public static final PerceptualHash DEFAULT_HASH = PerceptualHash.PHASH_YCC192;
    /** Bits out of 192: frames at most this far apart are duplicates (docs/dedup.md). */
    public static final int DEFAULT_HASH_THRESHOLD = 20;

    public enum Keep { BEST, FIRST }

    public enum Action { MOVE, DELETE, REPORT }
}
