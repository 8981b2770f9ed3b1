package org.aniprep.review;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.sidecar.FloatVectors;
import org.aniprep.sidecar.Json;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A generated run folder of any size for the review's scale and crash checks: small frames (one of a
 * few dozen drawn pictures each) in episode folders of 1 000, with detect and classify records as a run
 * leaves them (boxes, names with distances, some uncertain, clusters of unknowns, embeddings), tags
 * and a caption; a share of the frames lies in {@code _removed/} with filter's verdict.
 *
 * @param frames     frames in all (removed ones included)
 * @param faces      faces in all, spread over the frames at random (at most 4 a frame)
 * @param dims       embedding size (0: no embeddings; CCIP's is 768)
 * @param removed    share of the frames filter removed
 * @param characters named characters
 * @param clusters   clusters of unknown faces
 * @param seed       the generator's seed
 */
public record GeneratedRun(int frames, int faces, int dims, double removed, int characters, int clusters, long seed) {
    static final int W = 256;
    static final int H = 144;
    static final int PER_EPISODE = 1000;
    private static final ObjectWriter COMPACT = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    /** Writes the run folder at {@code root} (its {@code frames/}, {@code .aniprep/run.json}, an empty {@code dataset/}). */
    public Path write(Path root) throws IOException {
        Files.createDirectories(root.resolve(".aniprep"));
        Files.writeString(root.resolve(".aniprep/run.json"), "{\"aniprep\":\"generated\"}");
        Files.createDirectories(root.resolve("dataset"));
        Random rnd = new Random(seed);
        int[] count = new int[frames];
        for (int k = 0; k < faces; k++) {
            int f;
            do {
                f = rnd.nextInt(frames);
            } while (count[f] >= 4);
            count[f]++;
        }
        List<byte[]> pictures = pictures(48, rnd);
        Path frameDir = root.resolve("frames");
        IntStream.range(0, frames).parallel().forEach(i -> {
            try {
                frame(frameDir, i, count[i], pictures.get(i % pictures.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return root;
    }

    /** The frame's path below {@code frames/}. */
    public String rel(int i) {
        String rel = String.format(Locale.ROOT, "EP%02d/f%05d.png", i / PER_EPISODE + 1, i % PER_EPISODE);
        return isRemoved(i) ? RecordReader.REMOVED + "/" + rel : rel;
    }

    private boolean isRemoved(int i) {
        return new Random(seed * 31 + i).nextDouble() < removed;
    }

    private void frame(Path frameDir, int i, int n, byte[] png) throws IOException {
        Random rnd = new Random(seed * 1_000_003L + i);
        Path image = frameDir.resolve(rel(i));
        Files.createDirectories(image.getParent());
        Files.write(image, png);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", 2);
        root.put("file", image.getFileName().toString());
        ObjectNode detect = root.putObject("detect");
        detect.put("width", W).put("height", H);
        ArrayNode boxes = detect.putObject("faces").put("detector", "generated").putArray("boxes");
        ObjectNode classify = Json.MAPPER.createObjectNode();
        classify.put("embedder", dims == 0 ? "offline-v1" : "generated-" + dims);
        ArrayNode faceList = classify.putArray("faces");
        for (int k = 0; k < n; k++) {
            int size = 24 + rnd.nextInt(40);
            int x0 = (k * W / 4) + rnd.nextInt(Math.max(1, W / 4 - size));
            int y0 = rnd.nextInt(H - size);
            List<Integer> box = List.of(x0, y0, x0 + size, y0 + size);
            ObjectNode b = boxes.addObject().put("label", "face").put("score", 0.5 + rnd.nextDouble() / 2);
            box.forEach(b.putArray("box")::add);
            b.putArray("rel").add((double) x0 / W).add((double) y0 / H).add((double) (x0 + size) / W).add((double) (y0 + size) / H);
            ObjectNode f = faceList.addObject().put("kind", "face").put("index", k);
            box.forEach(f.putArray("box")::add);
            double kind = rnd.nextDouble();
            if (kind < 0.6) {
                f.put("character", "character " + (1 + rnd.nextInt(characters)));
                f.put("distance", 0.1 + 0.3 * rnd.nextDouble());
                f.put("status", "named");
            } else if (kind < 0.65) {
                f.put("character", "unknown").put("distance", 0.45 + 0.1 * rnd.nextDouble());
                f.put("status", "uncertain").put("candidate", "character " + (1 + rnd.nextInt(characters)));
            } else {
                f.put("character", "unknown").put("distance", 0.6 + 0.3 * rnd.nextDouble());
                if (kind < 0.9) {
                    f.put("cluster", "c" + (1 + rnd.nextInt(clusters)));
                }
                f.put("status", "unknown");
            }
            if (dims > 0) {
                float[] e = new float[dims];
                for (int d = 0; d < dims; d++) {
                    e[d] = (float) rnd.nextGaussian();
                }
                f.put("embedding", FloatVectors.encode(e));
            }
        }
        detect.put("face_count", n);
        detect.put("face_height_bucket", n == 0 ? "none" : "medium");
        root.set("classify", classify);
        ArrayNode tags = root.putArray("tags");
        tags.add(n == 0 ? "no_humans" : n == 1 ? "1girl" : "multiple_girls");
        for (int t = 0; t < 12; t++) {
            tags.add("tag_" + rnd.nextInt(400));
        }
        root.putObject("caption").put("file", image.getFileName().toString().replace(".png", ".txt"))
                .put("text", "a generated frame " + i).put("seed", 1);
        if (isRemoved(i)) {
            root.putObject("filter").put("method", "generated").put("verdict", "removed").put("reason", "title_card");
        }
        Files.write(image.resolveSibling(image.getFileName().toString().replace(".png", ".json")), COMPACT.writeValueAsBytes(root));
    }

    /** A few small drawn pictures: a background and some blobs, PNG. */
    private static List<byte[]> pictures(int n, Random rnd) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(rnd.nextInt(0xffffff)));
            g.fillRect(0, 0, W, H);
            for (int k = 0; k < 6; k++) {
                g.setColor(new Color(rnd.nextInt(0xffffff)));
                g.fillOval(rnd.nextInt(W), rnd.nextInt(H), 20 + rnd.nextInt(60), 20 + rnd.nextInt(60));
            }
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(img, "png", bytes);
            out.add(bytes.toByteArray());
        }
        return out;
    }
}
