package org.aniprep.dataset.caption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.io.AtomicFiles;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each character's core tags: tags on at least {@code threshold} of the images where she is the only
 * named character (the successor's {@code character_core} rule, reference-pipeline.md stage 5). They
 * describe her (hair, eyes, her usual outfit) so the name alone learns them; {@code caption} drops them
 * from the captions of every image she is in. Tags about the shot rather than the character (words
 * such as {@code solo}, {@code looking}, {@code background}, {@code outdoors}) are never core. Written
 * as {@code core_tags.json}, {@code {"Name": ["tag", ...]}} most frequent first, the successor's
 * format, so it can be read back with {@code --core-tags FILE}.
 */
public final class CoreTags {
    public static final String FILE = "core_tags.json";
    /** The successor's list of words that mark a tag as being about the shot, not the character. */
    static final Set<String> NEVER_CORE_WORDS = Set.of("solo", "1girl", "1boy", "girls", "boys", "girl", "boy", "multiple", "body",
            "background", "quality", "chibi", "monochrome", "greyscale", "comic", "looking", "text", "signature", "peeking", "focus",
            "smile", "mouth", "anime", "screenshot", "screencap", "sky", "wall", "tree", "cloud", "day", "night", "indoors", "outdoors",
            "close-up", "window", "curtains", "forest", "sitting", "standing", "portrait", "upper", "cowboy", "shot", "blush");

    private final Map<String, List<String>> byCharacter;

    CoreTags(Map<String, List<String>> byCharacter) {
        this.byCharacter = new TreeMap<>(byCharacter);
    }

    public static CoreTags none() {
        return new CoreTags(Map.of());
    }

    /**
     * @param images per image its named characters and its tags (canonical spelling)
     */
    static CoreTags compute(List<Map.Entry<List<String>, List<String>>> images, double threshold, int minImages) {
        Map<String, Integer> solo = new HashMap<>();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Map.Entry<List<String>, List<String>> img : images) {
            if (img.getKey().size() != 1) {
                continue;
            }
            String name = img.getKey().get(0);
            solo.merge(name, 1, Integer::sum);
            Map<String, Integer> c = counts.computeIfAbsent(name, k -> new HashMap<>());
            new LinkedHashSet<>(img.getValue()).forEach(t -> c.merge(t, 1, Integer::sum));
        }
        Map<String, List<String>> out = new HashMap<>();
        solo.forEach((name, n) -> {
            if (n < minImages) {
                return;
            }
            List<Map.Entry<String, Integer>> frequent = new ArrayList<>();
            counts.get(name).entrySet().stream()
                    .filter(e -> e.getValue() >= threshold * n && !aboutTheShot(e.getKey()))
                    .forEach(frequent::add);
            frequent.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            out.put(name, frequent.stream().map(Map.Entry::getKey).toList());
        });
        return new CoreTags(out);
    }

    private static boolean aboutTheShot(String canonical) {
        for (String word : canonical.split("_")) {
            if (NEVER_CORE_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a core-tags file ({@code {"Name": ["tag", ...]}}; the successor's {@code {"Name": {"kept": [...], "dropped": [...]}}} too). */
    public static CoreTags read(Path file) {
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(file + ": not a JSON object of character → tags");
            }
            Map<String, List<String>> out = new HashMap<>();
            root.fields().forEachRemaining(e -> {
                List<String> tags = new ArrayList<>();
                JsonNode v = e.getValue();
                List<JsonNode> lists = v.isArray() ? List.of(v) : List.of(v.path("kept"), v.path("dropped"), v.path("emb_init"));
                lists.forEach(l -> l.forEach(t -> tags.add(TagText.canonical(t.asText()))));
                out.put(e.getKey(), tags);
            });
            return new CoreTags(out);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": unreadable core tags (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    void write(Path file) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        byCharacter.forEach((name, tags) -> tags.forEach(root.putArray(name)::add));
        AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(root));
    }

    /** The core tags of any of {@code characters}. */
    Set<String> of(List<String> characters) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : characters) {
            out.addAll(byCharacter.getOrDefault(c, List.of()));
        }
        return out;
    }

    Map<String, List<String>> asMap() {
        return byCharacter;
    }
}
