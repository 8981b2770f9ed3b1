package org.aniprep.dataset.arrange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.aniprep.io.AtomicFiles;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    static ArrangeJournal read(Path file) throws IOException {
        ArrangeJournal j = MAPPER.readValue(file.toFile(), ArrangeJournal.class);
        if (j.version() != VERSION) {
            throw new IOException(file + ": journal version " + j.version() + " is not " + VERSION);
        }
        return j;
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
