package org.aniprep.extract;

import org.aniprep.sidecar.FrameGeometry.Crop;

import java.nio.ByteBuffer;

/**
 * Finds stable black borders the way FFmpeg's {@code cropdetect} does with {@code reset=0}: a row
 * or column is picture when its mean luma (stored value, integer mean) exceeds {@link #LIMIT}, and
 * the box grows over the sampled frames to the widest picture seen. A dark scene or an all-black
 * frame can thus only leave the box as wide as it was; it never shrinks the crop. Offsets are
 * rounded up and sizes down to even numbers (chroma subsampling), as cropdetect's rounding with
 * {@code round=2}.
 */
final class CropDetector {
    /** cropdetect's default black level (24 of 255): limited-range black is 16, compression noise a few more. */
    static final int LIMIT = 24;

    private final int width;
    private final int height;
    private int x1;
    private int x2;
    private int y1;
    private int y2;
    private int samples;

    CropDetector(int width, int height) {
        this.width = width;
        this.height = height;
        this.x1 = width - 1;
        this.y1 = height - 1;
    }

    /** Adds one frame's luma plane ({@code stride} bytes per row). */
    void add(ByteBuffer luma, int stride) {
        samples++;
        for (int y = 0; y < y1; y++) {
            if (rowMean(luma, stride, y) > LIMIT) {
                y1 = y;
                break;
            }
        }
        for (int y = height - 1; y > y2; y--) {
            if (rowMean(luma, stride, y) > LIMIT) {
                y2 = y;
                break;
            }
        }
        for (int x = 0; x < x1; x++) {
            if (columnMean(luma, stride, x) > LIMIT) {
                x1 = x;
                break;
            }
        }
        for (int x = width - 1; x > x2; x--) {
            if (columnMean(luma, stride, x) > LIMIT) {
                x2 = x;
                break;
            }
        }
    }

    int samples() {
        return samples;
    }

    /** The picture's box, or null when no frame showed any picture or there are no bars to cut. */
    Crop result() {
        if (x2 < x1 || y2 < y1) {
            return null;
        }
        int x = (x1 + 1) & ~1;
        int y = (y1 + 1) & ~1;
        int w = (x2 - x + 1) & ~1;
        int h = (y2 - y + 1) & ~1;
        if (w < 8 || h < 8 || w >= width - 1 && h >= height - 1) {
            return null;
        }
        return new Crop(w, h, x, y, "auto");
    }

    private int rowMean(ByteBuffer luma, int stride, int y) {
        long total = 0;
        int base = y * stride;
        for (int x = 0; x < width; x++) {
            total += luma.get(base + x) & 0xff;
        }
        return (int) (total / width);
    }

    private int columnMean(ByteBuffer luma, int stride, int x) {
        long total = 0;
        for (int y = 0; y < height; y++) {
            total += luma.get(y * stride + x) & 0xff;
        }
        return (int) (total / height);
    }
}
