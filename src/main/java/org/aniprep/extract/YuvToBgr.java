package org.aniprep.extract;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;


/**
 * Converts contiguous YUV420P frames to BGR with FFmpeg's swscale, honouring the stream's colour
 * matrix (BT.709 for HD anime) and range, with the
 * ffmpeg CLI's default flags; OpenCV's cvtColor would assume BT.601 and shift the colours. The
 * episode's {@link FrameShape} is applied in the same pass: the crop by starting the planes at its
 * corner, the scaling to square pixels by swscale (bicubic, as the CLI's {@code scale} filter).
 * Not thread-safe: one per thread ({@link #forThread}).
 */
final class YuvToBgr implements AutoCloseable {
    /** The ffmpeg CLI's default scaler flags; accurate rounding and full chroma interpolation cost 3x. */
    private static final int FLAGS = swscale.SWS_BICUBIC;
    /** Rows past the picture for swscale's overrun: 64 bytes at most (one SIMD block) is less than one row. */
    private static final int SPARE_ROWS = 1;
    private static final ThreadLocal<YuvToBgr> PER_THREAD = new ThreadLocal<>();
    private final int colorSpace;
    private final boolean fullRange;

    private final int stride;
    private final int height;
    private final FrameShape shape;
    private final SwsContext ctx;
    private final PointerPointer<BytePointer> srcData = new PointerPointer<>(4);
    private final IntPointer srcLines = new IntPointer(4);
    private final PointerPointer<BytePointer> dstData = new PointerPointer<>(4);
    private final IntPointer dstLines = new IntPointer(4);

    /** A converter for the calling thread, reused while the frame format stays the same. */
    static YuvToBgr forThread(int stride, int height, FrameShape shape, int colorSpace, boolean fullRange) {
        YuvToBgr c = PER_THREAD.get();
        if (c == null || c.stride != stride || c.height != height || !c.shape.equals(shape) || c.colorSpace != colorSpace
                || c.fullRange != fullRange) {
            if (c != null) {
                c.close();
            }
            c = new YuvToBgr(stride, height, shape, colorSpace, fullRange);
            PER_THREAD.set(c);
        }
        return c;
    }

    /** {@code stride}: bytes per luma row of the buffers to convert (chroma rows: half, rounded up). */
    YuvToBgr(int stride, int height, FrameShape shape, int colorSpace, boolean fullRange) {
        this.stride = stride;
        this.height = height;
        this.shape = shape;
        this.colorSpace = colorSpace;
        this.fullRange = fullRange;
        this.ctx = swscale.sws_getContext(shape.sourceWidth(), shape.sourceHeight(), avutil.AV_PIX_FMT_YUV420P,
                shape.width(), shape.height(), avutil.AV_PIX_FMT_BGR24, FLAGS, null, null, (DoublePointer) null);
        if (ctx == null) {
            throw new IllegalStateException("swscale cannot convert " + shape.sourceWidth() + "x" + shape.sourceHeight()
                    + " to " + shape.width() + "x" + shape.height());
        }
        int matrix = switch (colorSpace) {
            case avutil.AVCOL_SPC_BT709 -> swscale.SWS_CS_ITU709;
            case avutil.AVCOL_SPC_BT2020_NCL, avutil.AVCOL_SPC_BT2020_CL -> swscale.SWS_CS_BT2020;
            case avutil.AVCOL_SPC_UNSPECIFIED -> height >= 720 ? swscale.SWS_CS_ITU709 : swscale.SWS_CS_ITU601;
            default -> swscale.SWS_CS_ITU601;
        };
        IntPointer coefs = swscale.sws_getCoefficients(matrix);
        IntPointer rgbCoefs = swscale.sws_getCoefficients(swscale.SWS_CS_DEFAULT);
        swscale.sws_setColorspaceDetails(ctx, coefs, fullRange ? 1 : 0, rgbCoefs, 1, 0, 1 << 16, 1 << 16);
    }

    /** Converts a contiguous I420 buffer (planes one after the other) into a new BGR Mat of the shape's size. */
    Mat convert(BytePointer src) {
        int cStride = (stride + 1) / 2;
        long uStart = (long) stride * height;
        long vStart = uStart + (long) cStride * ((height + 1) / 2);
        int x = shape.sourceX();
        int y = shape.sourceY();
        srcData.put(0, src.getPointer(BytePointer.class, (long) y * stride + x));
        srcData.put(1, src.getPointer(BytePointer.class, uStart + (long) (y / 2) * cStride + x / 2));
        srcData.put(2, src.getPointer(BytePointer.class, vStart + (long) (y / 2) * cStride + x / 2));
        srcLines.put(0, stride).put(1, cStride).put(2, cStride);
        // swscale's SIMD converters write whole blocks of pixels: on a width that is not a multiple of 16
        // (a 316-wide crop) the last row runs past the end of an exact-size buffer and corrupts the heap.
        // Spare rows take that overrun; the rows handed out stay one continuous block.
        Mat padded = new Mat(shape.height() + SPARE_ROWS, shape.width(), opencv_core.CV_8UC3);
        dstData.put(0, padded.data());
        dstLines.put(0, (int) padded.step());
        swscale.sws_scale(ctx, srcData, srcLines, 0, shape.sourceHeight(), dstData, dstLines);
        Mat bgr = padded.rowRange(0, shape.height());
        padded.close(); // the row range keeps the pixels alive (OpenCV's reference count)
        return bgr;
    }

    @Override
    public void close() {
        swscale.sws_freeContext(ctx);
        srcData.close();
        srcLines.close();
        dstData.close();
        dstLines.close();
    }
}
