package org.aniprep.dataset.metadata;

import org.aniprep.dataset.arrange.Level;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads character names back from the folder tree {@code aniprep arrange} builds, after a user moved
 * images between folders by hand ({@code metadata --from-folders}). The tree's levels are given as
 * for arrange ({@code n_characters,character,face_height_ratio} by default); folders above the levels
 * (a type folder, the source's structure) are allowed. The names are read at the character level:
 * {@code KuraueHinata+AobaKokona} is two names; {@code others} at the count level means no character;
 * {@code character_others} (a rare combination) says nothing about who is in the image.
 */
final class FolderNames {
    static final String OTHERS = "others";
    static final String CHARACTER_OTHERS = "character_others";
    // the seed's v0 wrote "6+_charcters"; both spellings are read
    private static final Pattern N_CHARACTERS = Pattern.compile("(\\d+)(\\+?)_chara?cters?");
    private static final Pattern N_FACES = Pattern.compile("(\\d+)(\\+?)_faces?");
    private static final Pattern FACE_RATIO = Pattern.compile("face_height_ratio_\\d+-\\d+");

    static final List<Level> DEFAULT_LEVELS = Level.DEFAULT;

    /**
     * What the folder says.
     *
     * @param names       the names at the character level (folder spelling), empty for no character;
     *                    null when the folder does not say who is in the image
     * @param countFolder the number the count folder states ({@code 6+_characters} → 6, {@code others} → 0), or null
     * @param atLeast     the count folder is an open {@code N+} one
     * @param folder      the folder relative to the tree's root, '/'-separated
     */
    record Label(List<String> names, Integer countFolder, boolean atLeast, String folder) {
        boolean saysWho() {
            return names != null;
        }
    }

    private FolderNames() {
    }

    /** arrange's {@code --levels}; without a character or count level the folders say no names. */
    static List<Level> parseLevels(String spec) {
        List<Level> out = Level.parse(spec);
        if (!out.contains(Level.CHARACTER) && !out.contains(Level.N_CHARACTERS)) {
            throw new IllegalArgumentException("--levels has neither 'character' nor 'n_characters': the folders say no names");
        }
        return out;
    }

    /** The label of {@code image} in the tree rooted at {@code root}. */
    static Label read(Path root, Path image, List<Level> levels) {
        Path parent = root.toAbsolutePath().normalize().relativize(image.toAbsolutePath().normalize()).getParent();
        List<String> parts = new ArrayList<>();
        if (parent != null) {
            parent.forEach(p -> parts.add(p.toString()));
        }
        String folder = String.join("/", parts);
        int countLevel = levels.indexOf(Level.N_CHARACTERS);
        if (countLevel >= 0) {
            return fromCountAnchor(parts, levels, countLevel, folder);
        }
        // no count level: the levels are the last folders
        int first = parts.size() - levels.size();
        int at = first + levels.indexOf(Level.CHARACTER);
        if (first < 0 || !plausible(parts, first, levels)) {
            return new Label(null, null, false, folder);
        }
        return new Label(names(parts.get(at)), null, false, folder);
    }

    private static Label fromCountAnchor(List<String> parts, List<Level> levels, int countLevel, String folder) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            String p = parts.get(i);
            if (p.equals(OTHERS)) {
                return new Label(List.of(), 0, false, folder);
            }
            Matcher m = N_CHARACTERS.matcher(p);
            if (!m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            boolean atLeast = !m.group(2).isEmpty();
            int charLevel = levels.indexOf(Level.CHARACTER);
            if (charLevel < 0) {
                return new Label(n == 0 ? List.of() : null, n, atLeast, folder);
            }
            int at = i + (charLevel - countLevel);
            if (n == 0) {
                return new Label(List.of(), 0, false, folder);
            }
            if (at < 0 || at >= parts.size() || charLevel < countLevel && at >= i) {
                return new Label(null, n, atLeast, folder);
            }
            return new Label(names(parts.get(at)), n, atLeast, folder);
        }
        return new Label(null, null, false, folder);
    }

    /** The last folders match the levels that have a fixed pattern. */
    private static boolean plausible(List<String> parts, int first, List<Level> levels) {
        for (int k = 0; k < levels.size(); k++) {
            String p = parts.get(first + k);
            boolean ok = switch (levels.get(k)) {
                case FACE_HEIGHT_RATIO -> FACE_RATIO.matcher(p).matches();
                case N_FACES -> N_FACES.matcher(p).matches();
                case N_CHARACTERS -> N_CHARACTERS.matcher(p).matches() || p.equals(OTHERS);
                case CHARACTER -> !FACE_RATIO.matcher(p).matches() && !N_FACES.matcher(p).matches();
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code A+B} → [A, B]; {@code character_others} → null (not said). */
    private static List<String> names(String part) {
        if (part.equals(CHARACTER_OTHERS) || FACE_RATIO.matcher(part).matches() || N_FACES.matcher(part).matches()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String n : part.split("\\+")) {
            if (!n.isBlank()) {
                out.add(n.strip());
            }
        }
        return out.isEmpty() ? null : out;
    }
}
