package org.aniprep.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.IoErrors;
import org.aniprep.io.MediaFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    private SidecarStore() {
    }

    public static Path pathFor(Path image) {
        return image.resolveSibling(MediaFiles.stem(image) + ".json");
    }

    public static boolean exists(Path image) {
        return Files.isRegularFile(pathFor(image));
    }

    /**
     * The image's sidecar, or an empty one when it has none or when it is another image's record
     * ({@link #foreignName}; {@link #update} sets such a file aside). Throws when the file is corrupt.
     */
    public static Sidecar read(Path image) {
        Sidecar sidecar = readFile(image);
        return sidecar == null || foreignName(sidecar, image) != null ? Sidecar.empty() : sidecar;
    }

    private static Sidecar readFile(Path image) {
        Path file = pathFor(image);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new SidecarException(file + ": not a JSON object, so not an aniprep record; fix it, or move it away "
                        + "to start a fresh one");
            }
            Sidecar sidecar = Sidecar.of((ObjectNode) node);
            checkImageName(sidecar, image, file);
            return sidecar;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new SidecarException(file + ": not valid JSON" + (at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": " + why(e)
                    + "; fix it, or move it away to start a fresh record", e);
        } catch (IOException e) {
            throw new SidecarException(file + ": cannot be read (" + IoErrors.describe(e) + ")", e);
        }
    }

    /**
     * The image another image's record names when {@code sidecar} is not this image's: its
     * {@code file} names a different image. The same stem with another extension counts as this image
     * converted (x.png → x.jpg) as long as no such file lies beside it. Null when it is this image's.
     */
    private static String foreignName(Sidecar sidecar, Path image) {
        JsonNode name = sidecar.root().get("file");
        if (name == null || !name.isTextual() || name.asText().equals(image.getFileName().toString())) {
            return null;
        }
        boolean converted = MediaFiles.stem(Path.of(name.asText())).equals(MediaFiles.stem(image))
                && !Files.exists(image.resolveSibling(name.asText()));
        return converted ? null : name.asText();
    }

    /** Renames another image's record to {@code <stem>.json.foreign-<n>} (never deleted) and says so in one line. */
    private static void setAside(Path image, String owner) {
        Path file = pathFor(image);
        try {
            for (int n = 1; ; n++) {
                Path aside = file.resolveSibling(file.getFileName() + ".foreign-" + n);
                if (!Files.exists(aside)) {
                    Files.move(file, aside);
                    LOG.warn("{}: is the record of {}, not of {}; set aside as {}, a fresh record started", file, owner,
                            image.getFileName(), aside.getFileName());
                    return;
                }
            }
        } catch (IOException e) {
            throw new SidecarException(file + ": is the record of " + owner + ", not of " + image.getFileName()
                    + ", and cannot be set aside (" + IoErrors.describe(e) + ")", e);
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
            throw new SidecarException(file + ": cannot write (" + IoErrors.describe(e) + ")", e);
        }
    }

    /** Read, change, write back, with no other update of the same file in between (in this JVM). */
    public static Sidecar update(Path image, UnaryOperator<Sidecar> change) {
        Object lock = LOCKS.computeIfAbsent(pathFor(image).toAbsolutePath().normalize(), k -> new Object());
        synchronized (lock) {
            Sidecar current = readFile(image);
            String owner = current == null ? null : foreignName(current, image);
            if (owner != null) {
                setAside(image, owner);
            }
            Sidecar updated = change.apply(current == null || owner != null ? Sidecar.empty() : current);
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

    /** What is wrong with the JSON, without the parser's internals (source locations, token names). */
    private static String why(JacksonException e) {
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "it ends too early, the file is cut short";
        }
        String m = e.getOriginalMessage();
        return m == null ? "unexpected content" : m.lines().findFirst().orElse("").replaceAll("\\s*\\(.*$", "");
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
