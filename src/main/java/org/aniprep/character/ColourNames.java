package org.aniprep.character;

/**
 * Names an OKLab colour with the words of danbooru's hair and eye tags ({@code red}, {@code blonde},
 * {@code black}, ...), so a cluster named from the offline signature reads like one named from tags.
 */
public final class ColourNames {
    private ColourNames() {
    }

    public static String hair(ColourMode m) {
        String c = name(m);
        return c.equals("yellow") ? "blonde" : c;
    }

    public static String eyes(ColourMode m) {
        String c = name(m);
        return c.equals("black") ? "black" : c;
    }

    static String name(ColourMode m) {
        double l = m.l();
        double c = m.chroma();
        if (c < 0.035) {
            return l < 0.5 ? "black" : l > 0.8 ? "white" : "grey";
        }
        double h = Math.toDegrees(Math.atan2(m.b(), m.a()));
        if (h < 0) {
            h += 360;
        }
        if (h >= 330 || h < 45) {
            return l > 0.75 ? "pink" : "red";
        }
        if (h < 115) {
            if (l < 0.55) {
                return "brown";
            }
            return h < 75 ? "orange" : "yellow";
        }
        if (h < 175) {
            return "green";
        }
        if (h < 225) {
            return "aqua";
        }
        if (h < 285) {
            return "blue";
        }
        return "purple";
    }
}
