package org.aniprep.extract;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A selected frame: its index in the video (counting every frame from 0), its time in seconds from
 * the first frame, and its pixels as an owned 8-bit BGR Mat that the receiver must close.
 */
public record DecodedFrame(long index, double time, Mat bgr) implements AutoCloseable {
    @Override
    public void close() {
        bgr.close();
    }
}
