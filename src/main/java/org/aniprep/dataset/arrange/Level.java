package org.aniprep.dataset.arrange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One level of the arranged tree, as the seed names them. */
public enum Level {
    /** {@code 1_character}, {@code 2_characters}, ..., {@code 6+_characters}; {@code others} without a character. */
    N_CHARACTERS("n_characters"),
    /** The sorted names joined with {@code +}; rare combinations become {@code character_others}. */
    CHARACTER("character"),
    /** {@code face_height_ratio_0-25} ... {@code face_height_ratio_75-100}: the tallest face over the image height. */
    FACE_HEIGHT_RATIO("face_height_ratio"),
    /** {@code 0_faces}, {@code 1_face}, {@code 2_faces}, ..., {@code 6+_faces}. */
    N_FACES("n_faces");

    public static final List<Level> DEFAULT = List.of(N_CHARACTERS, CHARACTER, FACE_HEIGHT_RATIO);

    private final String id;

    Level(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses {@code n_characters,character,face_height_ratio} (any subset, any order, no repeats). */
    public static List<Level> parse(String spec) {
        Set<Level> out = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            if (p.isEmpty()) {
                continue;
            }
            Level level = switch (p) {
                case "n_characters" -> N_CHARACTERS;
                case "character", "characters" -> CHARACTER;
                case "face_height_ratio", "fh_ratio" -> FACE_HEIGHT_RATIO;
                case "n_faces" -> N_FACES;
                default -> throw new IllegalArgumentException("unknown level '" + part.strip()
                        + "' (n_characters, character, face_height_ratio, n_faces)");
            };
            if (!out.add(level)) {
                throw new IllegalArgumentException("level '" + level.id + "' named twice");
            }
        }
        return new ArrayList<>(out);
    }
}
