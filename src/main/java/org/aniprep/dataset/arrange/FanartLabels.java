package org.aniprep.dataset.arrange;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Character names of fan art that has no aniprep record yet: an imgbrd-grabber {@code .tags} file
 * ({@code character: a, b} line; {@code unknown}/{@code anonymous} dropped, spaces to underscores, as
 * the successor reads them) or booru JSON beside the image (gallery-dl's {@code <image>.json} with
 * Danbooru's space-separated {@code tag_string_character}, or a {@code characters} list).
 */
final class FanartLabels {
    private FanartLabels() {
    }

    static List<String> characters(Path image, List<String> companions) throws IOException {
        Path dir = image.getParent();
        String name = image.getFileName().toString();
        for (String c : companions) {
            if (c.endsWith(".tags")) {
                List<String> fromTags = fromGrabber(Files.readString(dir.resolve(c), StandardCharsets.UTF_8));
                if (!fromTags.isEmpty()) {
                    return fromTags;
                }
            }
        }
        if (companions.contains(name + ".json")) {
            return fromBooruJson(Files.readString(dir.resolve(name + ".json"), StandardCharsets.UTF_8));
        }
        return List.of();
    }

    static List<String> fromGrabber(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("character")) {
                for (String n : line.substring(colon + 1).split(",")) {
                    String t = n.strip().replace(' ', '_');
                    if (!t.isEmpty() && !t.equals("unknown") && !t.equals("anonymous")) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    static List<String> fromBooruJson(String text) throws IOException {
        JsonNode node = Json.MAPPER.readTree(text);
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        JsonNode s = node.get("tag_string_character");
        if (s != null && s.isTextual()) {
            for (String t : s.asText().split("\\s+")) {
                if (!t.isBlank()) {
                    out.add(t);
                }
            }
        }
        JsonNode list = node.get("characters");
        if (out.isEmpty() && list != null && list.isArray()) {
            list.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
