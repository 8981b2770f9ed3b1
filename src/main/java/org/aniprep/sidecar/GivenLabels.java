package org.aniprep.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The labels a person or a booru gave a fan-art picture, from the files beside it: an imgbrd-grabber
 * {@code .tags} file ({@code character: a, b} and {@code general: c, d} lines; {@code unknown}/{@code anonymous}
 * dropped, spaces to underscores, as the successor reads them), booru JSON (gallery-dl's {@code <image>.json}
 * with Danbooru's space-separated {@code tag_string_character} and {@code tag_string_general}, or
 * {@code characters} and {@code tags} lists) and a kohya caption {@code <stem>.txt} (comma-separated tags).
 * Tags come in Danbooru spelling, each once, in the order given.
 */
public final class GivenLabels {
    /** A picture's given character names and general tags. */
    public record Labels(List<String> characters, List<String> tags) {
        public Labels {
            characters = List.copyOf(characters);
            tags = List.copyOf(tags);
        }
    }

    private GivenLabels() {
    }

    /** Everything given beside {@code image} (none: both lists empty). */
    public static Labels of(Path image) throws IOException {
        Path dir = image.toAbsolutePath().getParent();
        String name = image.getFileName().toString();
        String stem = MediaFiles.stem(image);
        Set<String> characters = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        for (Path grabber : List.of(dir.resolve(stem + ".tags"), dir.resolve(name + ".tags"))) {
            if (Files.isRegularFile(grabber)) {
                String text = Files.readString(grabber, StandardCharsets.UTF_8);
                characters.addAll(fromGrabber(text));
                tags.addAll(grabberLines(text, "general"));
            }
        }
        Path booru = dir.resolve(name + ".json");
        if (Files.isRegularFile(booru)) {
            String text = Files.readString(booru, StandardCharsets.UTF_8);
            characters.addAll(fromBooruJson(text));
            tags.addAll(booruTags(text));
        }
        Path caption = dir.resolve(stem + ".txt");
        if (Files.isRegularFile(caption)) {
            for (String t : Files.readString(caption, StandardCharsets.UTF_8).split("[,\\n]")) {
                addTag(tags, t);
            }
        }
        return new Labels(new ArrayList<>(characters), new ArrayList<>(tags));
    }

    /** Character names from the {@code .tags} or booru JSON among {@code companions} (file names beside {@code image}). */
    public static List<String> characters(Path image, List<String> companions) throws IOException {
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

    public static List<String> fromGrabber(String text) {
        return grabberLines(text, "character");
    }

    private static List<String> grabberLines(String text, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(key)) {
                for (String n : line.substring(colon + 1).split(",")) {
                    String t = n.strip().replace(' ', '_');
                    if (!t.isEmpty() && !t.equals("unknown") && !t.equals("anonymous")) {
                        out.add(t);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static List<String> fromBooruJson(String text) throws IOException {
        return booru(text, "tag_string_character", "characters");
    }

    private static List<String> booruTags(String text) throws IOException {
        return booru(text, "tag_string_general", "tags");
    }

    private static List<String> booru(String text, String danbooruKey, String listKey) throws IOException {
        JsonNode node = Json.MAPPER.readTree(text);
        List<String> out = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        JsonNode s = node.get(danbooruKey);
        if (s != null && s.isTextual()) {
            for (String t : s.asText().split("\\s+")) {
                if (!t.isBlank()) {
                    out.add(t);
                }
            }
        }
        JsonNode list = node.get(listKey);
        if (out.isEmpty() && list != null && list.isArray()) {
            list.forEach(n -> {
                if (n.isTextual() && !n.asText().isBlank()) {
                    out.add(Tags.danbooruName(n.asText()));
                }
            });
        }
        return out;
    }

    private static void addTag(Set<String> tags, String raw) {
        String t = Tags.danbooruName(raw);
        if (!t.isEmpty()) {
            tags.add(t);
        }
    }
}
