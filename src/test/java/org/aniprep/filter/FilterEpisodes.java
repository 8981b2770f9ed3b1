package org.aniprep.filter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.aniprep.filter.FilterClips.blurred;
import static org.aniprep.filter.FilterClips.credits;
import static org.aniprep.filter.FilterClips.fadeIn;
import static org.aniprep.filter.FilterClips.fadeOut;
import static org.aniprep.filter.FilterClips.flash;
import static org.aniprep.filter.FilterClips.flat;
import static org.aniprep.filter.FilterClips.hold;
import static org.aniprep.filter.FilterClips.motionBlurred;
import static org.aniprep.filter.FilterClips.night;
import static org.aniprep.filter.FilterClips.pan;
import static org.aniprep.filter.FilterClips.sign;
import static org.aniprep.filter.FilterClips.subtitled;
import static org.aniprep.filter.FilterClips.title;

/** The filter's test episodes: the command test's and two more with other art, texts and effects (docs/filter.md). */
final class FilterEpisodes {
    private FilterEpisodes() {
    }

    static final String[] CREDITS = {"Director  Eileen Ito", "Script  Lucy Ando", "Music  The Band", "Animation  Studio Nine",
            "Colour  Mika Sato"};

    /** Episode 1: fade in, subtitle, a night scene with a flash, a pan, fade to white, white, black, title, credits. */
    static FilterClips.Episode first(FilterClips c, Path video) throws IOException, InterruptedException {
        Path a = c.still("bg_washington.jpg", "eileen_happy", "480");
        Path a2 = c.still("bg_washington.jpg", "eileen_vhappy", "560");
        Path b = c.still("bg_cave.jpg", "lucy_mad", "420");
        Path night = c.still("bg_whitehouse.jpg", "eileen_concerned", "560", "lucy_happy", "330");
        Path end = c.still("bg_whitehouse.jpg", "lucy_happy", "480");
        return FilterClips.record(video, List.of(
                fadeIn("fade_in", a, 2.0, 0.75, "null"),
                subtitled("subtitle", b, 1.5, "I will never forgive you!", false, 22),
                night("night", night, 1.5),
                flash("night_flash", night, 1.0, 10, 2, true),
                pan("pan", c.wide("bg_cave.jpg", "lucy_happy", 520), 2.0, 6),
                fadeOut("fade_to_white", a2, 2.0, 0.75, "white"),
                flat("white", "white", 0.25, Reason.WHITE),
                flat("black", "black", 0.5, Reason.BLACK),
                title("title", "0x1a2a4a", 1.0, "Episode 3", 56),
                credits("credits", b, 1.0, CREDITS, 4),
                hold("end", end, 1.0)));
    }

    /** Episode 2: concert CGs, fade from white, two-line top subtitles, a night scene fading in, a sign, blur, title on a blurred scene. */
    static FilterClips.Episode second(FilterClips c, Path video) throws IOException, InterruptedException {
        Path concert = c.picture("concert1.png");
        Path concert3 = c.picture("concert3.png");
        Path room = c.still("bg_whitehouse.jpg", "lucy_mad", "300", "eileen_happy", "640");
        Path cave = c.still("bg_cave.jpg", "eileen_concerned", "480");
        return FilterClips.record(video, List.of(
                new FilterClips.Segment("fade_from_white", FilterClips.frames(1.5), FilterClips.loop(concert),
                        "fade=t=in:st=0:d=0.6:color=white",
                        k -> k < FilterClips.frames(0.6) ? FilterClips.fading(k, FilterClips.frames(0.6), Reason.WHITE) : FilterClips.Expect.CLEAN),
                subtitled("top_subtitle", room, 1.5, "(The next morning)\nEileen's room", true, 20),
                fadeIn("night_fade_in", cave, 2.0, 1.0, "eq=brightness=-0.32:contrast=0.55:saturation=0.7"),
                flash("day_flash", room, 1.0, 8, 1, false),
                sign("sign", cave, 1.0, "CAVE OF TRIALS"),
                blurred("defocus", concert3, 1.0, 4),
                title("title_on_blur", room, 1.0, "The Long Night", 48),
                credits("credits_on_black", "black", 1.0, CREDITS, 4),
                fadeOut("fade_out", concert3, 1.5, 0.75, "black")));
    }

    /** Episode 3: a grey card, a long slow fade, large two-line subtitles, small subtitles, motion blur, a two-line title. */
    static FilterClips.Episode third(FilterClips c, Path video) throws IOException, InterruptedException {
        Path lucy = c.still("bg_washington.jpg", "lucy_happy", "400", "eileen_vhappy", "700");
        Path cave = c.still("bg_cave.jpg", "lucy_happy", "520");
        Path concert = c.picture("concert1.png");
        return FilterClips.record(video, List.of(
                flat("grey_card", "0x808890", 0.5, Reason.UNIFORM),
                fadeIn("slow_fade_in", lucy, 3.0, 2.0, "null"),
                subtitled("big_subtitle", cave, 1.5, "You came all this way\njust to see me?", false, 28),
                subtitled("small_subtitle", concert, 1.5, "Thank you, everyone!", false, 16),
                motionBlurred("motion_blur", cave, 0.5, 24),
                hold("clean", lucy, 1.0),
                title("two_line_title", "0x300818", 1.0, "Chapter Two\nThe Cave", 44),
                night("night_only", lucy, 1.5),
                pan("slow_pan", c.wide("bg_washington.jpg", "eileen_happy", 480), 2.0, 2)));
    }
    /**
     * Episode 4, held out (written after the thresholds were set, never tuned on): other pairings,
     * durations, sizes and strengths than episodes 1-3.
     */
    static FilterClips.Episode fourth(FilterClips c, Path video) throws IOException, InterruptedException {
        Path duo = c.still("bg_cave.jpg", "eileen_vhappy", "360", "lucy_happy", "620");
        Path lone = c.still("bg_washington.jpg", "lucy_mad", "600");
        Path room = c.still("bg_whitehouse.jpg", "eileen_happy", "380");
        Path concert = c.picture("concert3.png");
        return FilterClips.record(video, List.of(
                fadeIn("quick_fade_in", duo, 1.5, 0.5, "null"),
                subtitled("subtitle_24", lone, 1.2, "Where were you last night?", false, 24),
                flat("white_flash", "white", 0.05, Reason.WHITE),
                hold("after_white", lone, 1.0),
                flash("three_frame_flash", room, 1.2, 12, 3, false),
                pan("fast_pan", c.wide("bg_whitehouse.jpg", "lucy_mad", 600), 1.0, 12),
                blurred("mild_defocus", concert, 1.0, 2.5),
                motionBlurred("short_smear", room, 0.5, 12),
                flat("blue_card", "0x1030a0", 0.4, Reason.UNIFORM),
                title("title_on_scene", duo, 1.2, "Final Episode\nTomorrow", 40),
                credits("credits_fast", duo, 1.0, new String[]{"Producer  Aya Mori", "Editor  Ken Oda", "Sound  Rin Kato",
                        "Theme  Blue Sky"}, 6),
                fadeOut("long_fade_out", lone, 2.5, 1.5, "black")));
    }

    /** Episode 5, held out: a dark episode (night scenes throughout), subtitles at the top and bottom, a sign. */
    static FilterClips.Episode fifth(FilterClips c, Path video) throws IOException, InterruptedException {
        Path cave = c.still("bg_cave.jpg", "lucy_mad", "300", "eileen_concerned", "650");
        Path street = c.still("bg_washington.jpg", "eileen_concerned", "450");
        Path hall = c.still("bg_whitehouse.jpg", "lucy_happy", "560");
        return FilterClips.record(video, List.of(
                night("night_cave", cave, 1.5),
                subtitled("night_subtitle", street, 1.2, "Is anyone there?", false, 20),
                night("night_street", street, 1.0),
                flash("lightning", street, 1.0, 6, 1, true),
                night("night_hall", hall, 1.0),
                sign("night_sign", hall, 1.0, "EXIT"),
                fadeIn("dawn", hall, 2.0, 1.2, "null"),
                subtitled("top_note", cave, 1.0, "Three days later", true, 18),
                hold("day_cave", cave, 1.0)));
    }
}
