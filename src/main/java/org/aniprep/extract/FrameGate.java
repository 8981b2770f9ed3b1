package org.aniprep.extract;

import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.FrameSource;

import java.util.function.Supplier;

/**
 * A per-frame decision taken while extracting, before anything reaches disk (e.g. online
 * deduplication). Frames of one episode are offered in time order from the episode's decoding
 * thread; episodes may run on several threads at once. A gate may hold one frame back until it has
 * seen the next (e.g. the last frame of a camera move is only known to be the last afterwards):
 * each decision also says whether the frame held before is written, and a held frame is always
 * the one offered just before, so frames still reach disk in time order.
 */
public interface FrameGate {
    FrameGate ALL = (episode, source, pixels) -> Decision.WRITE;

    /** What happens to an offered frame. */
    enum Verdict { WRITE, DROP, HOLD }

    /**
     * The offered frame's verdict, and whether the frame held since the previous offer (if any) is
     * written first; otherwise that frame is dropped. A {@code HOLD} replaces it.
     */
    record Decision(Verdict frame, boolean writeHeld) {
        public static final Decision WRITE = new Decision(Verdict.WRITE, false);
        public static final Decision DROP = new Decision(Verdict.DROP, false);
    }

    /**
     * @param pixels the frame's pixels, converted only when asked for
     */
    Decision offer(EpisodePlan episode, FrameSource source, Supplier<RgbImage> pixels);

    /** A frame goes to disk under {@code name}: an offered one just let through, or a held one now released. */
    default void named(EpisodePlan episode, FrameSource source, String name) {
    }

    /** The episode's frames were all offered: whether the frame still held (if any) is written. */
    default boolean writeHeldAtEnd(EpisodePlan episode) {
        return false;
    }

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
