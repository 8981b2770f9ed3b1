package org.aniprep.sidecar;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Section {@code dedup}: the cached fingerprint of the image, a perceptual {@code hash} (hex) or an
 * {@code embedding} (base64 of little-endian float32, L2-normalised), with {@code method} naming the
 * algorithm or model (a different method recomputes), and its sharpness, plus the grouping result. A kept frame
 * carries {@code groupSize}: itself, the {@code removed} members (paths relative to the dedup folder,
 * restorable from {@code _removed/}) and the duplicates that {@code extract --dedup} never wrote,
 * counted per episode in {@code dropped} (so an episode that is extracted again replaces its count).
 * A kept frame that is not its group's first frame also carries that first frame, its
 * {@code representative}, so a rerun groups with the representative's fingerprint and place in time.
 * A removed frame names the {@code kept} one and its {@code distance} to it.
 */
public record DedupInfo(String method, String hash, String embedding, Double sharpness, Integer groupSize, List<String> removed,
                        Map<String, Integer> dropped, String kept, Double distance, Representative representative,
                        Quality quality) {
    public static final String SECTION = "dedup";

    /**
     * Cheap picture measures that {@code --keep best} compares within a group (docs/dedup.md): mean
     * luma and its standard deviation ({@code contrast}; a fade or flash twin has less), and the
     * sharpness (variance of the Laplacian of luma) of the top fifth, the middle three fifths and
     * the bottom fifth of the frame: burned-in text adds edges to the outer bands only, blur takes
     * them from the middle too. Absent in records made before these were measured.
     */
    public record Quality(double lumaMean, double contrast, double sharpnessTop, double sharpnessMiddle,
                          double sharpnessBottom) {
    }

    /**
     * A group's first frame (greedy grouping's representative), recorded on the kept frame when
     * {@code --keep best} kept another member: its path relative to the dedup folder and its
     * {@code source} section (its place in time order), and its fingerprint ({@code method} with
     * {@code hash} or {@code embedding}).
     */
    public record Representative(String file, FrameSource source, String method, String hash, String embedding) {
        /** The representative's fingerprint as a cache record (sharpness 0: not used for grouping). */
        public DedupInfo fingerprint() {
            return new DedupInfo(method, hash, embedding, 0.0, null, null, null, null, null, null, null);
        }
    }

    public static DedupInfo cache(String method, String hash, double sharpness) {
        return cache(method, hash, sharpness, null);
    }

    public static DedupInfo cache(String method, String hash, double sharpness, Quality quality) {
        return new DedupInfo(method, hash, null, sharpness, null, null, null, null, null, null, quality);
    }

    public static DedupInfo cacheEmbedding(String method, String embedding, double sharpness) {
        return cacheEmbedding(method, embedding, sharpness, null);
    }

    public static DedupInfo cacheEmbedding(String method, String embedding, double sharpness, Quality quality) {
        return new DedupInfo(method, null, embedding, sharpness, null, null, null, null, null, null, quality);
    }

    /** This frame as a group's representative, at {@code file} with {@code source}. */
    public Representative asRepresentative(String file, FrameSource source) {
        return new Representative(file, source, method, hash, embedding);
    }

    /** Never-written duplicates recorded for this frame (0 when none). */
    public int droppedCount() {
        return dropped == null ? 0 : dropped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The per-episode dropped counts (a modifiable copy, empty when none). */
    public Map<String, Integer> droppedByEpisode() {
        return dropped == null ? new TreeMap<>() : new TreeMap<>(dropped);
    }

    /** The kept frame's record, its representative unchanged. */
    public DedupInfo asKept(List<String> removedMembers, Map<String, Integer> droppedDuplicates) {
        return asKept(removedMembers, droppedDuplicates, representative);
    }

    /** The kept frame's record; {@code first} is null when this frame is its group's first frame. */
    public DedupInfo asKept(List<String> removedMembers, Map<String, Integer> droppedDuplicates, Representative first) {
        Map<String, Integer> d = new TreeMap<>(droppedDuplicates);
        d.values().removeIf(v -> v == 0);
        return new DedupInfo(method, hash, embedding, sharpness, 1 + removedMembers.size() + d.values().stream().mapToInt(Integer::intValue).sum(),
                removedMembers.isEmpty() ? null : List.copyOf(removedMembers), d.isEmpty() ? null : d, null, null, first, quality);
    }

    /** A removed frame's record; a representative it carried has been handed to the kept frame. */
    public DedupInfo asRemoved(String keptFrame, double distanceToKept) {
        return new DedupInfo(method, hash, embedding, sharpness, null, null, null, keptFrame, distanceToKept, null, quality);
    }

    /** A frame the user kept ({@code review.frame.decision = keep}) in another frame's group: no longer anyone's removed twin. */
    public DedupInfo asUserKept() {
        return kept == null && distance == null ? this
                : new DedupInfo(method, hash, embedding, sharpness, groupSize, removed, dropped, null, null, representative, quality);
    }

    /** This record with another fingerprint, the group fields kept (a method change recomputes only the hash). */
    public DedupInfo withFingerprint(DedupInfo fingerprint) {
        return new DedupInfo(fingerprint.method, fingerprint.hash, fingerprint.embedding, fingerprint.sharpness, groupSize,
                removed, dropped, kept, distance, representative, fingerprint.quality != null ? fingerprint.quality : quality);
    }
}
