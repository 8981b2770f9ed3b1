package org.aniprep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The seed's own README example, read from ../shared/seed: the metadata JSON line and the caption
 * line, and an aniprep sidecar equivalent to what produced them (a 1920×1080 frame of yama S2 EP04
 * with two faces at the example's positions, classified as KuraueHinata and AobaKokona, tagged with
 * the example's 23 tags, most probable first).
 */
public final class SeedExample {
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;
    private static final Path README = Path.of(System.getProperty("aniprep.shared", "../shared"),
            "seed/anime-screenshot-pipeline-README.md");

    private SeedExample() {
    }

    /** {@code {"count": "2", "characters": [...], ...}} exactly as the README prints it. */
    public static String metadataLine() {
        return quoted("> {\"count\"");
    }

    /** {@code 2people, KuraueHinata AobaKokona, anishot yamaS2EP04, fvp ..., backpack, ...} as the README prints it. */
    public static String captionLine() {
        return quoted("> 2people");
    }

    public static JsonNode metadata() {
        try {
            return Json.MAPPER.readTree(metadataLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The two faces: boxes whose {@code int(relative × 100)} are the example's facepos values. */
    public static List<Detection> faces() {
        return List.of(new Detection(423, 454, 750, 757, "face", 0.9f), new Detection(1191, 163, 1440, 400, "face", 0.8f));
    }

    /** Writes the image and an equivalent sidecar: source, image, detect, tag and a hand-made classify section. */
    public static Path write(Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        Path image = dir.resolve(stem + ".png");
        Files.write(image, new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        List<String> tags = strings(metadata().get("tags"));
        List<Tags.Scored> general = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            general.add(new Tags.Scored(Tags.displayName(tags.get(i)), 0.95 - i * 0.02));
        }
        Tags tag = new Tags("wd-swinv2-tagger-v3", "SmilingWolf/wd-swinv2-tagger-v3", "wd14-a", 0.35, false, 0.85, false,
                "general", Map.of("general", 0.9), general, List.of(), false);
        DetectInfo detect = DetectSections.with(DetectInfo.empty().withSize(WIDTH, HEIGHT), "face", "yolo", faces(), WIDTH, HEIGHT);
        SidecarStore.update(image, s -> s.put(FrameSource.SECTION, new FrameSource("/anime/Yama no Susume S2E04.mkv", "yama", 2, 4, 3000, 125.125))
                .put(ImageInfo.SECTION, new ImageInfo(WIDTH, HEIGHT))
                .put(DetectInfo.SECTION, detect)
                .put(Tags.SECTION, tag)
                .put("classify", classify(List.of("KuraueHinata", "AobaKokona"))));
        return image;
    }

    /** A classify section as aniprep classify writes it: per face box its character, and the names in face order. */
    public static ObjectNode classify(List<String> perFace) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("embedder", "offline-v1");
        c.put("threshold", 0.3);
        var names = c.putArray("characters");
        perFace.stream().filter(n -> !n.equals("unknown")).distinct().forEach(names::add);
        var faces = c.putArray("faces");
        for (int i = 0; i < perFace.size(); i++) {
            ObjectNode f = faces.addObject();
            f.put("kind", "face");
            f.put("index", i);
            f.putArray("box").add(0).add(0).add(1).add(1);
            f.put("character", perFace.get(i));
            f.put("distance", 0.1);
        }
        return c;
    }

    /** The five keys of a sidecar as Python's json.dumps writes a dict (', ' and ': '), in the seed's key order. */
    public static String pythonJson(JsonNode sidecar) {
        StringBuilder b = new StringBuilder("{");
        Iterator<String> keys = List.of("count", "characters", "general", "facepos", "tags").iterator();
        boolean first = true;
        while (keys.hasNext()) {
            String k = keys.next();
            if (!sidecar.has(k)) {
                continue;
            }
            b.append(first ? "" : ", ").append('"').append(k).append("\": ").append(python(sidecar.get(k)));
            first = false;
        }
        return b.append('}').toString();
    }

    private static String python(JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(python(e)));
            return "[" + String.join(", ", parts) + "]";
        }
        return v.toString();
    }

    private static String quoted(String start) {
        try {
            return Files.readAllLines(README).stream().filter(l -> l.startsWith(start)).findFirst()
                    .map(l -> l.substring(2).strip()).orElseThrow(() -> new IllegalStateException("no line " + start + " in " + README));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
