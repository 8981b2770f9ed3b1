package org.aniprep.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Decodes the PNGs every stage reads over and over (the extracted frames: 8-bit RGB, also 8-bit
 * grey and RGBA) with OpenCV's native decoder instead of ImageIO's, which spends most of its time in
 * Java filter loops: 2-3× faster on 1080p frames (docs/run.md, Speed). PNG is lossless, so the pixels
 * are the same either way. Anything else (16-bit, palette, transparency chunks, interlaced files)
 * and any file that is not whole goes back to ImageIO, whose errors name what is wrong.
 */
final class PngFastPath {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int GREY = 0;
    private static final int RGB = 2;
    private static final int RGBA = 6;

    /** A PNG's header fields that decide whether this path takes it. */
    record Header(int width, int height, int bitDepth, int colourType, boolean interlaced, boolean transparencyChunk) {
        boolean supported() {
            return bitDepth == 8 && (colourType == GREY || colourType == RGB || colourType == RGBA) && !interlaced
                    && !transparencyChunk;
        }
    }

    private PngFastPath() {
    }

    /**
     * The header of a PNG held in {@code bytes}, or null unless every chunk is whole with a good
     * checksum up to IEND: a truncated or damaged file is left to ImageIO, which says what is wrong
     * (OpenCV would only print its own warning).
     */
    static Header header(byte[] bytes) {
        if (bytes.length < 45) {
            return null;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return null;
            }
        }
        if (!"IHDR".equals(new String(bytes, 12, 4, StandardCharsets.US_ASCII)) || int32(bytes, 8) != 13) {
            return null;
        }
        boolean trns = false;
        boolean end = false;
        CRC32 crc = new CRC32();
        int p = 8;
        while (!end) {
            if (p + 12 > bytes.length) {
                return null;
            }
            int len = int32(bytes, p);
            if (len < 0 || len > bytes.length - p - 12) {
                return null;
            }
            crc.reset();
            crc.update(bytes, p + 4, len + 4);
            if ((int) crc.getValue() != int32(bytes, p + 8 + len)) {
                return null;
            }
            String type = new String(bytes, p + 4, 4, StandardCharsets.US_ASCII);
            trns |= type.equals("tRNS"); // ImageIO turns it into an alpha band
            end = type.equals("IEND");
            p += 12 + len;
        }
        return new Header(int32(bytes, 16), int32(bytes, 20), bytes[24] & 0xff, bytes[25] & 0xff, bytes[28] != 0, trns);
    }

    /** The decoded image (alpha composited on white as {@link ImageLoader#toRgb} does), or null to use ImageIO. */
    static RgbImage decode(byte[] bytes, Header header) {
        try (BytePointer data = new BytePointer(bytes);
             Mat buffer = new Mat(1, bytes.length, opencv_core.CV_8U, data);
             Mat m = opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_UNCHANGED)) {
            int channels = header.colourType() == GREY ? 1 : header.colourType() == RGB ? 3 : 4;
            if (m.empty() || m.cols() != header.width() || m.rows() != header.height() || m.channels() != channels
                    || m.depth() != opencv_core.CV_8U) {
                return null;
            }
            int w = m.cols();
            int h = m.rows();
            if (channels == 4) {
                return new RgbImage(w, h, onWhite(bytes(m, 4), w * h));
            }
            try (Mat rgb = new Mat()) {
                opencv_imgproc.cvtColor(m, rgb, channels == 1 ? opencv_imgproc.COLOR_GRAY2RGB : opencv_imgproc.COLOR_BGR2RGB);
                return new RgbImage(w, h, bytes(rgb, 3));
            }
        }
    }

    private static byte[] bytes(Mat m, int channels) {
        int w = m.cols();
        int h = m.rows();
        byte[] px = new byte[w * h * channels];
        if (m.isContinuous()) {
            m.data().get(px);
        } else {
            for (int y = 0; y < h; y++) {
                m.ptr(y).get(px, y * w * channels, w * channels);
            }
        }
        return px;
    }

    /** OpenCV's BGRA samples as RGB on white. */
    private static byte[] onWhite(byte[] px, int n) {
        byte[] out = new byte[n * 3];
        for (int i = 0, p = 0, o = 0; i < n; i++, p += 4, o += 3) {
            int b = px[p] & 0xff;
            int g = px[p + 1] & 0xff;
            int r = px[p + 2] & 0xff;
            int a = px[p + 3] & 0xff;
            if (a == 255) {
                out[o] = (byte) r;
                out[o + 1] = (byte) g;
                out[o + 2] = (byte) b;
            } else {
                out[o] = (byte) ImageLoader.onWhite(r, a);
                out[o + 1] = (byte) ImageLoader.onWhite(g, a);
                out[o + 2] = (byte) ImageLoader.onWhite(b, a);
            }
        }
        return out;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }
}
