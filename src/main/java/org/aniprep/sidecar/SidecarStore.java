package org.aniprep.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Reads and writes sidecars: {@code <stem>.json} next to {@code <stem>.<ext>}. Writes are atomic and
 * go through {@link #update}, a read-merge-write under a per-file lock, so two stages (or two
 * threads) touching the same image never drop each other's sections.
 */
public final class SidecarStore {
    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private SidecarStore() {
    }

    public static Path pathFor(Path image) {
        return image.resolveSibling(MediaFiles.stem(image) + ".json");
    }

    public static boolean exists(Path image) {
        return Files.isRegularFile(pathFor(image));
    }

    /** The image's sidecar, or an empty one when it has none. Throws when the file is corrupt. */
    public static Sidecar read(Path image) {
        Path file = pathFor(image);
        if (!Files.isRegularFile(file)) {
            return Sidecar.empty();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new SidecarException(file + ": not a JSON object");
            }
            Sidecar sidecar = Sidecar.of((ObjectNode) node);
            checkImageName(sidecar, image, file);
            return sidecar;
        } catch (IOException e) {
            throw new SidecarException(file + ": unreadable sidecar (" + why(e) + ")", e);
        }
    }

    /** Writes the whole sidecar atomically (stamping the image file name). */
    public static void write(Path image, Sidecar sidecar) {
        Path file = pathFor(image);
        ObjectNode root = sidecar.root();
        root.put("schema", Sidecar.SCHEMA);
        root.put("file", image.getFileName().toString());
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SidecarException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Read, change, write back, with no other update of the same file in between (in this JVM). */
    public static Sidecar update(Path image, UnaryOperator<Sidecar> change) {
        Object lock = LOCKS.computeIfAbsent(pathFor(image).toAbsolutePath().normalize(), k -> new Object());
        synchronized (lock) {
            Sidecar updated = change.apply(read(image));
            write(image, updated);
            return updated;
        }
    }

    /** Sets one section, keeping every other. */
    public static Sidecar put(Path image, String section, Object value) {
        return update(image, s -> s.put(section, value));
    }

    /**
     * Moves an image and its sidecar to {@code target} (an image path). The sidecar goes first: a
     * crash in between leaves the image in place with its sidecar already beside the target, which
     * {@link #move} repeated on rerun completes. Refuses to overwrite.
     */
    public static void move(Path image, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new java.nio.file.FileAlreadyExistsException(target.toString());
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path side = pathFor(image);
        if (Files.exists(side)) {
            AtomicFiles.move(side, pathFor(target));
        }
        AtomicFiles.move(image, target);
    }

    /** What is wrong with the file, without the parser's internals (source locations, token names). */
    private static String why(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "the JSON ends too early: the file is cut short";
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getOriginalMessage() != null) {
            return "not valid JSON: " + j.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(.*$", "");
        }
        return org.aniprep.io.IoErrors.describe(e);
    }

    private static void checkImageName(Sidecar sidecar, Path image, Path file) {
        JsonNode name = sidecar.root().get("file");
        if (name != null && name.isTextual()) {
            String expected = image.getFileName().toString();
            // same stem, other extension: the sidecar belongs to another image (a.png vs a.jpg)
            if (!name.asText().equals(expected) && MediaFiles.stem(Path.of(name.asText())).equals(MediaFiles.stem(image))
                    && Files.exists(image.resolveSibling(name.asText()))) {
                throw new SidecarException(file + ": belongs to " + name.asText() + ", not " + expected
                        + " (two images share the stem)");
            }
        }
    }
}
