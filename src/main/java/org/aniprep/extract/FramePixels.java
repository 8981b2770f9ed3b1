package org.aniprep.extract;

import org.aniprep.image.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded frame's pixels as a {@link FrameGate} reads them, valid while the gate has not dropped
 * the frame (during its {@code prepare} task and {@code offer}, and while it holds the frame).
 */
public interface FramePixels {
    /** The frame as 8-bit BGR, converted from the decoder's YUV on first use; owned by the frame. */
    Mat bgr();

    /**
     * The frame as RGB, copied from {@link #bgr} on first use and then kept: most frames a gate
     * drops never need this 6 MB copy (1080p).
     */
    RgbImage rgb();

    /** The pixels of a decoded frame. */
    static FramePixels of(DecodedFrame frame) {
        return new FramePixels() {
            private RgbImage rgb;

            @Override
            public Mat bgr() {
                return frame.bgr();
            }

            @Override
            public synchronized RgbImage rgb() {
                if (rgb == null) {
                    rgb = Mats.toRgb(frame.bgr());
                }
                return rgb;
            }
        };
    }
}
