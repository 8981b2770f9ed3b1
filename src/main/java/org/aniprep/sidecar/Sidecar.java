package org.aniprep.sidecar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The per-image record every stage shares: one JSON object whose top-level keys are sections, one
 * per stage ({@code image}, {@code source}, {@code dedup}, {@code tag}, {@code detect}, ...), plus the
 * seed's five metadata keys ({@link SeedKeys}). A stage reads any section but writes only its own, so
 * stages run in any order and a rerun of one never loses another's fields. Sections it does not know
 * (a newer aniprep's) are kept as they are.
 */
public final class Sidecar {
    /** 2: the tagger's section is {@code tag} and the seed's keys sit at the top level (1: the tagger's section was {@code tags}). */
    public static final int SCHEMA = 2;

    /** Sections whose content refers to the pixels of the image they recorded ({@code width}, {@code height}). */
    public static final java.util.List<String> SIZED_SECTIONS = java.util.List.of(ImageInfo.SECTION, DetectInfo.SECTION);

    private final ObjectNode root;

    private Sidecar(ObjectNode root) {
        this.root = root;
    }

    public static Sidecar empty() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        return new Sidecar(root);
    }

    /** The record in {@code root}, a schema-1 one migrated in memory (written as schema 2 on its next write). */
    static Sidecar of(ObjectNode root) {
        migrateTaggerSection(root);
        return new Sidecar(root);
    }

    /**
     * Schema 1 kept the tagger's result in an object {@code tags}; schema 2 calls it {@code tag}
     * because {@code tags} is the seed's list. An object is never the seed's list, so it is moved
     * whatever {@code schema} says; when a {@code tag} section exists as well nothing is moved (no
     * data is dropped).
     */
    private static void migrateTaggerSection(ObjectNode root) {
        JsonNode old = root.get(SeedKeys.TAGS);
        if (old != null && old.isObject() && !root.has(Tags.SECTION)) {
            root.set(Tags.SECTION, old);
            root.remove(SeedKeys.TAGS);
        }
    }

    public boolean has(String section) {
        return root.hasNonNull(section);
    }

    /** The section as a record/class, or empty when absent. */
    public <T> Optional<T> get(String section, Class<T> type) {
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.treeToValue(node, type));
        } catch (JsonProcessingException e) {
            throw new SidecarException("its '" + section + "' section is not in the form aniprep writes" + where(e)
                    + "; delete that section (or the file) to have it made again", e);
        }
    }

    /** Where in a section a value did not fit, e.g. " (at general[0].score)"; empty when unknown. */
    private static String where(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()) {
            return "";
        }
        StringBuilder at = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                at.append(at.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                at.append('[').append(ref.getIndex()).append(']');
            }
        }
        return at.length() == 0 ? "" : " (at " + at + ")";
    }

    /** A copy of one section's JSON (any shape), or empty when absent: for sections read tolerantly. */
    public Optional<JsonNode> node(String section) {
        JsonNode node = root.get(section);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.deepCopy());
    }

    /** Replaces one section with {@code value} (a record, a map or a JsonNode). */
    public Sidecar put(String section, Object value) {
        if ("schema".equals(section)) {
            throw new IllegalArgumentException("'schema' is not a section");
        }
        root.set(section, Json.MAPPER.valueToTree(value));
        return this;
    }

    /**
     * Records the image's real pixel size: a section of {@link #SIZED_SECTIONS} whose {@code width}
     * and {@code height} differ (the record of an earlier, different picture) is dropped, and the
     * {@code image} section is set to the size.
     */
    public Sidecar fitTo(int width, int height) {
        for (String section : SIZED_SECTIONS) {
            JsonNode node = root.get(section);
            if (node != null && node.isObject() && node.has("width") && node.has("height")
                    && (node.get("width").asInt() != width || node.get("height").asInt() != height)) {
                root.remove(section);
            }
        }
        return put(ImageInfo.SECTION, new ImageInfo(width, height));
    }

    public Sidecar remove(String section) {
        root.remove(section);
        return this;
    }

    /** A deep copy of the JSON, for reading fields no record describes. */
    public ObjectNode json() {
        return root.deepCopy();
    }

    ObjectNode root() {
        return root;
    }

    public Sidecar copy() {
        return new Sidecar(root.deepCopy());
    }
}
