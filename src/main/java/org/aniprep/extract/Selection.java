package org.aniprep.extract;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;

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

    /**
     * Checks the mpdecimate parameters with FFmpeg itself (a filter graph on a small frame), before any
     * work; throws {@link IllegalArgumentException} naming the option and what it accepts.
     */
    public void validate() {
        if (keyframesOnly) {
            return;
        }
        int level = avutil.av_log_get_level();
        avutil.av_log_set_level(avutil.AV_LOG_QUIET); // FFmpeg's own lines would name its internals
        FFmpegFrameFilter f = new FFmpegFrameFilter(filter(), 64, 64);
        try {
            f.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            f.setFrameRate(25);
            f.start();
        } catch (org.bytedeco.javacv.FrameFilter.Exception | RuntimeException e) {
            throw new IllegalArgumentException("--mpdecimate '" + mpdecimate + "' is not accepted by FFmpeg's mpdecimate filter; "
                    + "it takes key=value pairs joined by ':' with the keys max, keep, hi, lo and frac (default: "
                    + DEFAULT_MPDECIMATE + ")");
        } finally {
            try {
                f.close();
            } catch (org.bytedeco.javacv.FrameFilter.Exception | RuntimeException e) {
                // a graph that never started has nothing to free
            }
            avutil.av_log_set_level(level);
        }
    }
}
