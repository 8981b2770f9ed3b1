package org.aniprep.detect;

import org.aniprep.image.RgbImage;

/** A frame grown by a border whose pixels repeat the nearest edge pixel (OpenCV's BORDER_REPLICATE). */
final class FramePad {
    private FramePad() {
    }

    static RgbImage replicate(RgbImage image, int pad) {
        int w = image.width();
        int h = image.height();
        int pw = w + 2 * pad;
        int ph = h + 2 * pad;
        byte[] src = image.rgb();
        byte[] out = new byte[pw * ph * 3];
        for (int y = 0; y < ph; y++) {
            int sy = Math.max(0, Math.min(h - 1, y - pad));
            int row = y * pw * 3;
            System.arraycopy(src, sy * w * 3, out, row + pad * 3, w * 3);
            for (int x = 0; x < pad; x++) {
                System.arraycopy(src, sy * w * 3, out, row + x * 3, 3);
                System.arraycopy(src, (sy * w + w - 1) * 3, out, row + (pad + w + x) * 3, 3);
            }
        }
        return new RgbImage(pw, ph, out);
    }
}
