package org.aniprep.dedup;

/**
 * Follows camera moves (pans, tilts, slow zooms) through one episode's frames in time order. A frame
 * continues a move when it is its predecessor moved rigidly: the two align ({@link CameraMove}) with
 * at most {@link #MAX_DISAGREE} of the overlap disagreeing and a mean difference of at most
 * {@link #MAX_MEAN_DIFF} grey levels (measured in docs/dedup.md), they overlap by at least
 * {@link #MIN_PAIR_OVERLAP}, the camera did move, and at most {@link #MAX_GAP_SECONDS} lie between
 * them. Along a move the tracker adds up the motion since the move's current <em>view</em> (its
 * first frame, then each frame that showed a new view) and answers, per frame:
 * <ul>
 * <li>{@link Step#STILL}: not part of a move (a cut, a still shot, characters moving on a still
 * background): dedup as usual. It is also where a move starts: its next frames are compared with it.</li>
 * <li>{@link Step#SAME_VIEW}: a move's frame whose view still shares at least {@link #NEW_VIEW_OVERLAP}
 * of its area with the view's frame: a duplicate of it.</li>
 * <li>{@link Step#NEW_VIEW}: more than half of the picture is new: a frame to keep, the next view.</li>
 * </ul>
 * {@link Result#lastOfMove} says that the previous frame ended a move as a {@code SAME_VIEW} frame:
 * the move's last view, also worth keeping (first and last frames of a pan, plus one per half frame).
 */
final class PanTracker {
    static final double MAX_DISAGREE = 0.12;
    static final double MAX_MEAN_DIFF = 9;
    static final double MIN_PAIR_OVERLAP = 0.6;
    static final double NEW_VIEW_OVERLAP = 0.5;
    static final double MAX_GAP_SECONDS = 0.5;

    enum Step { STILL, SAME_VIEW, NEW_VIEW }

    record Result(Step step, boolean lastOfMove, CameraMove move, double viewOverlap) {
    }

    private Thumbnail previous;
    private double previousTime;
    private boolean previousWasSameView;
    /** The view frame → previous frame: p_previous = scale · p_view + (tx, ty), thumbnail pixels about the centre. */
    private double scale = 1;
    private double tx;
    private double ty;

    Result offer(Thumbnail frame, double time) {
        return offer(frame, time, comparable(previousTime, time) && previous != null ? CameraMove.between(previous, frame) : null);
    }

    /**
     * @param move {@code CameraMove.between} the previous frame's thumbnail and this one, measured
     *             ahead (on another thread) when the two are {@link #comparable}; else ignored
     */
    Result offer(Thumbnail frame, double time, CameraMove move) {
        if (previous == null || !comparable(previousTime, time) || move == null) {
            move = CameraMove.NONE;
        }
        boolean continues = continues(move);
        boolean ended = !continues && previousWasSameView;
        previous = frame;
        previousTime = time;
        if (!continues) {
            restartView();
            previousWasSameView = false;
            return new Result(Step.STILL, ended, move, 1);
        }
        double s = scale * move.scale();
        double x = move.scale() * tx + move.dx();
        double y = move.scale() * ty + move.dy();
        double overlap = viewOverlap(s, x, y, frame.width(), frame.height());
        if (overlap < NEW_VIEW_OVERLAP) {
            restartView();
            previousWasSameView = false;
            return new Result(Step.NEW_VIEW, false, move, overlap);
        }
        scale = s;
        tx = x;
        ty = y;
        previousWasSameView = true;
        return new Result(Step.SAME_VIEW, false, move, overlap);
    }

    /** Whether the frame is its predecessor moved rigidly ({@code move} measured between them; null: not measured). */
    static boolean continues(CameraMove move) {
        return move != null && move.moves() && move.disagree() <= MAX_DISAGREE && move.meanDiff() <= MAX_MEAN_DIFF
                && move.overlap() >= MIN_PAIR_OVERLAP;
    }

    /** Whether a frame at {@code time} is compared with its predecessor at {@code previousTime} at all. */
    static boolean comparable(double previousTime, double time) {
        return time - previousTime <= MAX_GAP_SECONDS;
    }

    /** The episode is over: whether its last frame ended a move as a {@code SAME_VIEW} frame. */
    boolean endsInMove() {
        return previousWasSameView;
    }

    private void restartView() {
        scale = 1;
        tx = 0;
        ty = 0;
    }

    /**
     * The share of the larger of the two views that both show: the current frame's view, mapped back
     * into the view frame's coordinates, intersected with the view frame.
     */
    static double viewOverlap(double s, double x, double y, int w, int h) {
        double halfW = w / 2.0;
        double halfH = h / 2.0;
        double cx = -x / s;
        double cy = -y / s;
        double ix = Math.max(0, Math.min(halfW, cx + halfW / s) - Math.max(-halfW, cx - halfW / s));
        double iy = Math.max(0, Math.min(halfH, cy + halfH / s) - Math.max(-halfH, cy - halfH / s));
        double current = (double) w * h / (s * s);
        return ix * iy / Math.max((double) w * h, current);
    }
}
