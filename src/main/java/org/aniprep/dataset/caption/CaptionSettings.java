package org.aniprep.dataset.caption;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@code aniprep caption} does, with the seed's defaults (reference-pipeline.md §2.7):
 * the fields {@code count, characters, general, facepos, tags} in that order, each with its own
 * inclusion probability (all 1), fields joined by {@code ", "}, characters and facepos by a space,
 * tags by {@code ", "}, {@code 2people}/{@code 1person}, {@code .txt} files.
 *
 * @param fields              field order (any subset of {@link #FIELDS})
 * @param probability         per field, the chance it is written (0-1)
 * @param fieldSeparator      between fields
 * @param tagSeparator        between tags
 * @param characterSeparator  between character names
 * @param faceposSeparator    between facepos strings
 * @param keepTokensSeparator kohya's {@code keep_tokens_separator} (e.g. {@code |||}), written before the
 *                            {@code keepTokensBefore} field instead of the field separator; null for none
 * @param keepTokensBefore    the field the keep-tokens separator goes before ({@code tags})
 * @param countSingular       suffix for a count of 1 ({@code 1person})
 * @param countPlural         suffix for other counts ({@code 2people}, {@code manypeople})
 * @param extension           caption file extension without the dot ({@code txt}, {@code caption})
 * @param seed                the random seed (inclusion draws and tag shuffle)
 * @param tags                the tag field's rules
 */
public record CaptionSettings(List<String> fields, Map<String, Double> probability, String fieldSeparator, String tagSeparator,
                              String characterSeparator, String faceposSeparator, String keepTokensSeparator, String keepTokensBefore,
                              String countSingular, String countPlural, String extension, long seed, TagSettings tags) {
    public static final String COUNT = "count";
    public static final String CHARACTERS = "characters";
    public static final String GENERAL = "general";
    public static final String FACEPOS = "facepos";
    public static final String TAGS = "tags";
    public static final List<String> FIELDS = List.of(COUNT, CHARACTERS, GENERAL, FACEPOS, TAGS);

    public CaptionSettings {
        fields = List.copyOf(fields);
        probability = Map.copyOf(probability);
        for (String f : fields) {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown caption field '" + f + "' (" + String.join(", ", FIELDS) + ")");
            }
        }
        if (Set.copyOf(fields).size() != fields.size()) {
            throw new IllegalArgumentException("a caption field is named twice in " + fields);
        }
        for (Map.Entry<String, Double> p : probability.entrySet()) {
            if (!FIELDS.contains(p.getKey())) {
                throw new IllegalArgumentException("unknown caption field '" + p.getKey() + "' in the probabilities");
            }
            if (!(p.getValue() >= 0 && p.getValue() <= 1)) {
                throw new IllegalArgumentException("probability of '" + p.getKey() + "' must be between 0 and 1, not " + p.getValue());
            }
        }
        if (keepTokensBefore != null && !FIELDS.contains(keepTokensBefore)) {
            throw new IllegalArgumentException("keep_tokens_before: unknown field '" + keepTokensBefore + "'");
        }
        if (tags.max() < 0) {
            throw new IllegalArgumentException("the tag maximum must be 0 or more");
        }
        if (extension.isBlank() || extension.contains("/") || extension.contains("\\")) {
            throw new IllegalArgumentException("extension '" + extension + "' is not a file extension");
        }
    }

    public static CaptionSettings defaults() {
        Map<String, Double> p = new LinkedHashMap<>();
        FIELDS.forEach(f -> p.put(f, 1.0));
        return new CaptionSettings(FIELDS, p, ", ", ", ", " ", " ", null, TAGS, "person", "people", "txt", 0, TagSettings.defaults());
    }

    public double probabilityOf(String field) {
        return probability.getOrDefault(field, 1.0);
    }
}
