package org.aniprep.image;

/**
 * Sharpness as the variance of the Laplacian (4-neighbour kernel [0 1 0; 1 -4 1; 0 1 0]) of the
 * luma image, over interior pixels: blur and motion smear lower it, crisp line art raises it.
 */
public final class Sharpness {
    private Sharpness() {
    }

    public static double varianceOfLaplacian(RgbImage img) {
        return varianceOfLaplacian(LumaPlane.of(img));
    }

    public static double varianceOfLaplacian(LumaPlane plane) {
        int w = plane.width();
        int h = plane.height();
        if (w < 3 || h < 3) {
            return 0;
        }
        int[] luma = plane.luma();
        long sum = 0;
        long sumSq = 0;
        for (int y = 1; y < h - 1; y++) {
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                long lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4L * luma[i];
                sum += lap;
                sumSq += lap * lap;
            }
        }
        double n = (double) (w - 2) * (h - 2);
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }
}
