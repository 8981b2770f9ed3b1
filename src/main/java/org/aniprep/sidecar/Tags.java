package org.aniprep.sidecar;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Section {@code tag}: what a WD14 tagger saw in the image (schema 1 called it {@code tags}, which is
 * now the seed's tag list, see {@link SeedKeys}).
 *
 * @param model               id of the model (a built-in id, or the absolute path of a model file)
 * @param modelRepo           its Hugging Face repo, when it is a built-in model
 * @param preprocess          the preprocessing variant used ({@code wd14-a}: see model-specs.md §1.4)
 * @param generalThreshold    the general threshold applied (the MCut value when {@code generalMcut})
 * @param characterThreshold  the character threshold applied (the floored MCut value when {@code characterMcut})
 * @param rating              the most probable rating
 * @param ratings             every rating's probability
 * @param general             general tags above the threshold, most probable first; names with
 *                            spaces instead of underscores except kaomoji such as {@code ^_^}
 * @param character           character tags above the threshold, most probable first, same naming
 * @param tagsFile            true when aniprep also wrote {@code <image>.tags}
 */
public record Tags(String model, String modelRepo, String preprocess,
                   double generalThreshold, boolean generalMcut, double characterThreshold, boolean characterMcut,
                   String rating, Map<String, Double> ratings, List<Scored> general, List<Scored> character,
                   boolean tagsFile) {
    public static final String SECTION = "tag";

    /** Kept with underscores when other tags get spaces (the Space's and imgutils' list). */
    public static final Set<String> KAOMOJI = Set.of("0_0", "(o)_(o)", "+_+", "+_-", "._.", "<o>_<o>", "<|>_<|>", "=_=",
            ">_<", "3_3", "6_9", ">_o", "@_@", "^_^", "o_o", "u_u", "x_x", "|_|", "||_||");

    /** {@code long_hair} → {@code long hair}; kaomoji like {@code ^_^} stay as they are. */
    public static String displayName(String danbooruName) {
        return KAOMOJI.contains(danbooruName) ? danbooruName : danbooruName.replace('_', ' ');
    }

    /** {@code long hair} → {@code long_hair}, the Danbooru spelling the seed's tag lists use (kaomoji have no spaces). */
    public static String danbooruName(String displayName) {
        return displayName.strip().replace(' ', '_');
    }

    /** A tag and its probability. */
    public record Scored(String tag, double score) {
    }
}
