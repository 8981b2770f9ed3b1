package org.aniprep.dedup;

import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.FrameSource;

import java.nio.file.Path;

/** One image taking part in dedup: where it is, where it sits in time, and its fingerprint. */
record DedupItem(Path file, String relative, FrameSource source, DedupInfo info) {
    double sharpness() {
        return info.sharpness();
    }
}
