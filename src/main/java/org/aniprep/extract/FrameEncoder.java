package org.aniprep.extract;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.util.Locale;

/**
 * Encodes BGR frames with OpenCV (the fastest encoder measured here: PNG about 2× faster than
 * FFmpeg's and ImageIO's). PNG uses zlib level 1 with the RLE strategy: lossless like any setting;
 * on a flat-shaded 720p frame it was 23 % faster and 26 % smaller than level 1's default strategy,
 * on a painted 1080p frame 23 % faster and 10 % smaller (level 6: 1.4-2.8× slower).
 */
public enum FrameEncoder {
    PNG("png", opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 1, opencv_imgcodecs.IMWRITE_PNG_STRATEGY,
            opencv_imgcodecs.IMWRITE_PNG_STRATEGY_RLE),
    JPG("jpg", opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 95),
    WEBP("webp", opencv_imgcodecs.IMWRITE_WEBP_QUALITY, 95);

    private final String extension;
    private final int[] params;

    FrameEncoder(String extension, int... params) {
        this.extension = extension;
        this.params = params;
    }

    public String extension() {
        return extension;
    }

    public static FrameEncoder of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "png" -> PNG;
            case "jpg", "jpeg" -> JPG;
            case "webp" -> WEBP;
            default -> throw new IllegalArgumentException("unknown image format '" + name + "' (png, jpg or webp)");
        };
    }

    public byte[] encode(Mat bgr) throws IOException {
        try (BytePointer buf = new BytePointer(); IntPointer p = new IntPointer(params)) {
            if (!opencv_imgcodecs.imencode("." + extension, bgr, buf, p)) {
                throw new IOException("OpenCV could not encode " + extension);
            }
            byte[] bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
            return bytes;
        }
    }
}
