package org.aniprep.dedup;

import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.DedupInfo;

/**
 * A way to tell near-duplicates apart: computes an image's fingerprint (cached in the sidecar under
 * {@link #id}), reads it back, indexes representatives and measures how alike two fingerprints are.
 *
 * @param <F> the fingerprint (a {@link BitHash}, an embedding vector)
 */
public interface Fingerprinter<F> {
    /** Names the algorithm or model and its version; a cached fingerprint is used only when it matches. */
    String id();

    /** The fingerprint and sharpness of a decoded image. Must be thread-safe. */
    DedupInfo fingerprint(RgbImage img);

    /** The fingerprint stored in a sidecar section written by {@link #fingerprint}. */
    F read(DedupInfo info);

    /** True when the section holds a usable fingerprint of this method. */
    default boolean isCached(DedupInfo info) {
        return info != null && id().equals(info.method()) && info.sharpness() != null;
    }

    /** An index answering "earliest representative within the threshold". */
    NeighbourIndex<F> index(double threshold);

    /** How far apart two fingerprints are, in this method's unit (bits; 1 - cosine). */
    double distance(F a, F b);

    /** The threshold in words for logs and the report, e.g. "20 bits" or "cosine >= 0.985". */
    String describeThreshold(double threshold);

    /** A distance in words for the report, e.g. "12 bits" or "cosine 0.991". */
    String describeDistance(double distance);
}
