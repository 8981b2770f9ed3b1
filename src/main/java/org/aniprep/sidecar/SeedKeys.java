package org.aniprep.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed's per-image metadata, kept at the top level of the sidecar with exactly the seed's shapes
 * so its own scripts read aniprep's sidecar as is:
 * {@code {"count": "2", "characters": ["KuraueHinata", "AobaKokona"], "general": "anishot yamaS2EP04",
 * "facepos": ["fvp 42 70 fhp 22 39", "fvp 15 37 fhp 62 75"], "tags": ["long_hair", ...]}}.
 * {@code count} is a string, {@code characters} are in face order, {@code tags} keep underscores.
 * A null field is absent from the file ({@code facepos} when faces and characters do not correspond,
 * {@code tags} when the image was never tagged). Written by {@code aniprep metadata}; read by caption,
 * arrange and balance.
 */
public record SeedKeys(String count, List<String> characters, String general, List<String> facepos, List<String> tags) {
    public static final String COUNT = "count";
    public static final String CHARACTERS = "characters";
    public static final String GENERAL = "general";
    public static final String FACEPOS = "facepos";
    public static final String TAGS = "tags";
    public static final List<String> KEYS = List.of(COUNT, CHARACTERS, GENERAL, FACEPOS, TAGS);

    public SeedKeys {
        characters = characters == null ? null : List.copyOf(characters);
        facepos = facepos == null ? null : List.copyOf(facepos);
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** True when the sidecar has none of the five keys (metadata never ran on it). */
    public boolean isEmpty() {
        return count == null && characters == null && general == null && facepos == null && tags == null;
    }

    /** The named characters, or an empty list. */
    public List<String> characterList() {
        return characters == null ? List.of() : characters;
    }

    /** The tags, or an empty list. */
    public List<String> tagList() {
        return tags == null ? List.of() : tags;
    }

    /** The count as a number; a non-numeric count (the seed once wrote {@code "many"}) or none is -1. */
    public int countValue() {
        if (count == null) {
            return -1;
        }
        try {
            return Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The five keys of a sidecar, read tolerantly: a number for {@code count} (the seed wrote ints
     * from late December 2022) is read as its text, a single string where a list is expected as a
     * one-element list; anything else of the wrong shape is treated as absent.
     */
    public static SeedKeys read(Sidecar sidecar) {
        ObjectNode root = sidecar.root();
        return new SeedKeys(text(root.get(COUNT)), list(root.get(CHARACTERS)), text(root.get(GENERAL)),
                list(root.get(FACEPOS)), list(root.get(TAGS)));
    }

    /** Writes the five keys into {@code sidecar}, removing those that are null. */
    public Sidecar writeTo(Sidecar sidecar) {
        ObjectNode root = sidecar.root();
        setText(root, COUNT, count);
        setList(root, CHARACTERS, characters);
        setText(root, GENERAL, general);
        setList(root, FACEPOS, facepos);
        setList(root, TAGS, tags);
        return sidecar;
    }

    public SeedKeys withCount(String c) {
        return new SeedKeys(c, characters, general, facepos, tags);
    }

    public SeedKeys withCharacters(List<String> c) {
        return new SeedKeys(count, c, general, facepos, tags);
    }

    public SeedKeys withFacepos(List<String> f) {
        return new SeedKeys(count, characters, general, f, tags);
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static List<String> list(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        node.forEach(e -> {
            if (e.isValueNode() && !e.isNull()) {
                out.add(e.asText());
            }
        });
        return out;
    }

    private static void setText(ObjectNode root, String key, String value) {
        if (value == null) {
            root.remove(key);
        } else {
            root.put(key, value);
        }
    }

    private static void setList(ObjectNode root, String key, List<String> values) {
        if (values == null) {
            root.remove(key);
            return;
        }
        ArrayNode array = root.putArray(key);
        values.forEach(array::add);
    }
}
