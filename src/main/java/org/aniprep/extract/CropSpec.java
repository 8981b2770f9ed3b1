package org.aniprep.extract;

import org.aniprep.sidecar.FrameGeometry.Crop;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --crop}: {@code auto} finds black bars per episode ({@link CropDetector}), {@code none}
 * keeps the stored picture whole, {@code W:H:X:Y} cuts that rectangle (storage samples, as
 * FFmpeg's {@code crop} filter) from every episode.
 */
public record CropSpec(Mode mode, Crop manual) {
    public enum Mode { AUTO, NONE, MANUAL }

    public static final CropSpec AUTO = new CropSpec(Mode.AUTO, null);
    public static final CropSpec NONE = new CropSpec(Mode.NONE, null);

    private static final Pattern RECT = Pattern.compile("(\\d+):(\\d+):(\\d+):(\\d+)");

    /** Parses the option's text; throws {@link IllegalArgumentException} with a message for the user. */
    public static CropSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("none")) {
            return NONE;
        }
        Matcher m = RECT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("--crop takes auto, none or W:H:X:Y (e.g. 1440:1080:240:0), not '" + text + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 8 || h < 8) {
            throw new IllegalArgumentException("--crop " + text + ": width and height must be at least 8 pixels");
        }
        return new CropSpec(Mode.MANUAL, new Crop(w, h, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), "manual"));
    }

    public String describe() {
        return mode == Mode.MANUAL ? describeCrop(manual) : mode.name().toLowerCase(Locale.ROOT);
    }

    /** {@code W:H:X:Y}. */
    public static String describeCrop(Crop c) {
        return c.width() + ":" + c.height() + ":" + c.x() + ":" + c.y();
    }
}
