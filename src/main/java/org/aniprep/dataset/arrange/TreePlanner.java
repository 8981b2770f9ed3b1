package org.aniprep.dataset.arrange;

import org.aniprep.io.SafePaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The folder each image goes to: an optional type folder ({@code screenshots}, {@code fanart},
 * the regularisation folder), the source's sub-folders with {@code --keep-src-structure}, then one
 * part per level. Names from data pass {@link SafePaths}; a character combination with fewer than
 * {@code minPerCombination} images (counted under the same parent folder) becomes
 * {@code character_others}, as does a name too long for a folder.
 */
final class TreePlanner {
    static final String OTHERS = "others";
    static final String CHARACTER_OTHERS = "character_others";
    /** The successor's limit on one character name in a folder name. */
    static final int MAX_NAME = 100;
    /** Most file systems allow 255 bytes per name; keep room for the kohya prefix. */
    static final int MAX_FOLDER_BYTES = 200;
    private static final String COMBINATION_MARK = "\u0000";

    record Settings(List<Level> levels, int minPerCombination, int maxCharacters, boolean keepSrcStructure,
                    boolean typeFolders, String regFolder) {
    }

    /** An image and the folder it goes to, relative to {@code --dst}, parts joined with '/'. */
    record Placement(DatasetImage image, String folder) {
    }

    private final Settings settings;

    TreePlanner(Settings settings) {
        this.settings = settings;
    }

    List<Placement> plan(List<DatasetImage> images) {
        List<List<String>> parts = new ArrayList<>(images.size());
        Map<String, Integer> combinationCounts = new HashMap<>();
        for (DatasetImage img : images) {
            List<String> p = parts(img);
            parts.add(p);
            String key = combinationKey(p);
            if (key != null) {
                combinationCounts.merge(key, 1, Integer::sum);
            }
        }
        List<Placement> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            List<String> p = parts.get(i);
            String key = combinationKey(p);
            List<String> fixed = new ArrayList<>(p.size());
            for (String part : p) {
                if (part.startsWith(COMBINATION_MARK)) {
                    String name = part.substring(1);
                    fixed.add(combinationCounts.get(key) < settings.minPerCombination() ? CHARACTER_OTHERS : name);
                } else {
                    fixed.add(part);
                }
            }
            out.add(new Placement(images.get(i), String.join("/", fixed)));
        }
        return out;
    }

    private static String combinationKey(List<String> parts) {
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            key.append(part).append('/');
            if (part.startsWith(COMBINATION_MARK)) {
                return key.toString();
            }
        }
        return null;
    }

    /** The folder parts; a character combination still subject to the count is marked. */
    private List<String> parts(DatasetImage img) {
        List<String> out = new ArrayList<>();
        if (DatasetImage.REG.equals(img.type()) && settings.regFolder() != null) {
            out.add(settings.regFolder());
            return out;
        }
        if (settings.typeFolders()) {
            out.add(img.group() != null ? img.group() : DatasetImage.SCREENSHOTS);
        }
        if (settings.keepSrcStructure()) {
            Path parent = img.root().relativize(img.file()).getParent();
            if (parent != null) {
                for (Path part : parent) {
                    out.add(SafePaths.component(part.toString(), "_"));
                }
            }
        }
        List<String> names = img.uniqueCharacters();
        for (Level level : settings.levels()) {
            switch (level) {
                case N_CHARACTERS -> out.add(countFolder(names.size(), "character", OTHERS));
                case CHARACTER -> {
                    if (!names.isEmpty()) {
                        String combo = combination(names);
                        out.add(combo.equals(CHARACTER_OTHERS) ? combo : COMBINATION_MARK + combo);
                    } else if (!settings.levels().contains(Level.N_CHARACTERS)) {
                        out.add(CHARACTER_OTHERS);
                    }
                }
                case FACE_HEIGHT_RATIO -> out.add("face_height_ratio_" + bucket(img.faceHeightRatio()));
                case N_FACES -> out.add(countFolder(img.faceCount() == null ? 0 : img.faceCount(), "face", null));
            }
        }
        return out;
    }

    /** {@code 1_character}, {@code 3_characters}, {@code 6+_characters}; 0 is {@code zero} when given. */
    String countFolder(int n, String noun, String zero) {
        if (n == 0 && zero != null) {
            return zero;
        }
        int max = settings.maxCharacters();
        if (n >= max) {
            return max + "+_" + noun + "s";
        }
        return n + "_" + noun + (n == 1 ? "" : "s");
    }

    /** Sorted names joined with '+', dots removed (the successor's rule) and made safe for a path. */
    static String combination(List<String> names) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String n : names) {
            if (n.length() >= MAX_NAME) {
                return CHARACTER_OTHERS;
            }
            sorted.add(SafePaths.component(n.replace(".", ""), "_").replace('+', '_'));
        }
        String joined = String.join("+", sorted);
        return joined.getBytes(StandardCharsets.UTF_8).length > MAX_FOLDER_BYTES ? CHARACTER_OTHERS : joined;
    }

    /** {@code min(int(r × 100), 99)} floored to 25, as detect and the seed bucket it. */
    static String bucket(double ratio) {
        int r = Math.max(0, Math.min((int) (ratio * 100), 99));
        int lower = r / 25 * 25;
        return lower + "-" + (lower + 25);
    }
}
