package org.aniprep.filter;

import java.util.Locale;

/** Why a frame is rejected (or flagged), in the order a frame's reason is chosen when several apply. */
public enum Reason {
    BLACK, WHITE, UNIFORM, FLASH, FADE, CREDITS, TITLE_CARD, SUBTITLES, BLUR;

    /** The name in sidecars and reports, e.g. {@code title_card}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Reason of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** One line for the report. */
    public String describe() {
        return switch (this) {
            case BLACK -> "black frames (one flat dark colour)";
            case WHITE -> "white frames (one flat light colour)";
            case UNIFORM -> "near-uniform frames (one flat colour)";
            case FLASH -> "flashes: far brighter than the frames before and after";
            case FADE -> "fades: contrast ramping towards black or white against the rest of the shot";
            case CREDITS -> "credits: many lines of text";
            case TITLE_CARD -> "title cards: large text, or text on a flat or blurred background";
            case SUBTITLES -> "burned-in subtitles: one to three lines in the bottom or top band";
            case BLUR -> "blurred: far less sharp than the episode's typical frame";
        };
    }
}
