package org.aniprep.extract;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes in the JVM with JavaCV's bundled (GPL) FFmpeg: frames are decoded to YUV420P and pushed
 * through the same {@code mpdecimate} filter the ffmpeg CLI uses, so the same frames are kept; only
 * kept frames are converted to BGR. Key-frame mode asks the decoder to skip non-key frames.
 */
public final class JavacvDecoder implements FrameDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(JavacvDecoder.class);
    private static final Set<String> CUVID_CODECS = Set.of("h264", "hevc", "av1", "vp9", "vp8", "mpeg2video", "mpeg4");
    private static final AtomicBoolean CUDA_FAILED = new AtomicBoolean();

    /** FFmpeg's own log lines only with --verbose: every failure is reported as one aniprep line instead. */
    private static final int FFMPEG_LOG_LEVEL = LOG.isDebugEnabled() ? avutil.AV_LOG_ERROR : avutil.AV_LOG_QUIET;

    static {
        avutil.av_log_set_level(FFMPEG_LOG_LEVEL);
    }

    private final FFmpegFrameGrabber grabber;
    private final FFmpegFrameFilter filter;
    private final VideoInfo info;
    private final int colorSpace;
    private final boolean fullRange;
    private final boolean keyframesOnly;
    private final FrameShape shape;
    private long decoded;
    private double firstTime = Double.NaN;
    private boolean flushed;
    private BytePointer packed;
    private Frame packedFrame;

    /** Frames as stored (no crop, no scaling). */
    public JavacvDecoder(Path video, Selection selection, Hwaccel hwaccel) throws IOException {
        this(video, selection, hwaccel, null);
    }

    /**
     * Frames in {@code shape} (null: as stored). The selection filter sees the stored pictures, so
     * its decisions do not depend on the shape; cropping and scaling happen in the BGR conversion
     * of the frames it keeps.
     */
    public JavacvDecoder(Path video, Selection selection, Hwaccel hwaccel, FrameShape shape) throws IOException {
        this.keyframesOnly = selection.keyframesOnly();
        this.grabber = open(video, selection, hwaccel);
        try {
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
                throw new IOException("has no video stream");
            }
            this.info = probeInfo(grabber);
            this.shape = shape != null ? shape : FrameShape.of(info.width(), info.height(), 1, 1, null);
            if (this.shape.storageWidth() != info.width() || this.shape.storageHeight() != info.height()) {
                throw new IOException("stores " + info.width() + "x" + info.height() + " pictures, not the "
                        + this.shape.storageWidth() + "x" + this.shape.storageHeight() + " probed before");
            }
            AVCodecParameters par = grabber.getFormatContext().streams(grabber.getVideoStream()).codecpar();
            this.colorSpace = par.color_space();
            this.fullRange = par.color_range() == avutil.AVCOL_RANGE_JPEG;
            if (selection.filter() != null) {
                filter = new FFmpegFrameFilter(selection.filter(), info.width(), info.height());
                filter.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                filter.setFrameRate(info.fps() > 0 ? info.fps() : 25);
                filter.start();
            } else {
                filter = null;
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Opens the container only, to read its size, rate and length (no decoding). */
    public static VideoInfo probe(Path video) throws IOException {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile());
        try {
            g.start();
            if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
                throw new IOException("has no video stream");
            }
            return probeInfo(g);
        } catch (FrameGrabber.Exception e) {
            throw new IOException(describe(e), e);
        } finally {
            try {
                g.release();
            } catch (FrameGrabber.Exception ignored) {
                // nothing useful to add to the original error
            }
        }
    }

    private static VideoInfo probeInfo(FFmpegFrameGrabber g) {
        double fps = g.getVideoFrameRate() > 0 ? g.getVideoFrameRate() : g.getFrameRate();
        double duration = g.getLengthInTime() / 1e6;
        long frames = g.getLengthInVideoFrames();
        if (frames <= 0 && duration > 0 && fps > 0) {
            frames = Math.round(duration * fps);
        }
        return new VideoInfo(g.getImageWidth(), g.getImageHeight(), fps, Math.max(frames, 0), duration, g.getVideoCodecName());
    }

    private static FFmpegFrameGrabber open(Path video, Selection selection, Hwaccel hwaccel) throws IOException {
        String codec = null;
        if (hwaccel != Hwaccel.NONE && !CUDA_FAILED.get()) {
            if (!NvidiaDriver.present()) {
                if (CUDA_FAILED.compareAndSet(false, true)) {
                    LOG.info("no NVIDIA driver found; decoding on the CPU");
                }
            } else {
                codec = probe(video).codec();
            }
        }
        if (codec != null && CUVID_CODECS.contains(codec)) {
            FFmpegFrameGrabber g = configure(new FFmpegFrameGrabber(video.toFile()), selection);
            g.setVideoCodecName(codec + "_cuvid");
            try {
                avutil.av_log_set_level(avutil.AV_LOG_FATAL);
                g.start();
                return g;
            } catch (FrameGrabber.Exception e) {
                if (CUDA_FAILED.compareAndSet(false, true)) {
                    LOG.info("CUDA decoding not available ({}); decoding on the CPU", describe(e));
                }
                try {
                    g.release();
                } catch (FrameGrabber.Exception ignored) {
                    // falling back anyway
                }
            } finally {
                avutil.av_log_set_level(FFMPEG_LOG_LEVEL);
            }
        }
        FFmpegFrameGrabber g = configure(new FFmpegFrameGrabber(video.toFile()), selection);
        try {
            g.start();
            return g;
        } catch (FrameGrabber.Exception e) {
            try {
                g.release();
            } catch (FrameGrabber.Exception ignored) {
                // report the open error
            }
            throw new IOException(describe(e), e);
        }
    }

    private static FFmpegFrameGrabber configure(FFmpegFrameGrabber g, Selection selection) {
        g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        g.setVideoOption("threads", "auto");
        if (selection.keyframesOnly()) {
            g.setVideoOption("skip_frame", "nointra");
        }
        return g;
    }

    static String describe(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.contains("Invalid data found")) {
            return "not a video file FFmpeg can read (invalid data)";
        }
        if (m.contains("avformat_open_input") || m.contains("Could not open input")) {
            return "not a video FFmpeg can open (another kind of file, or damaged/truncated before its index)";
        }
        return m;
    }

    @Override
    public VideoInfo info() {
        return info;
    }

    @Override
    public long decodedFrames() {
        return decoded;
    }

    @Override
    public DecodedFrame next() throws IOException {
        try {
            while (true) {
                Frame frame = flushed ? null : grabber.grabImage();
                if (frame == null) {
                    return flush();
                }
                long index = decoded++;
                double t = frame.timestamp / 1e6;
                if (Double.isNaN(firstTime)) {
                    firstTime = t;
                }
                double time = t - firstTime;
                if (keyframesOnly) {
                    long idx = info.fps() > 0 ? Math.round(time * info.fps()) : index;
                    return pixels(idx, time, frame);
                }
                filter.push(contiguous(frame), avutil.AV_PIX_FMT_YUV420P);
                Frame out = filter.pull();
                if (out != null) {
                    return pixels(index, time, out);
                }
            }
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new IOException("decoding failed after frame " + decoded + ": " + describe(e), e);
        }
    }

    private DecodedFrame pixels(long index, double time, Frame frame) throws IOException {
        if (frame.imageWidth != shape.storageWidth() || frame.imageHeight != shape.storageHeight()) {
            throw new IOException("the picture size changed mid-stream (" + frame.imageWidth + "x"
                    + frame.imageHeight + ", was " + shape.storageWidth() + "x" + shape.storageHeight() + ")");
        }
        Frame f = contiguous(frame);
        return DecodedFrame.ofI420(index, time, f.imageStride, f.imageHeight, shape, (ByteBuffer) f.image[0],
                colorSpace, fullRange);
    }

    /**
     * The frame with its three planes packed one after the other without row padding. The decoder
     * pads rows to its alignment (720 samples → 768 bytes), but JavaCV's filter input and our
     * conversion expect packed planes (FFmpegFrameFilter lays out the chroma planes from the width):
     * padded frames are repacked from their AVFrame, packed ones (multiples of 64 wide) pass as they are.
     */
    private Frame contiguous(Frame frame) {
        if (frame.imageStride == frame.imageWidth || !(frame.opaque instanceof AVFrame av)) {
            return frame;
        }
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int size = avutil.av_image_get_buffer_size(avutil.AV_PIX_FMT_YUV420P, w, h, 1);
        if (packed == null || packed.capacity() < size) {
            if (packed != null) {
                packed.close();
            }
            packed = new BytePointer(size).capacity(size);
            packedFrame = new Frame();
            packedFrame.imageDepth = Frame.DEPTH_UBYTE;
            packedFrame.imageChannels = 1;
            packedFrame.image = new java.nio.Buffer[]{packed.asBuffer()};
        }
        avutil.av_image_copy_to_buffer(packed.position(0), size, new PointerPointer<>(av), av.linesize(),
                avutil.AV_PIX_FMT_YUV420P, w, h, 1);
        packedFrame.imageWidth = w;
        packedFrame.imageHeight = h;
        packedFrame.imageStride = w;
        packedFrame.timestamp = frame.timestamp;
        packedFrame.image[0].position(0).limit(w * h);
        return packedFrame;
    }

    /** mpdecimate decides per frame without delay, so flushing only closes the graph cleanly. */
    private DecodedFrame flush() throws FrameFilter.Exception {
        if (!flushed && filter != null) {
            filter.push(null);
            while (filter.pull() != null) {
                LOG.debug("unexpected frame after end of stream");
            }
        }
        flushed = true;
        return null;
    }

    @Override
    public void close() throws IOException {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (filter != null) {
                filter.release();
            }
        } catch (FrameFilter.Exception ignored) {
            // releasing native resources; nothing to report
        }
        try {
            grabber.release();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // same
        }
        if (packed != null) {
            packed.close();
        }
    }
}
