package org.aniprep.filter;

/**
 * The cheap per-frame measures the quality checks work from.
 *
 * @param mean      mean luma, 0..255
 * @param contrast  standard deviation of luma
 * @param flat      largest share of pixels whose luma lies within ±{@value FrameChecks#FLAT_HALF_WIDTH} of one level
 *                  (1 = a single flat colour)
 * @param level     the centre of that most common band of luma levels
 * @param sharpness variance of the Laplacian of luma ({@link org.aniprep.image.Sharpness}), at the frame's own size
 * @param thumb     luma shrunk to {@value FrameChecks#THUMB_W}×{@value FrameChecks#THUMB_H} by area averaging, for
 *                  comparing frames (cuts, fades)
 */
public record FrameScores(double mean, double contrast, double flat, int level, double sharpness, float[] thumb) {
    /** This frame's scores with the sharpness another stage already measured on the same image. */
    public FrameScores withSharpness(double s) {
        return new FrameScores(mean, contrast, flat, level, s, thumb);
    }
}
