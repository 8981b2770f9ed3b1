package org.aniprep.dataset.caption;

import java.nio.file.Path;
import java.util.List;

/**
 * How the {@code tags} field of a caption is made from the seed's tag list (docs/dataset.md).
 *
 * @param max                   at most this many tags (the seed's 15)
 * @param shuffle               shuffle (seeded) before cutting to {@code max}; otherwise the tagger's order, most probable first
 * @param spaces                underscores to spaces ({@code long_hair} → {@code long hair}), kaomoji such as {@code ^_^} kept
 * @param escapeParentheses     {@code (} → {@code \(} and {@code )} → {@code \)}, as prompt syntax needs
 * @param drop                  tags never written; {@code *} matches any run of characters ({@code alternate_*})
 * @param pruneImplied          drop a tag implied by a more specific one present ({@code long_hair} under {@code very_long_hair})
 * @param implications          the implication table to use instead of the bundled one (CSV or Danbooru JSON), or null
 * @param pruneCharacterTraits  on images with named characters, drop their hair and eye tags (the name carries them)
 * @param coreTags              drop each character's core tags (frequent on its solo images) from its images' captions
 * @param coreThreshold         a tag on at least this share of a character's solo images is a core tag
 * @param coreMinImages         core tags are computed only for characters with at least this many solo images
 * @param coreTagsFile          read core tags from this file ({@code {"Name": ["tag", ...]}}) instead of computing them, or null
 */
public record TagSettings(int max, boolean shuffle, boolean spaces, boolean escapeParentheses, List<String> drop,
                          boolean pruneImplied, Path implications, boolean pruneCharacterTraits,
                          boolean coreTags, double coreThreshold, int coreMinImages, Path coreTagsFile) {
    public TagSettings {
        drop = List.copyOf(drop);
    }

    public static TagSettings defaults() {
        return new TagSettings(15, false, false, false, List.of(), true, null, false, true, 0.35, 5, null);
    }
}
