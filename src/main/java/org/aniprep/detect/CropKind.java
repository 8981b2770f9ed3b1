package org.aniprep.detect;

/** What {@code --crop} cuts out of a frame, and how the crop rectangle is made from a box. */
public enum CropKind {
    NONE("none"),
    /** The face box grown to a square of 1.5× its longer side, clipped to the frame. */
    FACES("face"),
    /** The head box grown to a square of 1.5× its longer side, clipped (waifuc's 3-stage split). */
    HEADS("head"),
    /** The person box as is; kept only when its shorter side is at least {@link #MIN_PERSON_SIDE}. */
    PERSONS("person");

    /** The successor pipeline's MinSizeFilterAction(320) on person crops. */
    public static final int MIN_PERSON_SIDE = 320;
    static final double SQUARE_GROWTH = 1.5;

    private final String kind;

    CropKind(String kind) {
        this.kind = kind;
    }

    /** The detector kind it crops: {@code face}, {@code head} or {@code person}. */
    public String detectorKind() {
        return kind;
    }

    /** The crop rectangle {x0, y0, x1, y1} for a box, or null when the box makes no usable crop. */
    public int[] rect(Detection d, int width, int height) {
        if (this == PERSONS) {
            return Math.min(d.width(), d.height()) >= MIN_PERSON_SIDE ? new int[]{d.x0(), d.y0(), d.x1(), d.y1()} : null;
        }
        double side = SQUARE_GROWTH * Math.max(d.width(), d.height());
        int x0 = (int) Math.max(0, Math.round(d.centerX() - side / 2));
        int y0 = (int) Math.max(0, Math.round(d.centerY() - side / 2));
        int x1 = (int) Math.min(width, Math.round(d.centerX() + side / 2));
        int y1 = (int) Math.min(height, Math.round(d.centerY() + side / 2));
        return x1 - x0 >= 8 && y1 - y0 >= 8 ? new int[]{x0, y0, x1, y1} : null;
    }
}
