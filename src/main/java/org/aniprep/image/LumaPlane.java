package org.aniprep.image;

/** The luma of an image at full resolution, one int 0..255 per pixel, row by row. */
public record LumaPlane(int width, int height, int[] luma) {
    /** Pillow's {@code convert("L")}: ITU-R 601 luma with its fixed-point rounding. */
    public static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    public static LumaPlane of(RgbImage img) {
        int[] out = new int[img.width() * img.height()];
        byte[] px = img.rgb();
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
            out[i] = luma(px[p] & 0xff, px[p + 1] & 0xff, px[p + 2] & 0xff);
        }
        return new LumaPlane(img.width(), img.height(), out);
    }
}
