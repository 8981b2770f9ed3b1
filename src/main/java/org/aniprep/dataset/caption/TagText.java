package org.aniprep.dataset.caption;

import org.aniprep.sidecar.Tags;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tag spelling: the canonical Danbooru form used for matching, and the forms captions are written in. */
final class TagText {
    private TagText() {
    }

    /** {@code Long Hair} / {@code long hair} → {@code long_hair}; kaomoji stay as they are. */
    static String canonical(String tag) {
        return Tags.danbooruName(tag.strip().toLowerCase(Locale.ROOT)).replaceAll("_+", "_");
    }

    /** The written form: spaces for underscores when asked (kaomoji kept), parentheses escaped when asked. */
    static String written(String canonical, boolean spaces, boolean escape) {
        String s = spaces ? Tags.displayName(canonical) : canonical;
        return escape ? s.replace("(", "\\(").replace(")", "\\)") : s;
    }

    /** A drop-list entry as a pattern: {@code *} matches any run of characters, the rest literally. */
    static Pattern glob(String entry) {
        String[] parts = canonical(entry).split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            re.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}
