package org.aniprep.extract;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.util.Locale;

/**
 * Encodes BGR frames with OpenCV (the fastest encoder measured here: PNG about 2× faster than
 * FFmpeg's and ImageIO's). PNG uses zlib level 1: lossless like any level, several times faster
 * than the default 6 for about 10-20 % more bytes on flat-shaded anime.
 */
public enum FrameEncoder {
    PNG("png", opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 1),
    JPG("jpg", opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 95),
    WEBP("webp", opencv_imgcodecs.IMWRITE_WEBP_QUALITY, 95);

    private final String extension;
    private final int param;
    private final int value;

    FrameEncoder(String extension, int param, int value) {
        this.extension = extension;
        this.param = param;
        this.value = value;
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
        try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(param, value)) {
            if (!opencv_imgcodecs.imencode("." + extension, bgr, buf, params)) {
                throw new IOException("OpenCV could not encode " + extension);
            }
            byte[] bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
            return bytes;
        }
    }
}
