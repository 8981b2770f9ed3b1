package org.aniprep.sidecar;

/**
 * Section {@code source}: where a frame came from. {@code frameIndex} counts decoded frames of the
 * video from 0; {@code time} is the presentation time in seconds. Later stages use episode and time
 * to order frames (dedup in time order, OP/ED detection).
 */
public record FrameSource(String video, String prefix, Integer season, int episode, long frameIndex, double time) {
    public static final String SECTION = "source";
}
