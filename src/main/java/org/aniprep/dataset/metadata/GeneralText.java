package org.aniprep.dataset.metadata;

import org.aniprep.sidecar.FrameSource;

import java.util.regex.Pattern;

/**
 * The seed's {@code general}: a description of the whole set ({@code --general}, default
 * {@code anishot}) plus the series and episode the frame came from, written as the seed wrote them:
 * {@code anishot yamaS2EP04}. The seed took the first two {@code _}-separated parts of the file name
 * ({@code yama_S2EP04_123.png}); here they come from the source section (prefix {@code yama},
 * season 2, episode 4), with the prefix's separators dropped ({@code Eileen_Show} →
 * {@code EileenShow}) so the episode stays one word.
 */
final class GeneralText {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.]+");
    private GeneralText() {
    }

    static String of(String general, FrameSource source) {
        String base = general == null ? "" : general.strip();
        if (source == null) {
            return base;
        }
        String prefix = source.prefix() == null ? "" : SEPARATORS.matcher(source.prefix()).replaceAll("");
        String number = (source.episode() >= 0 && source.episode() < 10 ? "0" : "") + source.episode();
        String episode = prefix + (source.season() == null ? "" : "S" + source.season()) + "EP" + number;
        return base.isEmpty() ? episode : base + " " + episode;
    }

    /** Imported fan art ({@code run --extra}): the set's description and {@code fanart} in place of an episode. */
    static String fanart(String general) {
        String base = general == null ? "" : general.strip();
        return base.isEmpty() ? "fanart" : base + " fanart";
    }
}
