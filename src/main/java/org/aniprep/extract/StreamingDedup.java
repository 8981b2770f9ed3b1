package org.aniprep.extract;

import org.aniprep.console.Problems;

/**
 * What {@code --dedup} plugs into extraction: a gate that drops near-duplicates of frames already
 * kept while frames stream past. The dedup stage provides it ({@code dedup.ExtractDedupGate#streaming});
 * the commands wire it in, so extract does not depend on dedup.
 */
public interface StreamingDedup {
    /** @param threshold the Hamming threshold, or null for dedup's default */
    FrameGate<?> gate(Integer threshold, boolean collapsePans, Problems problems);
}
