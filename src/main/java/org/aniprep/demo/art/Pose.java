package org.aniprep.demo.art;

/** The parts of a character that change from frame to frame. */
public record Pose(boolean mouthOpen, boolean eyesOpen) {
    public static final Pose NEUTRAL = new Pose(false, true);
    public static final Pose TALKING = new Pose(true, true);
    public static final Pose BLINK = new Pose(false, false);
}
