package org.aniprep.extract;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an external ffmpeg (e.g. a CUDA build) with the same selection filter and streams raw BGR
 * frames over a pipe into the same code path as {@link JavacvDecoder}. A {@code showinfo} filter
 * after the selection reports each kept frame's time and size on stderr, read on its own thread.
 */
public final class FfmpegCliDecoder implements FrameDecoder {
    private static final Pattern SHOWINFO = Pattern.compile("Parsed_showinfo.*?pts_time:\\s*(-?[0-9.]+).*?\\bs:(\\d+)x(\\d+)");
    private static final FrameMeta END = new FrameMeta(Double.NaN, 0, 0);

    private record FrameMeta(double ptsTime, int width, int height) {
    }

    private final Process process;
    private final DataInputStream frames;
    private final BlockingQueue<FrameMeta> metas = new LinkedBlockingQueue<>();
    private final Deque<String> errorTail = new ArrayDeque<>();
    private final VideoInfo info;
    private double firstTime = Double.NaN;
    private long position;

    public FfmpegCliDecoder(Path ffmpeg, Path video, Selection selection, Hwaccel hwaccel) throws IOException {
        this(ffmpeg, video, selection, hwaccel, null);
    }

    /** Frames in {@code shape} (null: as stored): crop and scale filters run after the selection filter. */
    public FfmpegCliDecoder(Path ffmpeg, Path video, Selection selection, Hwaccel hwaccel, FrameShape shape) throws IOException {
        this.info = JavacvDecoder.probe(video);
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "info"));
        if (hwaccel == Hwaccel.CUDA || hwaccel == Hwaccel.AUTO && NvidiaDriver.present() && FfmpegCli.supportsCuda(ffmpeg)) {
            cmd.addAll(List.of("-hwaccel", "cuda"));
        }
        if (selection.keyframesOnly()) {
            cmd.addAll(List.of("-skip_frame", "nointra"));
        }
        String shaping = shape == null ? "" : shape.ffmpegFilters();
        String vf = (selection.filter() == null ? "" : selection.filter() + ",") + (shaping.isEmpty() ? "" : shaping + ",")
                + "showinfo";
        cmd.addAll(List.of("-i", video.toAbsolutePath().toString(), "-map", "0:v:0", "-vf", vf,
                "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "bgr24", "-"));
        this.process = new ProcessBuilder(cmd).start();
        this.frames = new DataInputStream(process.getInputStream());
        Thread reader = new Thread(this::readStderr, "ffmpeg-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = SHOWINFO.matcher(line);
                if (m.find()) {
                    metas.add(new FrameMeta(Double.parseDouble(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                } else if (!line.contains("Parsed_showinfo") && !line.startsWith(" ")) {
                    synchronized (errorTail) {
                        errorTail.addLast(line);
                        if (errorTail.size() > 5) {
                            errorTail.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended; END below tells the decoder
        } finally {
            metas.add(END);
        }
    }

    @Override
    public VideoInfo info() {
        return info;
    }

    /** The pipe carries kept frames only: the position of the last one stands in for the decoded count. */
    @Override
    public long decodedFrames() {
        return position;
    }

    @Override
    public DecodedFrame next() throws IOException {
        FrameMeta meta;
        try {
            meta = metas.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (meta == END) {
            finish();
            return null;
        }
        Mat bgr = new Mat(meta.height(), meta.width(), opencv_core.CV_8UC3);
        byte[] row = new byte[meta.width() * 3];
        try {
            for (int y = 0; y < meta.height(); y++) {
                frames.readFully(row);
                bgr.ptr(y).put(row);
            }
        } catch (EOFException e) {
            bgr.close();
            finish();
            throw new IOException("ffmpeg stopped in the middle of a frame" + errors());
        }
        if (Double.isNaN(firstTime)) {
            firstTime = meta.ptsTime();
        }
        double time = meta.ptsTime() - firstTime;
        long index = info.fps() > 0 ? Math.round(time * info.fps()) : position;
        position = index + 1;
        return DecodedFrame.ofBgr(index, time, bgr);
    }

    private void finish() throws IOException {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ffmpeg did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (process.exitValue() != 0) {
            throw new IOException("ffmpeg failed (exit " + process.exitValue() + ")" + errors());
        }
    }

    private String errors() {
        synchronized (errorTail) {
            return errorTail.isEmpty() ? "" : ": " + String.join(" | ", errorTail);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
