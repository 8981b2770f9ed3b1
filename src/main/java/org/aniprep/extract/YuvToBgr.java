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
 * ffmpeg CLI's default flags; OpenCV's cvtColor would assume BT.601 and shift the colours. Not
 * thread-safe: one per thread ({@link #forThread}).
 */
final class YuvToBgr implements AutoCloseable {
    /** The ffmpeg CLI's default scaler flags; accurate rounding and full chroma interpolation cost 3x. */
    private static final int FLAGS = swscale.SWS_BICUBIC;
    private static final ThreadLocal<YuvToBgr> PER_THREAD = new ThreadLocal<>();
    private final int colorSpace;
    private final boolean fullRange;

    private final int width;
    private final int height;
    private final SwsContext ctx;
    private final PointerPointer<BytePointer> srcData = new PointerPointer<>(4);
    private final IntPointer srcLines = new IntPointer(4);
    private final PointerPointer<BytePointer> dstData = new PointerPointer<>(4);
    private final IntPointer dstLines = new IntPointer(4);

    /** A converter for the calling thread, reused while the frame format stays the same. */
    static YuvToBgr forThread(int width, int height, int colorSpace, boolean fullRange) {
        YuvToBgr c = PER_THREAD.get();
        if (c == null || c.width != width || c.height != height || c.colorSpace != colorSpace || c.fullRange != fullRange) {
            if (c != null) {
                c.close();
            }
            c = new YuvToBgr(width, height, colorSpace, fullRange);
            PER_THREAD.set(c);
        }
        return c;
    }

    YuvToBgr(int width, int height, int colorSpace, boolean fullRange) {
        this.width = width;
        this.height = height;
        this.colorSpace = colorSpace;
        this.fullRange = fullRange;
        this.ctx = swscale.sws_getContext(width, height, avutil.AV_PIX_FMT_YUV420P,
                width, height, avutil.AV_PIX_FMT_BGR24, FLAGS, null, null, (DoublePointer) null);
        if (ctx == null) {
            throw new IllegalStateException("swscale cannot convert " + width + "x" + height);
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

    /** Converts a contiguous I420 buffer into a new BGR Mat. */
    Mat convert(BytePointer src) {
        avutil.av_image_fill_arrays(srcData, srcLines, src, avutil.AV_PIX_FMT_YUV420P, width, height, 1);
        Mat bgr = new Mat(height, width, opencv_core.CV_8UC3);
        dstData.put(0, bgr.data());
        dstLines.put(0, (int) bgr.step());
        swscale.sws_scale(ctx, srcData, srcLines, 0, height, dstData, dstLines);
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
