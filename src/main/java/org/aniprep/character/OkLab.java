package org.aniprep.character;

/**
 * sRGB → OKLab (Björn Ottosson, 2020): a perceptual colour space where Euclidean distance follows
 * perceived difference, lightness (L, 0..1) is apart from hue/chroma (a, b, about ±0.3), and a
 * change of lighting mostly moves L. Hair, eye and skin colours are compared in it.
 */
final class OkLab {
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private OkLab() {
    }

    /** Writes L, a, b of the 8-bit sRGB colour into {@code out[at..at+2]}. */
    static void fromSrgb(int r8, int g8, int b8, float[] out, int at) {
        double r = LINEAR[r8];
        double g = LINEAR[g8];
        double b = LINEAR[b8];
        double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
        double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        out[at] = (float) (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s);
        out[at + 1] = (float) (1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s);
        out[at + 2] = (float) (0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s);
    }

    /** 8-bit sRGB of an OKLab colour (clamped), as {r, g, b}. */
    static int[] toSrgb(double lab0, double lab1, double lab2) {
        double l = Math.pow(lab0 + 0.3963377774 * lab1 + 0.2158037573 * lab2, 3);
        double m = Math.pow(lab0 - 0.1055613458 * lab1 - 0.0638541728 * lab2, 3);
        double s = Math.pow(lab0 - 0.0894841775 * lab1 - 1.2914855480 * lab2, 3);
        double[] lin = {4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
                -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
                -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            double c = Math.max(0, Math.min(1, lin[i]));
            double e = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
            out[i] = (int) Math.round(e * 255);
        }
        return out;
    }
}
