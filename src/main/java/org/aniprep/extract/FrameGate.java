package org.aniprep.extract;

import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.FrameSource;

import java.util.function.Supplier;

/**
 * A per-frame decision taken while extracting, before anything reaches disk (e.g. online
 * deduplication). Frames of one episode are offered in time order from the episode's decoding
 * thread; episodes may run on several threads at once.
 */
public interface FrameGate {
    FrameGate ALL = (episode, source, name, pixels) -> true;

    /**
     * @param name   the file name the frame gets if admitted
     * @param pixels the frame's pixels, converted only when asked for
     * @return whether the frame is written
     */
    boolean admit(EpisodePlan episode, FrameSource source, String name, Supplier<RgbImage> pixels);

    /**
     * True when the gate's decisions depend on the order of episodes (online dedup): the extractor
     * then runs one episode at a time, in time order (series prefix, season, episode).
     */
    default boolean sequential() {
        return false;
    }

    /** An episode already complete from an earlier run (its frames are on disk and not offered again). */
    default void episodeSkipped(EpisodePlan episode) {
    }

    /** All admitted frames of the episode are on disk with their sidecars (called before it is marked complete). */
    default void episodeWritten(EpisodePlan episode) throws java.io.IOException {
    }

    /** The run is over. */
    default void finish() throws java.io.IOException {
    }
}
