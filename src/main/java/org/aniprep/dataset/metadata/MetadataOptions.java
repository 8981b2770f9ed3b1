package org.aniprep.dataset.metadata;

import org.aniprep.dataset.arrange.Level;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of {@code aniprep metadata}.
 *
 * @param src           the folder of images (recursive)
 * @param general       the general description ({@code anishot})
 * @param count         what {@code count} counts
 * @param fromFolders   read the names back from the folder tree (folder wins)
 * @param levels        the tree's levels, for {@code fromFolders}
 * @param alwaysFacepos write {@code facepos} even when faces and names do not correspond (the seed's
 *                      {@code --always_mark_facepos})
 * @param overwrite     replace keys edited by hand and names given by folders
 */
public record MetadataOptions(Path src, String general, CountMode count, boolean fromFolders, List<Level> levels,
                              boolean alwaysFacepos, boolean overwrite) {
    public static final String DEFAULT_GENERAL = "anishot";
    public static final String DEFAULT_LEVELS = "n_characters,character,face_height_ratio";

    public MetadataOptions {
        levels = List.copyOf(levels);
    }

    /** Parses {@code --levels}; an unknown or repeated level is an {@link IllegalArgumentException}. */
    public static List<Level> levels(String spec) {
        return FolderNames.parseLevels(spec);
    }
}
