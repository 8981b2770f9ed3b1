package org.aniprep.dataset.caption;

import java.util.List;
import java.util.Set;

/**
 * The hair and eye tags that describe who a character is rather than what she does or wears: on an
 * image with named characters the name carries them, so {@code --prune-character-traits} drops them
 * (the seed's {@code --drop_hair_tag}/{@code --drop_eye_tag}, and the word rules of the successor's
 * level-0 character tags). A tag is a trait when its last word is one of {@link #TRAIT_ENDINGS}
 * ({@code long_hair}, {@code red_eyes}, {@code twin_braids}, {@code hair_between_eyes}) or it starts
 * with one of {@link #TRAIT_STARTS} ({@code hair_over_one_eye}); not when it is an action or a state
 * on the hair or eyes ({@code closed_eyes}, {@code hand_in_own_hair}, {@code floating_hair}) or an
 * accessory ({@code hair_ornament} ends with "ornament" and is kept).
 */
final class CharacterTraits {
    static final Set<String> TRAIT_ENDINGS = Set.of("hair", "eyes", "bangs", "twintails", "braid", "braids", "ponytail", "ahoge",
            "sidelocks", "bun", "buns", "pupils", "eyelashes", "eyebrows", "skin", "hime_cut", "bob_cut", "drill", "drills");
    static final List<String> TRAIT_STARTS = List.of("hair_over_", "hair_between_", "dark-skinned", "heterochromia", "hair_intakes");
    /** States, actions and expressions that happen to end with a trait word. */
    static final Set<String> NOT_TRAITS = Set.of("closed_eyes", "half-closed_eyes", "empty_eyes", "rolling_eyes", "glowing_eyes",
            "covering_eyes", "crying_with_eyes_open", "eyes_visible_through_hair", "hair_through_headwear", "floating_hair",
            "wet_hair", "hair_flowing_over", "pubic_hair", "fake_tail", "hand_in_own_hair", "hands_in_hair",
            "adjusting_hair", "holding_hair", "playing_with_own_hair", "hair_blowing", "tucking_hair", "wind-blown_hair",
            "grabbing_another's_hair", "hair_down", "hair_up", "wiping_eyes", "rubbing_eyes", "looking_at_another's_eyes");

    private CharacterTraits() {
    }

    static boolean isTrait(String canonical) {
        if (NOT_TRAITS.contains(canonical)) {
            return false;
        }
        for (String start : TRAIT_STARTS) {
            if (canonical.startsWith(start)) {
                return true;
            }
        }
        if (TRAIT_ENDINGS.contains(canonical)) {
            return true;
        }
        for (String end : TRAIT_ENDINGS) {
            if (canonical.endsWith("_" + end)) {
                return true;
            }
        }
        return false;
    }
}
