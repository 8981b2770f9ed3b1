package org.aniprep.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds small datasets for the dataset-stage tests: images (tiny bytes or real anime art) with
 * sidecars carrying the seed's top-level keys, as {@code aniprep metadata} writes them, and captions.
 */
public final class DatasetFixture {
    public static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));

    private DatasetFixture() {
    }

    /** An image file (any bytes; arrange copies without decoding) with a sidecar and a caption. */
    public static Path image(Path dir, String name, List<String> characters, double faceHeightRatio, String caption) throws IOException {
        Path img = dir.resolve(name);
        Files.createDirectories(dir);
        Files.write(img, ("img:" + name).getBytes(StandardCharsets.UTF_8));
        sidecar(img, characters, faceHeightRatio);
        if (caption != null) {
            Files.writeString(dir.resolve(stem(name) + ".txt"), caption);
        }
        return img;
    }

    /** A sidecar with the seed's keys: count, characters (face order), general, facepos, tags; plus detect's ratio. */
    public static void sidecar(Path img, List<String> characters, double faceHeightRatio) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", 2);
        root.put("file", img.getFileName().toString());
        root.put("count", String.valueOf(characters.size()));
        ArrayNode names = root.putArray("characters");
        characters.forEach(names::add);
        root.put("general", "anishot yamaS2EP04");
        ArrayNode pos = root.putArray("facepos");
        int h = (int) (faceHeightRatio * 100);
        for (int i = 0; i < characters.size(); i++) {
            pos.add("fvp 10 " + (10 + h) + " fhp " + (i * 20) + " " + (i * 20 + 15));
        }
        root.putArray("tags").add("long_hair").add("blush");
        ObjectNode detect = root.putObject("detect");
        detect.put("face_count", characters.size());
        detect.put("face_height_ratio", faceHeightRatio);
        Files.write(img.resolveSibling(stem(img.getFileName().toString()) + ".json"), Json.MAPPER.writeValueAsBytes(root));
    }

    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** Every regular file below {@code root} (relative path → SHA-256), skipping {@code skip} top folders. */
    public static Map<String, String> snapshot(Path root, String... skip) throws Exception {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (Stream.of(skip).anyMatch(k -> rel.startsWith(k + "/") || rel.equals(k)) || p.getFileName().toString().equals(".aniprep.lock")) {
                    continue;
                }
                out.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    /** Relative paths of the images below root (skipping hidden and _report). */
    public static List<String> images(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(r -> !r.startsWith(".") && !r.startsWith("_report"))
                    .filter(r -> r.matches(".*\\.(png|jpg|webp)$")).sorted().toList();
        }
    }
}
