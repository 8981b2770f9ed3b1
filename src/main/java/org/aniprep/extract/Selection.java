package org.aniprep.extract;

/**
 * Which frames to keep: FFmpeg's mpdecimate with the given parameters (drops frames too similar to
 * the last kept one), or intra frames only (what the reference pipeline's select=eq(pict_type,I) keeps; the
 * decoder skips the other frames, so this mode is fast).
 */
public record Selection(boolean keyframesOnly, String mpdecimate) {
    /** The seed pipeline's parameters. */
    public static final String DEFAULT_MPDECIMATE = "hi=64*200:lo=64*50:frac=0.33";

    public static Selection mpdecimate(String params) {
        return new Selection(false, params == null || params.isBlank() ? DEFAULT_MPDECIMATE : params);
    }

    public static Selection keyframes() {
        return new Selection(true, null);
    }

    /** The filter graph text ({@code null} for key frames, which the decoder selects itself). */
    public String filter() {
        return keyframesOnly ? null : "mpdecimate=" + mpdecimate;
    }

    public String describe() {
        return keyframesOnly ? "keyframes" : "mpdecimate=" + mpdecimate;
    }
}
