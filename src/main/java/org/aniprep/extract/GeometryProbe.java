package org.aniprep.extract;

import org.aniprep.sidecar.FrameGeometry.Crop;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds an episode's {@link FrameShape} before extraction: the stream's sample aspect ratio (as
 * FFmpeg guesses it: the container's, else the codec's) and, with {@code --crop auto}, its black
 * bars. Bars are looked for on key frames spread over the whole episode (the first one, then one
 * seek per {@link #SECONDS_PER_SAMPLE} seconds, {@link #MIN_SAMPLES} to {@link #MAX_SAMPLES} samples;
 * only key frames are decoded, so this costs a few dozen frame decodes), and the crop is the widest
 * picture seen on any of them (as HandBrake's preview-based autocrop, and cropdetect with
 * {@code reset=0}).
 */
final class GeometryProbe {
    private static final Logger LOG = LoggerFactory.getLogger(GeometryProbe.class);
    static final double SECONDS_PER_SAMPLE = 20;
    static final int MIN_SAMPLES = 8;
    static final int MAX_SAMPLES = 60;

    private GeometryProbe() {
    }

    static FrameShape find(Path video, CropSpec spec) throws IOException {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile());
        try {
            g.start();
            if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
                throw new IOException("has no video stream");
            }
            int w = g.getImageWidth();
            int h = g.getImageHeight();
            AVStream stream = g.getFormatContext().streams(g.getVideoStream());
            AVRational sar = avformat.av_guess_sample_aspect_ratio(g.getFormatContext(), stream, null);
            Crop crop = switch (spec.mode()) {
                case NONE -> null;
                case MANUAL -> checked(spec.manual(), w, h);
                case AUTO -> detect(g, w, h, video);
            };
            return FrameShape.of(w, h, sar.num(), sar.den(), crop);
        } catch (FrameGrabber.Exception e) {
            throw new IOException(JavacvDecoder.describe(e), e);
        } finally {
            try {
                g.release();
            } catch (FrameGrabber.Exception ignored) {
                // the probe's result (or error) is what matters
            }
        }
    }

    private static Crop checked(Crop c, int w, int h) throws IOException {
        if (c.x() + c.width() > w || c.y() + c.height() > h) {
            throw new IOException("--crop " + c.width() + ":" + c.height() + ":" + c.x() + ":" + c.y()
                    + " does not fit in its " + w + "x" + h + " picture");
        }
        if (c.x() % 2 != 0 || c.y() % 2 != 0 || c.width() % 2 != 0 || c.height() % 2 != 0) {
            throw new IOException("--crop needs even numbers for this video's 4:2:0 colour (" + c.width() + ":"
                    + c.height() + ":" + c.x() + ":" + c.y() + ")");
        }
        return c.width() == w && c.height() == h ? null : c;
    }

    private static Crop detect(FFmpegFrameGrabber g, int w, int h, Path video) throws IOException {
        CropDetector detector = new CropDetector(w, h);
        double duration = g.getLengthInTime() / 1e6;
        int n = (int) Math.max(MIN_SAMPLES, Math.min(MAX_SAMPLES, Math.round(duration / SECONDS_PER_SAMPLE)));
        Set<Long> seen = new HashSet<>();
        try (KeyFrameSampler keyFrames = new KeyFrameSampler(video)) {
            for (int i = 0; i < n; i++) {
                // the first key frame, then the first key frame at or after each of n - 1 evenly spaced times
                if (i > 0 && duration <= 0) {
                    break;
                }
                KeyFrameSampler.Luma f = keyFrames.at(i == 0 ? 0 : duration * i / n);
                if (f == null) {
                    break; // no key frame after this time: none after the later ones either
                }
                if (seen.add(f.pts())) {
                    detector.add(f.plane(), f.stride());
                }
            }
        }
        Crop crop = detector.result();
        LOG.debug("{}: {} key frame(s) sampled for black bars: {}", video.getFileName(), detector.samples(),
                crop == null ? "none" : crop.width() + ":" + crop.height() + ":" + crop.x() + ":" + crop.y());
        return crop;
    }
}
