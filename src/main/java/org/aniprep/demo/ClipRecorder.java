package org.aniprep.demo;

import org.aniprep.image.RgbImage;
import org.aniprep.io.AtomicFiles;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes frames to an H.264 mp4 (yuv420p, libx264 from JavaCV's GPL FFmpeg natives). The video is
 * written to a temp file beside the target and renamed into place by {@link #finish}; closing
 * without finishing (an exception while drawing) deletes the temp file, so a half-written clip is
 * never seen under the target name.
 *
 * <pre>{@code
 * try (ClipRecorder rec = ClipRecorder.open(path, ClipRecorder.Settings.of(640, 360))) {
 *     for (BufferedImage f : frames) rec.add(f);
 *     rec.finish();
 * }
 * }</pre>
 */
public final class ClipRecorder implements AutoCloseable {
    /**
     * Encoder settings. {@code crf} is libx264's constant rate factor (0 lossless .. 51; 18 is
     * visually lossless for flat-shaded art); {@code keyframeInterval} is the GOP size in frames;
     * {@code tune} is an x264 tune ("animation" suits cel shading) or null.
     */
    public record Settings(int width, int height, double fps, int crf, int keyframeInterval, String preset, String tune) {
        public Settings {
            if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("yuv420p needs a positive, even frame size, not " + width + "x" + height);
            }
            if (!(fps > 0) || crf < 0 || crf > 51 || keyframeInterval < 1) {
                throw new IllegalArgumentException("bad encoder settings: fps " + fps + ", crf " + crf
                        + ", keyframe interval " + keyframeInterval);
            }
        }

        /** 24 fps, CRF 18, a keyframe every 10 s (as TV encodes: long GOPs), preset veryfast, tune animation. */
        public static Settings of(int width, int height) {
            return new Settings(width, height, 24, 18, 240, "veryfast", "animation");
        }

        public Settings withFps(double f) {
            return new Settings(width, height, f, crf, keyframeInterval, preset, tune);
        }

        public Settings withCrf(int c) {
            return new Settings(width, height, fps, c, keyframeInterval, preset, tune);
        }

        public Settings withKeyframeInterval(int k) {
            return new Settings(width, height, fps, crf, k, preset, tune);
        }

        public Settings withPreset(String p, String t) {
            return new Settings(width, height, fps, crf, keyframeInterval, p, t);
        }
    }

    private final Path target;
    private final Path temp;
    private final Settings settings;
    private final FFmpegFrameRecorder recorder;
    private final ByteBuffer pixels;
    private final BufferedImage scratch;
    private long frames;
    private boolean finished;
    private boolean closed;

    private ClipRecorder(Path target, Path temp, Settings settings, FFmpegFrameRecorder recorder) {
        this.target = target;
        this.temp = temp;
        this.settings = settings;
        this.recorder = recorder;
        this.pixels = ByteBuffer.allocateDirect(settings.width() * settings.height() * 3);
        this.scratch = new BufferedImage(settings.width(), settings.height(), BufferedImage.TYPE_3BYTE_BGR);
    }

    /** Starts a clip that will appear at {@code target} when {@link #finish} is called. */
    public static ClipRecorder open(Path target, Settings settings) throws IOException {
        quietFfmpegLog();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = AtomicFiles.newTempFile(dir, ".mp4");
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(temp.toFile(), settings.width(), settings.height(), 0);
        rec.setFormat("mp4");
        rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.setFrameRate(settings.fps());
        rec.setGopSize(settings.keyframeInterval());
        rec.setVideoOption("crf", Integer.toString(settings.crf()));
        if (settings.preset() != null) {
            rec.setVideoOption("preset", settings.preset());
        }
        if (settings.tune() != null) {
            rec.setVideoOption("tune", settings.tune());
        }
        try {
            rec.start();
        } catch (FrameRecorder.Exception e) {
            release(rec);
            Files.deleteIfExists(temp);
            throw new IOException("cannot start the H.264 encoder for " + target + ": " + e.getMessage(), e);
        }
        return new ClipRecorder(target, temp, settings, rec);
    }

    public Settings settings() {
        return settings;
    }

    /** Frames added so far. */
    public long frames() {
        return frames;
    }

    /** Adds one frame; it must have the clip's size. Any image type (alpha is ignored). */
    public void add(BufferedImage frame) throws IOException {
        checkSize(frame.getWidth(), frame.getHeight());
        BufferedImage bgr = frame;
        if (!isPackedBgr(frame)) {
            Graphics2D g = scratch.createGraphics();
            g.drawImage(frame, 0, 0, null);
            g.dispose();
            bgr = scratch;
        }
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        encode(data, avutil.AV_PIX_FMT_BGR24);
    }

    /** Adds one frame; it must have the clip's size. */
    public void add(RgbImage frame) throws IOException {
        checkSize(frame.width(), frame.height());
        encode(frame.rgb(), avutil.AV_PIX_FMT_RGB24);
    }

    /** Adds the same frame {@code count} times (a held shot). */
    public void hold(BufferedImage frame, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            add(frame);
        }
    }

    /** Flushes the encoder and moves the finished clip to its target. */
    public void finish() throws IOException {
        if (closed) {
            throw new IllegalStateException("recorder already closed");
        }
        if (frames == 0) {
            throw new IOException("no frames were added to " + target);
        }
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot finish " + target + ": " + e.getMessage(), e);
        } finally {
            release(recorder);
            closed = true;
        }
        AtomicFiles.move(temp, target);
        finished = true;
    }

    /** Without a prior {@link #finish}: discards the clip (the target is left as it was). */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            release(recorder);
        }
        if (!finished) {
            Files.deleteIfExists(temp);
        }
    }

    private void encode(byte[] data, int pixelFormat) throws IOException {
        if (closed) {
            throw new IllegalStateException("recorder already closed");
        }
        pixels.clear();
        pixels.put(data, 0, settings.width() * settings.height() * 3);
        pixels.flip();
        try {
            recorder.recordImage(settings.width(), settings.height(), Frame.DEPTH_UBYTE, 3,
                    settings.width() * 3, pixelFormat, pixels);
        } catch (FrameRecorder.Exception e) {
            throw new IOException("encoding frame " + frames + " of " + target + " failed: " + e.getMessage(), e);
        }
        frames++;
    }

    /** True when the image's bytes are exactly B,G,R row by row (not a sub-image or another layout). */
    private static boolean isPackedBgr(BufferedImage img) {
        return img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && img.getRaster().getSampleModelTranslateX() == 0
                && img.getRaster().getSampleModelTranslateY() == 0
                && ((DataBufferByte) img.getRaster().getDataBuffer()).getData().length == img.getWidth() * img.getHeight() * 3;
    }

    private void checkSize(int w, int h) {
        if (w != settings.width() || h != settings.height()) {
            throw new IllegalArgumentException("frame is " + w + "x" + h + ", the clip is "
                    + settings.width() + "x" + settings.height());
        }
    }

    /** libx264 prints its statistics at info level for every clip; errors are all a user needs. */
    private static void quietFfmpegLog() {
        if (avutil.av_log_get_level() > avutil.AV_LOG_ERROR) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        }
    }

    private static void release(FFmpegFrameRecorder rec) {
        try {
            rec.release();
        } catch (FrameRecorder.Exception ignored) {
            // releasing after a failure: the temp file is deleted by the caller either way
        }
    }
}
