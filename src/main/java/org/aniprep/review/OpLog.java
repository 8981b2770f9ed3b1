package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review's append-only operation log, {@code ops.jsonl}: one JSON line per action ({@code op}: its
 * id, time, label and, for every record it touched, where the image was and is and the review section
 * before and after), and one per undo, redo or void (an action a crash kept from happening). Replaying
 * the lines gives the undo and redo stacks, so both work for bulk actions and after a restart.
 */
public final class OpLog {
    /** One record an action touched: the image moved {@code from} → {@code to} (the same path when it stayed). */
    public record Change(String from, String to, JsonNode before, JsonNode after) {
        Change inverse() {
            return new Change(to, from, after, before);
        }
    }

    public record Op(long id, String at, String label, List<Change> changes) {
        Op inverse() {
            return new Op(id, at, label, changes.stream().map(Change::inverse).toList());
        }
    }

    /** One line per entry: the shared mapper indents. */
    static final com.fasterxml.jackson.databind.ObjectWriter COMPACT =
            Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<Long, Op> ops = new HashMap<>();
    private final Deque<Long> done = new ArrayDeque<>();
    private final Deque<Long> undone = new ArrayDeque<>();
    private long lastId;

    private OpLog(Path file) {
        this.file = file;
    }

    /** Reads the log ({@code file} may not exist yet); a torn last line (a crash mid-append) is ignored. */
    public static OpLog load(Path file) throws IOException {
        OpLog log = new OpLog(file);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                log.replay(n);
            }
        }
        return log;
    }

    private void replay(JsonNode n) throws IOException {
        if (n.has("op")) {
            Op op = Json.MAPPER.treeToValue(n.get("op"), Op.class);
            ops.put(op.id(), op);
            done.push(op.id());
            undone.clear();
            lastId = Math.max(lastId, op.id());
        } else if (n.has("undo")) {
            long id = n.get("undo").asLong();
            if (done.remove(id)) {
                undone.push(id);
            }
        } else if (n.has("redo")) {
            long id = n.get("redo").asLong();
            if (undone.remove(id)) {
                done.push(id);
            }
        } else if (n.has("void")) {
            long id = n.get("void").asLong();
            done.remove(id);
            undone.remove(id);
        }
    }

    public synchronized long nextId() {
        return lastId + 1;
    }

    /** The line that records {@code op} as done. */
    static ObjectNode opLine(Op op) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.set("op", Json.MAPPER.valueToTree(op));
        return n;
    }

    static ObjectNode markLine(String kind, long id) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put(kind, id);
        return n;
    }

    /** Appends {@code line} (flushed to disk) and applies it to the stacks. */
    public synchronized void append(JsonNode line) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = (COMPACT.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        replay(line);
    }

    /** The action an undo would take back, or null. */
    public synchronized Op undoable() {
        return done.isEmpty() ? null : ops.get(done.peek());
    }

    public synchronized Op redoable() {
        return undone.isEmpty() ? null : ops.get(undone.peek());
    }

    public synchronized boolean contains(long id) {
        return ops.containsKey(id);
    }

    /** Labels of the last actions, newest first (for the page's history line). */
    public synchronized List<String> recent(int n) {
        List<String> out = new ArrayList<>();
        for (Long id : done) {
            if (out.size() >= n) {
                break;
            }
            out.add(ops.get(id).label());
        }
        return out;
    }
}
