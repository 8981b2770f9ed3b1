package org.aniprep.dataset.metadata;

import java.util.Locale;

/** What the seed's {@code count} counts ({@code metadata --count}). */
public enum CountMode {
    /** Named characters (the classify section's, or the folder's with {@code --from-folders}). */
    CHARACTERS,
    /** Detected faces (the detect section's face count): the seed's default, {@code n_faces}. */
    FACES,
    /** People from the tagger's count tags, {@code 1girl}, {@code 2girls}, ..., {@code 6+boys}. */
    PEOPLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a record names, or null for an unknown name. */
    public static CountMode of(String id) {
        for (CountMode m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
