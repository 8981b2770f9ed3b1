package org.aniprep.extract;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A selected frame: its index in the video (counting every frame from 0), its time in seconds from
 * the first frame, and its pixels. Pixels arrive either as BGR or as a private copy of the decoder's
 * YUV420P buffer; the BGR conversion then happens on whichever thread first asks (the encoder pool,
 * so it runs in parallel). The receiver closes the frame.
 */
public final class DecodedFrame implements AutoCloseable {
    private final long index;
    private final double time;
    private final int width;
    private final int height;
    private final int stride;
    private final int storedHeight;
    private final FrameShape shape;
    private BytePointer i420;
    private final int colorSpace;
    private final boolean fullRange;
    private Mat bgr;

    private DecodedFrame(long index, double time, int width, int height, Mat bgr, BytePointer i420, int stride,
                         int storedHeight, FrameShape shape, int colorSpace, boolean fullRange) {
        this.index = index;
        this.time = time;
        this.width = width;
        this.height = height;
        this.stride = stride;
        this.storedHeight = storedHeight;
        this.shape = shape;
        this.bgr = bgr;
        this.i420 = i420;
        this.colorSpace = colorSpace;
        this.fullRange = fullRange;
    }

    static DecodedFrame ofBgr(long index, double time, Mat bgr) {
        return new DecodedFrame(index, time, bgr.cols(), bgr.rows(), bgr, null, 0, 0, null, 0, false);
    }

    /** Takes over a packed YUV420P buffer (no row padding) of the stored picture, to be shown in {@code shape}. */
    static DecodedFrame ofPacked(long index, double time, FrameShape shape, BytePointer i420, int colorSpace, boolean fullRange) {
        return new DecodedFrame(index, time, shape.width(), shape.height(), null, i420, shape.storageWidth(),
                shape.storageHeight(), shape, colorSpace, fullRange);
    }

    public long index() {
        return index;
    }

    public double time() {
        return time;
    }

    /** The written frame's size (after crop and scaling). */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The frame as an 8-bit BGR Mat, converted on first use; owned by this frame. */
    public synchronized Mat bgr() {
        if (bgr == null) {
            bgr = YuvToBgr.forThread(stride, storedHeight, shape, colorSpace, fullRange).convert(i420);
            i420.close();
            i420 = null;
        }
        return bgr;
    }

    @Override
    public synchronized void close() {
        if (bgr != null) {
            bgr.close();
        }
        if (i420 != null) {
            i420.close();
        }
    }
}
