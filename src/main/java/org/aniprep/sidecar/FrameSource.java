package org.aniprep.sidecar;

/**
 * Section {@code source}: where a frame came from. {@code frameIndex} counts decoded frames of the
 * video from 0; {@code time} is the presentation time in seconds. Later stages use episode and time
 * to order frames (dedup in time order, OP/ED detection). {@code geometry} says how the stored
 * picture was cropped and scaled to square pixels (absent in records of older versions).
 */
public record FrameSource(String video, String prefix, Integer season, int episode, long frameIndex, double time,
                          FrameGeometry geometry) {
    public static final String SECTION = "source";

    public FrameSource(String video, String prefix, Integer season, int episode, long frameIndex, double time) {
        this(video, prefix, season, episode, frameIndex, time, null);
    }
}
