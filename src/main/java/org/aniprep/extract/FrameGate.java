package org.aniprep.extract;

import org.aniprep.sidecar.FrameSource;

import java.util.concurrent.Callable;

/**
 * A per-frame decision taken while extracting, before anything reaches disk (e.g. online
 * deduplication). Frames of one episode are offered in time order from the episode's decoding
 * thread; episodes may run on several threads at once. A gate may hold one frame back until it has
 * seen later ones (the last frame of a camera move is only known to be the last afterwards; a
 * better member of a group may come later): each decision also says what becomes of the frame
 * held before. Frames still reach disk in time order as long as a gate writes nothing else while
 * it holds a frame (the dedup gate drops every frame while it holds one).
 */
public interface FrameGate<P> {
    /** Every frame written; no pixel work. */
    FrameGate<Void> ALL = new FrameGate<>() {
        @Override
        public Callable<Void> prepare(EpisodePlan episode, FrameSource source, FramePixels pixels) {
            return null;
        }

        @Override
        public Decision offer(EpisodePlan episode, FrameSource source, Void prepared) {
            return Decision.WRITE;
        }
    };

    /** What happens to an offered frame. */
    enum Verdict { WRITE, DROP, HOLD }

    /** What happens to the frame held back earlier, if any: written (before the offered one), dropped, or held on. */
    enum Held { WRITE, DROP, KEEP }

    /** The offered frame's verdict and the held frame's fate; a {@code HOLD} needs the held one written or dropped. */
    record Decision(Verdict frame, Held held) {
        public static final Decision WRITE = new Decision(Verdict.WRITE, Held.DROP);
        public static final Decision DROP = new Decision(Verdict.DROP, Held.DROP);

        public Decision {
            if (frame == Verdict.HOLD && held == Held.KEEP) {
                throw new IllegalArgumentException("one frame can be held at a time");
            }
        }
    }

    /**
     * The pixel work on one frame that needs no decision on other frames (a fingerprint, a
     * thumbnail), called on the decoding thread in frame order: the returned task runs on a worker
     * thread, several frames at once, and its result goes to {@link #offer}. Null when there is none.
     *
     * @param pixels the frame's pixels, converted only when asked for (best inside the task); the
     *               gate may keep them while the frame is held
     */
    Callable<P> prepare(EpisodePlan episode, FrameSource source, FramePixels pixels);

    /** The frame's verdict, in frame order, with what its {@link #prepare} task returned (null without one). */
    Decision offer(EpisodePlan episode, FrameSource source, P prepared);

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
