package org.aniprep.sidecar;

import java.util.List;

/**
 * Section {@code dedup}: the cached fingerprint of the image ({@code method} names the algorithm and
 * version; a different method recomputes) and its sharpness, plus the grouping result. A kept frame
 * carries {@code groupSize} and the {@code removed} members (paths relative to the dedup folder,
 * restorable from {@code _removed/}); a removed frame names the {@code kept} one and its
 * {@code distance} to it.
 */
public record DedupInfo(String method, String hash, Double sharpness, Integer groupSize, List<String> removed,
                        String kept, Double distance) {
    public static final String SECTION = "dedup";

    public static DedupInfo cache(String method, String hash, double sharpness) {
        return new DedupInfo(method, hash, sharpness, null, null, null, null);
    }

    public DedupInfo asKept(List<String> removedMembers) {
        return new DedupInfo(method, hash, sharpness, 1 + removedMembers.size(), List.copyOf(removedMembers), null, null);
    }

    public DedupInfo asRemoved(String keptFrame, double distanceToKept) {
        return new DedupInfo(method, hash, sharpness, null, null, keptFrame, distanceToKept);
    }
}
