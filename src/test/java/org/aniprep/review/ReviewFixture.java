package org.aniprep.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.sidecar.Json;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A generated run folder over the shared anime art: frames of two episodes with detect and classify
 * records as a run would leave them, mistakes included (two Lucy frames named Eileen, an unknown
 * cluster, a background box that is no face), a frame filter removed, one corrupt record.
 */
final class ReviewFixture {
    static final Path ART = Path.of(System.getProperty("aniprep.shared", "../shared"), "testdata", "anime");

    /** art file, episode, frame name, names of its faces (null: unknown in cluster c1; "-": unknown, no cluster). */
    record Shot(String art, String episode, String name, List<String> faces) {
    }

    static final List<Shot> SHOTS = List.of(
            new Shot("eileen_happy.png", "EP01", "f001.png", List.of("Eileen")),
            new Shot("eileen_concerned.png", "EP01", "f002.png", List.of("Eileen")),
            new Shot("eileen_vhappy.png", "EP01", "f003.png", List.of("Eileen")),
            new Shot("lucy_happy.png", "EP01", "f004.png", List.of("Eileen")),   // wrongly named
            new Shot("lucy_mad.png", "EP02", "f005.png", List.of("Eileen")),     // wrongly named
            new Shot("concert1.png", "EP02", "f006.png", List.of("?", "?")),
            new Shot("concert3.png", "EP02", "f007.png", List.of("?", "-")),
            new Shot("bg_cave.jpg", "EP02", "f008.png", List.of("-")));           // no face at all

    private ReviewFixture() {
    }

    /** Writes the run folder at {@code root}; returns it. */
    static Path runFolder(Path root) throws IOException {
        Path frames = root.resolve("frames");
        Files.createDirectories(root.resolve(".aniprep"));
        Files.writeString(root.resolve(".aniprep/run.json"), "{\"aniprep\":\"test\"}");
        Files.createDirectories(root.resolve("dataset"));
        for (Shot s : SHOTS) {
            write(frames.resolve(s.episode()).resolve(s.name()), s);
        }
        // filter took one frame out
        Shot removed = new Shot("bg_washington.jpg", "EP01", "f009.png", List.of());
        Path r = frames.resolve("_removed/EP01/f009.png");
        write(r, removed);
        ObjectNode side = (ObjectNode) Json.MAPPER.readTree(r.resolveSibling("f009.json").toFile());
        side.putObject("filter").put("method", "test").put("verdict", "removed").put("reason", "title_card");
        Files.writeString(r.resolveSibling("f009.json"), Json.MAPPER.writeValueAsString(side));
        // one record nobody can read
        Path bad = frames.resolve("EP02/f010.png");
        copyScaled(ART.resolve("bg_whitehouse.jpg"), bad);
        Files.writeString(bad.resolveSibling("f010.json"), "{\"schema\": 2, \"detect\": {");
        return root;
    }

    private static void write(Path image, Shot s) throws IOException {
        BufferedImage img = copyScaled(ART.resolve(s.art()), image);
        int w = img.getWidth();
        int h = img.getHeight();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", 2);
        root.put("file", image.getFileName().toString());
        ObjectNode detect = root.putObject("detect");
        detect.put("width", w).put("height", h);
        ArrayNode boxes = detect.putObject("faces").put("detector", "test").putArray("boxes");
        ArrayNode faces = Json.MAPPER.createArrayNode();
        for (int i = 0; i < s.faces().size(); i++) {
            int fw = w / (3 + i);
            int x0 = i == 0 ? w / 2 - fw / 2 : w / 12;
            int y0 = h / 8;
            List<Integer> box = List.of(x0, y0, x0 + fw, y0 + fw);
            ObjectNode b = boxes.addObject().put("label", "face").put("score", 0.9);
            box.forEach(b.putArray("box")::add);
            ArrayNode rel = b.putArray("rel");
            rel.add((double) box.get(0) / w).add((double) box.get(1) / h).add((double) box.get(2) / w).add((double) box.get(3) / h);
            String name = s.faces().get(i);
            ObjectNode f = faces.addObject().put("kind", "face").put("index", i);
            box.forEach(f.putArray("box")::add);
            boolean named = !name.equals("?") && !name.equals("-");
            f.put("character", named ? name : "unknown");
            f.put("distance", named ? 0.1 + 0.05 * i + (s.art().startsWith("lucy") ? 0.2 : 0) : 0.6);
            if (name.equals("?")) {
                f.put("cluster", "c1");
            }
            f.put("status", named ? "named" : "unknown");
        }
        detect.put("face_count", s.faces().size());
        detect.put("face_height_bucket", s.faces().isEmpty() ? "none" : "large");
        ObjectNode classify = root.putObject("classify");
        classify.put("embedder", "offline-v1");
        classify.set("faces", faces);
        root.putArray("tags").add("1girl").add("solo");
        root.putObject("caption").put("file", image.getFileName().toString().replace(".png", ".txt"))
                .put("text", "a frame " + s.name()).put("seed", 1);
        Files.writeString(image.resolveSibling(image.getFileName().toString().replace(".png", ".json")),
                Json.MAPPER.writeValueAsString(root));
    }

    private static BufferedImage copyScaled(Path art, Path to) throws IOException {
        BufferedImage src = ImageIO.read(art.toFile());
        int w = 320;
        int h = Math.max(2, src.getHeight() * w / src.getWidth());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        Files.createDirectories(to.getParent());
        ImageIO.write(out, "png", to.toFile());
        return out;
    }
}
