package org.aniprep.testing;

import org.aniprep.image.RgbImage;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Decodes every frame of a (small) test video to RGB, for checking what a recorder wrote. */
public final class VideoFrames {
    /** What the container says, and the decoded frames. */
    public record Decoded(String codec, int pixelFormat, double fps, List<RgbImage> frames) {
    }

    private VideoFrames() {
    }

    public static Decoded decode(Path video) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            grabber.start();
            String codec = grabber.getVideoCodecName();
            int pixFmt = sourcePixelFormat(grabber);
            double fps = grabber.getFrameRate();
            List<RgbImage> frames = new ArrayList<>();
            Frame f;
            while ((f = grabber.grabImage()) != null) {
                frames.add(toRgb(f));
            }
            grabber.stop();
            return new Decoded(codec, pixFmt, fps, frames);
        }
    }

    private static int sourcePixelFormat(FFmpegFrameGrabber grabber) {
        var ctx = grabber.getFormatContext();
        for (int i = 0; i < ctx.nb_streams(); i++) {
            var par = ctx.streams(i).codecpar();
            if (par.codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return par.format();
            }
        }
        return -1;
    }

    /** Mean absolute difference per channel value (0 = identical, 255 = opposite). */
    public static double meanAbsDiff(RgbImage a, RgbImage b) {
        long sum = 0;
        byte[] x = a.rgb();
        byte[] y = b.rgb();
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        }
        return sum / (double) x.length;
    }

    private static RgbImage toRgb(Frame f) {
        ByteBuffer buf = (ByteBuffer) f.image[0];
        int w = f.imageWidth;
        int h = f.imageHeight;
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            buf.position(y * f.imageStride);
            buf.get(out, y * w * 3, w * 3);
        }
        buf.rewind();
        return new RgbImage(w, h, out);
    }
}
