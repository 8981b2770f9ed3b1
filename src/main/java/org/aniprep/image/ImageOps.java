package org.aniprep.image;

/** Small geometric helpers the model preprocessors share. */
public final class ImageOps {
    private ImageOps() {
    }

    /**
     * Pastes the image onto a square canvas of side {@code max(w, h)} filled with (r, g, b), at
     * {@code ((m - w) / 2, (m - h) / 2)}: floor on the left/top, the odd pixel goes right/bottom, as
     * the WD14 references do with Pillow's {@code paste}. A square image is returned as is.
     */
    public static RgbImage padToSquare(RgbImage img, int r, int g, int b) {
        int w = img.width();
        int h = img.height();
        if (w == h) {
            return img;
        }
        int m = Math.max(w, h);
        RgbImage canvas = RgbImage.blank(m, m, r, g, b);
        int left = (m - w) / 2;
        int top = (m - h) / 2;
        byte[] dst = canvas.rgb();
        for (int y = 0; y < h; y++) {
            System.arraycopy(img.rgb(), y * w * 3, dst, ((top + y) * m + left) * 3, w * 3);
        }
        return canvas;
    }

    /** {@link #padToSquare} with white, the background every reference composites onto. */
    public static RgbImage padToWhiteSquare(RgbImage img) {
        return padToSquare(img, 255, 255, 255);
    }
}
