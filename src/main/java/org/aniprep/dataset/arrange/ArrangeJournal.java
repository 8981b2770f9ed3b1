package org.aniprep.dataset.arrange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.aniprep.io.AtomicFiles;
import org.aniprep.sidecar.Json;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The record of one arrange run, written (and synced) before its first file is touched:
 * {@code <dst>/.aniprep/arrange/<id>.json}. Every step is idempotent, so an interrupted run is
 * finished by the next arrange on that --dst (or reversed by --undo) by simply running the steps
 * again. {@code <id>.done} marks a finished run, {@code <id>.undone} one that was undone. A moved
 * source sidecar is kept in {@code <id>.originals/} so --undo puts back the very same bytes.
 *
 * @param encode null, or the training-copy settings of {@code encode} steps
 */
public record ArrangeJournal(int version, String id, String mode, String src, String dst, String started, Encode encode,
                      List<JournalEntry> entries) {
    static final int VERSION = 1;
    static final String FOLDER = ".aniprep/arrange";
    /** Compact: a 100 000-image journal is read back at the start of every later run. */
    private static final ObjectMapper MAPPER = Json.MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    /** Resize/re-encode settings: the shorter side at most {@code maxSize} (0: keep), {@code format} (null: keep). */
    public record Encode(int maxSize, String format, int quality) {
    }

    public ArrangeJournal {
        entries = List.copyOf(entries);
    }

    static Path folder(Path dst) {
        return dst.resolve(FOLDER);
    }

    Path file(Path dst) {
        return folder(dst).resolve(id + ".json");
    }

    Path originals(Path dst) {
        return folder(dst).resolve(id + ".originals");
    }

    void write(Path dst) throws IOException {
        AtomicFiles.write(file(dst), MAPPER.writeValueAsBytes(this));
    }

    /**
     * Reads a journal; anything else (another JSON file, a picture, a journal cut short by a full
     * disk or damaged by hand) is refused with an IOException saying in plain words what the file is not.
     */
    static ArrangeJournal read(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (JsonEOFException e) {
            throw new IOException(file + " is a damaged arrange journal: it ends early, after " + Files.size(file)
                    + " bytes (cut short, e.g. by a full disk)");
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not an arrange journal: it is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (CharConversionException e) {
            throw new IOException(file + " is not an arrange journal: it is not a text file");
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            throw new IOException(file + " is not an arrange journal: " + (tree == null || tree.isMissingNode()
                    ? "it is empty" : "it holds a JSON " + tree.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not a journal object"));
        }
        List<String> missing = Stream.of("version", "id", "dst", "entries").filter(k -> !tree.hasNonNull(k)).toList();
        if (!missing.isEmpty()) {
            throw new IOException(file + " is not an arrange journal: a JSON file without " + String.join(", ", missing)
                    + " (journals are the .aniprep/arrange/<id>.json files under an arrange --dst)");
        }
        if (tree.get("version").asInt(-1) != VERSION) {
            throw new IOException(file + ": journal version " + tree.get("version") + " is not " + VERSION
                    + " (written by another aniprep)");
        }
        if (!tree.get("entries").isArray()) {
            throw new IOException(file + " is a damaged arrange journal: its entries are not a list");
        }
        for (int i = 0; i < tree.get("entries").size(); i++) {
            JsonNode e = tree.get("entries").get(i);
            if (!e.isObject() || !e.hasNonNull("op") || !e.hasNonNull("from") || !e.hasNonNull("to")) {
                throw new IOException(file + " is a damaged arrange journal: entry " + (i + 1) + " of "
                        + tree.get("entries").size() + " lacks its op, from or to");
            }
        }
        try {
            return MAPPER.treeToValue(tree, ArrangeJournal.class);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m ? where(m.getPath()) : "";
            throw new IOException(file + " is a damaged arrange journal: a value of the wrong kind" + where);
        }
    }

    private static String where(List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex() + 1).append(']');
            }
        }
        return b.isEmpty() ? "" : " (" + b + ")";
    }

    static Path marker(Path journal, String state) {
        String n = journal.getFileName().toString().replaceFirst("\\.json$", "");
        return journal.resolveSibling(n + "." + state);
    }

    static boolean isDone(Path journal) {
        return Files.exists(marker(journal, "done"));
    }

    static boolean isUndone(Path journal) {
        return Files.exists(marker(journal, "undone"));
    }

    /** The journals of --dst, oldest first (ids sort by time). */
    static List<Path> all(Path dst) throws IOException {
        Path dir = folder(dst);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !AtomicFiles.isTemp(p)).sorted().toList();
        }
    }

    /**
     * Where earlier finished runs put each source image (source path → path relative to --dst),
     * relocations applied; undone runs do not count.
     */
    static Map<String, String> placed(List<ArrangeJournal> journals) {
        Map<String, String> out = new HashMap<>();
        for (ArrangeJournal j : journals) {
            for (JournalEntry e : j.entries()) {
                out.put(e.source(), e.to());
            }
        }
        return out;
    }

    /** The finished, not undone journals of --dst, oldest first. */
    static List<ArrangeJournal> finished(Path dst) throws IOException {
        List<ArrangeJournal> out = new ArrayList<>();
        for (Path p : all(dst)) {
            if (isDone(p) && !isUndone(p)) {
                out.add(read(p));
            }
        }
        return out;
    }
}
