package org.aniprep.extract;

import org.aniprep.sidecar.FrameGeometry;
import org.aniprep.sidecar.FrameGeometry.Crop;

/**
 * How one episode's stored pictures become written frames: the {@code crop} rectangle (storage
 * samples; the whole picture when null) is cut out, then scaled to square pixels at the display
 * aspect ratio, as a player shows it. Scaling only ever adds pixels: a sample aspect above 1 (an
 * anamorphic DVD's 32:27) widens the picture (720×480 → 854×480), one below 1 makes it taller.
 * Sizes are rounded to even numbers, as video filters need.
 */
public record FrameShape(int storageWidth, int storageHeight, int sarNum, int sarDen, Crop crop, int width, int height) {
    /** The shape for stored pictures of {@code w × h} with sample aspect {@code num:den} (0 or 0:0 = square) and an optional crop. */
    public static FrameShape of(int w, int h, int num, int den, Crop crop) {
        if (num <= 0 || den <= 0) {
            num = 1;
            den = 1;
        }
        int g = gcd(num, den);
        num /= g;
        den /= g;
        int cw = crop == null ? w : crop.width();
        int ch = crop == null ? h : crop.height();
        int outW = cw;
        int outH = ch;
        if (num > den) {
            outW = even((double) cw * num / den);
        } else if (num < den) {
            outH = even((double) ch * den / num);
        }
        return new FrameShape(w, h, num, den, crop, outW, outH);
    }

    /** Square pixels and no crop: frames are the stored pictures as they are. */
    public boolean identity() {
        return crop == null && width == storageWidth && height == storageHeight;
    }

    public int sourceX() {
        return crop == null ? 0 : crop.x();
    }

    public int sourceY() {
        return crop == null ? 0 : crop.y();
    }

    public int sourceWidth() {
        return crop == null ? storageWidth : crop.width();
    }

    public int sourceHeight() {
        return crop == null ? storageHeight : crop.height();
    }

    /** The record for the frame's {@code source} section. */
    public FrameGeometry record() {
        long dw = (long) storageWidth * sarNum;
        long dh = (long) storageHeight * sarDen;
        long g = gcd(dw, dh);
        return new FrameGeometry(storageWidth, storageHeight, sarNum + ":" + sarDen, (dw / g) + ":" + (dh / g), crop);
    }

    /** FFmpeg filters that do the same after the selection filter (for the external ffmpeg decoder); empty for the identity. */
    public String ffmpegFilters() {
        StringBuilder f = new StringBuilder();
        if (crop != null) {
            f.append("crop=").append(crop.width()).append(':').append(crop.height()).append(':')
                    .append(crop.x()).append(':').append(crop.y());
        }
        if (width != sourceWidth() || height != sourceHeight()) {
            f.append(f.length() > 0 ? "," : "").append("scale=").append(width).append(':').append(height)
                    .append(":flags=bicubic,setsar=1");
        }
        return f.toString();
    }

    private static int even(double v) {
        return (int) Math.max(2, 2 * Math.round(v / 2));
    }

    private static int gcd(int a, int b) {
        return (int) gcd((long) a, (long) b);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
