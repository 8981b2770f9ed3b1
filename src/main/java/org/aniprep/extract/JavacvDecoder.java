package org.aniprep.extract;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes in the JVM with JavaCV's bundled (GPL) FFmpeg: the decoder's frames go by reference
 * through the same {@code mpdecimate} filter the ffmpeg CLI uses ({@link FrameGraph}), so the same
 * frames are kept; only kept frames are copied out (as YUV420P) and converted to BGR. Key-frame mode
 * asks the decoder to skip non-key frames.
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
    private final String filters;
    private FrameGraph graph;
    private final VideoInfo info;
    private final int colorSpace;
    private final boolean fullRange;
    private final boolean keyframesOnly;
    private final FrameShape shape;
    private long decoded;
    private double firstTime = Double.NaN;
    private boolean flushed;

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
            this.filters = selection.filter();
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
        g.setImageMode(FrameGrabber.ImageMode.RAW);
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
                if (!(frame.opaque instanceof AVFrame picture)) {
                    throw new IOException("decoding failed after frame " + decoded + ": no picture from the decoder");
                }
                long index = decoded++;
                double t = frame.timestamp / 1e6;
                if (Double.isNaN(firstTime)) {
                    firstTime = t;
                }
                double time = t - firstTime;
                FrameGraph.Packed out;
                try {
                    if (graph == null) {
                        graph = FrameGraph.open(filters, picture, info.fps());
                    }
                    out = graph.push(picture, index);
                } catch (IOException e) {
                    throw new IOException("decoding failed after frame " + index + ": " + e.getMessage(), e);
                }
                if (out != null) {
                    long idx = keyframesOnly && info.fps() > 0 ? Math.round(time * info.fps()) : index;
                    return DecodedFrame.ofPacked(idx, time, shape, out.yuv(), colorSpace, fullRange(out.colorRange()));
                }
            }
        } catch (FrameGrabber.Exception e) {
            throw new IOException("decoding failed after frame " + decoded + ": " + describe(e), e);
        }
    }

    /** The range the frame says it has, else the stream's. */
    private boolean fullRange(int colorRange) {
        return switch (colorRange) {
            case avutil.AVCOL_RANGE_JPEG -> true;
            case avutil.AVCOL_RANGE_MPEG -> false;
            default -> fullRange;
        };
    }

    /** The per-frame filters hold no frames back, so flushing only closes the graph cleanly. */
    private DecodedFrame flush() throws IOException {
        if (!flushed && graph != null) {
            graph.flush();
        }
        flushed = true;
        return null;
    }

    @Override
    public void close() throws IOException {
        closeQuietly();
    }

    private void closeQuietly() {
        if (graph != null) {
            graph.close();
            graph = null;
        }
        try {
            grabber.release();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // same
        }
    }
}
