package org.aniprep.extract;

/** What a container says about its video stream before decoding. */
public record VideoInfo(int width, int height, double fps, long estimatedFrames, double durationSeconds, String codec) {
}
