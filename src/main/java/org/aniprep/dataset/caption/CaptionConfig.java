package org.aniprep.dataset.caption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caption settings given by a TOML file ({@code --config}) or on the command line: every value is
 * optional and replaces the one below it (defaults &lt; config file &lt; command line). An unknown key
 * in the file is an error, so a typo never goes unnoticed. Paths in the file are relative to it.
 * <pre>
 * fields = ["count", "characters", "general", "facepos", "tags"]
 * extension = "txt"
 * seed = 0
 * [probability]
 * facepos = 0.0
 * [separators]
 * field = ", "
 * keep_tokens = "|||"
 * [tags]
 * max = 15
 * shuffle = true
 * drop = ["cosplay", "alternate_*"]
 * </pre>
 */
public record CaptionConfig(List<String> fields, String extension, Long seed, Map<String, Double> probability,
                            Separators separators, TagTable tags) {
    private static final TomlMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The {@code [separators]} table. */
    public record Separators(String field, String tag, String character, String facepos, String keepTokens, String keepTokensBefore,
                             String countSingular, String countPlural) {
    }

    /** The {@code [tags]} table (see {@link TagSettings}). */
    public record TagTable(Integer max, Boolean shuffle, Boolean underscoresToSpaces, Boolean escapeParentheses, List<String> drop,
                           Boolean pruneImplied, String implications, Boolean pruneCharacterTraits, Boolean core, Double coreThreshold,
                           Integer coreMinImages, String coreTagsFile) {
    }

    /** Reads a TOML file; a file that cannot be read or parsed is an {@link IllegalArgumentException} naming it. */
    public static CaptionConfig read(Path file) {
        try {
            CaptionConfig c = TOML.readValue(Files.readString(file), CaptionConfig.class);
            return c == null ? new CaptionConfig(null, null, null, null, null, null) : c.resolvePaths(file.toAbsolutePath().getParent());
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown key '" + e.getPropertyName() + "'"
                    + (e.getKnownPropertyIds() == null ? "" : " (known here: " + e.getKnownPropertyIds() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a valid caption config (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private CaptionConfig resolvePaths(Path dir) {
        if (tags == null) {
            return this;
        }
        TagTable t = new TagTable(tags.max, tags.shuffle, tags.underscoresToSpaces, tags.escapeParentheses, tags.drop,
                tags.pruneImplied, resolve(dir, tags.implications), tags.pruneCharacterTraits, tags.core, tags.coreThreshold,
                tags.coreMinImages, resolve(dir, tags.coreTagsFile));
        return new CaptionConfig(fields, extension, seed, probability, separators, t);
    }

    private static String resolve(Path dir, String path) {
        return path == null || dir == null ? path : dir.resolve(path).toString();
    }

    /** {@code base} with every value this config gives replaced; invalid values are an {@link IllegalArgumentException}. */
    public CaptionSettings applyTo(CaptionSettings base) {
        Map<String, Double> prob = new LinkedHashMap<>(base.probability());
        if (probability != null) {
            prob.putAll(probability);
        }
        Separators s = separators == null ? new Separators(null, null, null, null, null, null, null, null) : separators;
        String ext = extension == null ? base.extension() : extension.replaceFirst("^\\.", "");
        String keep = s.keepTokens == null ? base.keepTokensSeparator() : s.keepTokens.isBlank() ? null : s.keepTokens;
        return new CaptionSettings(or(fields, base.fields()), prob, or(s.field, base.fieldSeparator()), or(s.tag, base.tagSeparator()),
                or(s.character, base.characterSeparator()), or(s.facepos, base.faceposSeparator()), keep,
                or(s.keepTokensBefore, base.keepTokensBefore()), or(s.countSingular, base.countSingular()),
                or(s.countPlural, base.countPlural()), ext, or(seed, base.seed()), tags(base.tags()));
    }

    private TagSettings tags(TagSettings b) {
        if (tags == null) {
            return b;
        }
        TagTable t = tags;
        return new TagSettings(or(t.max, b.max()), or(t.shuffle, b.shuffle()), or(t.underscoresToSpaces, b.spaces()),
                or(t.escapeParentheses, b.escapeParentheses()), or(t.drop, b.drop()), or(t.pruneImplied, b.pruneImplied()),
                t.implications == null ? b.implications() : Path.of(t.implications), or(t.pruneCharacterTraits, b.pruneCharacterTraits()),
                or(t.core, b.coreTags()), or(t.coreThreshold, b.coreThreshold()), or(t.coreMinImages, b.coreMinImages()),
                t.coreTagsFile == null ? b.coreTagsFile() : Path.of(t.coreTagsFile));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
