package org.aniprep.sidecar;

import java.util.List;

/**
 * Section {@code filter}: the frame-quality checks' scores and the verdict. {@code verdict} is
 * {@code drop} or {@code keep}; {@code reason} is the check that dropped the frame (absent when kept);
 * {@code hits} lists every check that fired, also those the options keep (e.g. {@code subtitles}
 * under {@code --text keep}, {@code blur} by default), so later stages can skip or crop them.
 * {@code overruled} is the reason the checks would have dropped the frame for when the user kept it
 * ({@code review.frame.decision = keep}): the verdict is then {@code keep}.
 */
public record FilterInfo(String method, String verdict, String reason, List<String> hits, Scores scores, Text text, String overruled) {
    public static final String SECTION = "filter";
    public static final String DROP = "drop";
    public static final String KEEP = "keep";

    /**
     * @param lumaMean       mean luma 0..255
     * @param lumaStd        standard deviation of luma (contrast)
     * @param flat           share of pixels within ±10 levels of the most common luma band
     * @param flatLevel      that band's centre
     * @param sharpness      variance of the Laplacian of luma
     * @param sharpnessRatio sharpness ÷ contrast², as a share of the typical value in the frame's episode (absent without enough shots to tell)
     * @param flash          luma levels above the brighter of the frames before and after (absent: not a candidate)
     * @param fade           fade depth: 1 − contrast ÷ the shot's most contrasty frame (absent: no shot to compare with)
     * @param fadeTowards    {@code black} or {@code white}, with {@code fade}
     * @param shot           the frame's shot in its episode, counted from 0 in time order (absent: no time order)
     */
    public record Scores(double lumaMean, double lumaStd, double flat, int flatLevel, double sharpness,
                         Double sharpnessRatio, Double flash, Double fade, String fadeTowards, Integer shot) {
    }

    /**
     * @param model  the text detector's id
     * @param layout {@code none}, {@code subtitles}, {@code credits}, {@code title_card} or {@code other} (scene text)
     * @param lines  text lines found
     * @param boxes  text boxes {@code [x0, y0, x1, y1, score]}, coordinates as fractions of the frame
     * @param background detail of the picture outside the text (mean absolute Laplacian; low on flat or blurred cards)
     * @param width  frame width the boxes were found on (a changed image is detected again)
     * @param height frame height
     */
    public record Text(String model, String layout, int lines, List<List<Double>> boxes, double background, int width, int height) {
    }

    public FilterInfo(String method, String verdict, String reason, List<String> hits, Scores scores, Text text) {
        this(method, verdict, reason, hits, scores, text, null);
    }

    public boolean dropped() {
        return DROP.equals(verdict);
    }

    /** This verdict with the user's {@code keep} over it: kept, the checks' reason recorded as {@code overruled}. */
    public FilterInfo keptByUser() {
        return dropped() ? new FilterInfo(method, KEEP, null, hits, scores, text, reason) : this;
    }
}
