package org.aniprep.image;

/**
 * Pillow's resampling filters (libImaging/Resample.c): the kernel and its support in source pixels
 * at scale 1. Downscaling widens the support by the scale factor, which is what makes Pillow's
 * BICUBIC/BILINEAR antialiased (unlike OpenCV's INTER_CUBIC/INTER_LINEAR or Java2D).
 */
public enum ResampleFilter {
    /** Pillow NEAREST: not a convolution; an affine nearest-neighbour lookup (Geometry.c). */
    NEAREST(0.0),
    /** Triangle filter. */
    BILINEAR(1.0),
    /** Keys cubic with a = -0.5 (Pillow's BICUBIC, its default for RGB since Pillow 7). */
    BICUBIC(2.0),
    /** sinc(x)·sinc(x/3) truncated at |x| < 3. */
    LANCZOS(3.0);

    private final double support;

    ResampleFilter(double support) {
        this.support = support;
    }

    double support() {
        return support;
    }

    double weight(double x) {
        switch (this) {
            case BILINEAR:
                x = Math.abs(x);
                return x < 1.0 ? 1.0 - x : 0.0;
            case BICUBIC:
                return bicubic(x);
            case LANCZOS:
                return -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3) : 0.0;
            default:
                throw new IllegalStateException(this + " has no convolution kernel");
        }
    }

    private static double bicubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        x = x * Math.PI;
        return Math.sin(x) / x;
    }
}
