package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.FolderLock;
import org.aniprep.pipeline.StageLocks;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.MoveJournal;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every write of the review: one action = one batch of {@link MoveJournal} steps (set the review
 * section, or move the image to or from {@code _removed/} with it), made while holding the frames
 * folder's lock (only while the write runs: {@code aniprep run} holding it makes the review read-only),
 * and one line of the {@link OpLog}. Crash order: the line goes to {@code pending.json} first, then the
 * journal runs, then the line is appended to the log; the next start ({@link #recover}) finishes an
 * interrupted journal and logs the pending line when its records show it done, or drops it when the
 * batch never started, so an action is never half-applied nor lost from undo.
 */
public final class ReviewWriter {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");
    private static final String HOLDER = "aniprep review";

    /** An action that cannot be done now; the message is for the user. */
    public static final class Refused extends RuntimeException {
        public final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final ReviewFolder folder;
    private final ReviewIndex index;
    private final OpLog log;

    public ReviewWriter(ReviewFolder folder, ReviewIndex index, OpLog log) {
        this.folder = folder;
        this.index = index;
        this.log = log;
    }

    public OpLog log() {
        return log;
    }

    private Path pending() {
        return pendingOf(folder);
    }

    /** Finishes what a killed server left: an interrupted batch, and its log line. Call before building the index. */
    public static OpLog recover(ReviewFolder folder) throws IOException {
        OpLog log = OpLog.load(folder.opLog());
        if (!Files.isRegularFile(pendingOf(folder))) {
            return log;
        }
        boolean started = ownJournal(folder);
        try (FolderLock lock = StageLocks.lock(folder.frames(), HOLDER, false)) {
            settle(folder, log, started);
        } catch (FolderLock.LockedException e) {
            LOG.warn("{}: an interrupted review action waits until the folder is free ({})", folder.root(), e.getMessage());
        }
        return log;
    }

    private static Path pendingOf(ReviewFolder folder) {
        return folder.state().resolve("pending.json");
    }

    /**
     * Decides the pending batch once its journal is finished (call holding the lock): logged when it
     * started (its journal was there) or its records show it done, dropped when it never started.
     */
    private static OpLog.Op settle(ReviewFolder folder, OpLog log, boolean started) throws IOException {
        Path pending = pendingOf(folder);
        JsonNode p = Json.MAPPER.readTree(pending.toFile());
        JsonNode line = p.get("line");
        long id = p.get("id").asLong();
        OpLog.Op batch = Json.MAPPER.treeToValue(p.get("batch"), OpLog.Op.class);
        boolean logged = line.has("op") ? log.contains(id) : lastIs(folder, line);
        if (!logged && (started || applied(folder, batch))) {
            log.append(line);
            LOG.info("{}: finished the review action an interrupted server left ({})", folder.root(), batch.label());
        } else if (!logged) {
            LOG.info("{}: the review action an interrupted server left never started ({}); nothing changed", folder.root(), batch.label());
        }
        Files.deleteIfExists(pending);
        return batch;
    }

    /**
     * Whether the frames folder holds the review's own journal: its batch started, and the lock's
     * recovery finishes it even where a step had to be left out (a file someone moved meanwhile), so
     * its line is logged and undo knows of it. Looked at before the lock's recovery deletes it.
     */
    private static boolean ownJournal(ReviewFolder folder) {
        Path journal = folder.frames().resolve(MoveJournal.FILE_NAME);
        try {
            return Files.isRegularFile(journal) && HOLDER.equals(Json.MAPPER.readTree(journal.toFile()).path("command").asText());
        } catch (IOException e) {
            return false; // written whole before its first step: unreadable means nothing started
        }
    }

    private static boolean lastIs(ReviewFolder folder, JsonNode line) throws IOException {
        if (!Files.isRegularFile(folder.opLog())) {
            return false;
        }
        List<String> lines = Files.readAllLines(folder.opLog());
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                try {
                    return Json.MAPPER.readTree(lines.get(i)).equals(line);
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean applied(ReviewFolder folder, OpLog.Op batch) {
        for (OpLog.Change c : batch.changes()) {
            Path image = folder.frames().resolve(c.to());
            if (!Files.exists(image)) {
                return false;
            }
            JsonNode now = SidecarStore.read(image).node(ReviewInfo.SECTION).orElse(Json.MAPPER.nullNode());
            if (!now.equals(c.after() == null ? Json.MAPPER.nullNode() : c.after())) {
                return false;
            }
        }
        return true;
    }

    /** Does a new action; returns it as logged. */
    public synchronized OpLog.Op act(String label, List<OpLog.Change> changes) {
        if (changes.isEmpty()) {
            throw new Refused(400, "nothing to change: the selection is empty or already so");
        }
        settleEarlier();
        OpLog.Op op = new OpLog.Op(log.nextId(), Instant.now().toString(), label, changes);
        run(op, OpLog.opLine(op));
        return op;
    }

    public synchronized OpLog.Op undo() {
        settleEarlier();
        OpLog.Op op = log.undoable();
        if (op == null) {
            throw new Refused(409, "nothing to undo");
        }
        run(checked(op.inverse()), OpLog.markLine("undo", op.id()));
        return op;
    }

    public synchronized OpLog.Op redo() {
        settleEarlier();
        OpLog.Op op = log.redoable();
        if (op == null) {
            throw new Refused(409, "nothing to redo");
        }
        run(checked(op), OpLog.markLine("redo", op.id()));
        return op;
    }

    /** Refuses to undo or redo over records someone changed since (another tool, a hand edit). */
    private OpLog.Op checked(OpLog.Op op) {
        for (OpLog.Change c : op.changes()) {
            Path image = folder.frames().resolve(c.from());
            JsonNode want = c.before() == null ? Json.MAPPER.nullNode() : c.before();
            JsonNode now = Files.exists(image) ? SidecarStore.read(image).node(ReviewInfo.SECTION).orElse(Json.MAPPER.nullNode()) : null;
            if (now == null || !now.equals(want)) {
                throw new Refused(409, "cannot take back '" + op.label() + "': " + c.from() + " changed since");
            }
        }
        return op;
    }

    private void run(OpLog.Op batch, ObjectNode line) {
        List<MoveJournal.Step> steps = new ArrayList<>();
        for (OpLog.Change c : batch.changes()) {
            JsonNode after = c.after() == null ? Json.MAPPER.nullNode() : c.after();
            steps.add(c.from().equals(c.to()) ? MoveJournal.Step.update(c.from(), ReviewInfo.SECTION, after)
                    : MoveJournal.Step.move(c.from(), c.to(), ReviewInfo.SECTION, after));
        }
        List<String> problems = new ArrayList<>();
        try (FolderLock lock = lockForWrite()) {
            ObjectNode p = Json.MAPPER.createObjectNode();
            p.put("id", batch.id());
            p.set("line", line);
            p.set("batch", Json.MAPPER.valueToTree(batch));
            Files.createDirectories(folder.state());
            AtomicFiles.write(pending(), Json.MAPPER.writeValueAsBytes(p));
            MoveJournal.Outcome out = MoveJournal.apply(folder.frames(), HOLDER, steps, (file, why) -> problems.add(file + ": " + why));
            if (!out.started()) {
                Files.deleteIfExists(pending());
                throw new Refused(500, out.error());
            }
            if (!out.complete()) {
                throw new Refused(500, out.error() + "; the next start of aniprep review finishes it");
            }
            log.append(line);
            Files.deleteIfExists(pending());
        } catch (FolderLock.LockedException e) {
            throw new Refused(423, "read-only for now: " + e.getMessage());
        } catch (IOException e) {
            throw new Refused(500, "cannot write: " + e.getMessage());
        } finally {
            refresh(batch);
        }
        if (!problems.isEmpty()) {
            LOG.warn("{}", String.join("; ", problems));
        }
    }

    /**
     * The frames folder's lock for one action. The start ({@link #recover}) tidied the folder as every
     * stage does ({@link StageLocks#lock}: temp files of dead runs, an interrupted journal); an action
     * only finishes a journal left since (a batch a full disk stopped, or another command's), which
     * costs one look at one file, instead of walking the whole folder again (3 s at 50 000 frames).
     */
    /** Re-reads the records a batch touched into the index. */
    private void refresh(OpLog.Op batch) {
        Set<String> gone = new LinkedHashSet<>();
        Set<String> added = new LinkedHashSet<>();
        batch.changes().forEach(c -> {
            gone.add(c.from());
            added.add(c.to());
        });
        index.refresh(gone, added);
    }

    /** A batch a full disk stopped earlier in this server is finished and logged before the next id is given. */
    private void settleEarlier() {
        if (!Files.isRegularFile(pending())) {
            return;
        }
        try (FolderLock lock = lockForWrite()) {
            LOG.debug("{}: settled the earlier batch", lock.folder());
        } catch (FolderLock.LockedException e) {
            throw new Refused(423, "read-only for now: " + e.getMessage());
        } catch (IOException e) {
            throw new Refused(500, "cannot write: " + e.getMessage());
        }
    }

    private FolderLock lockForWrite() throws IOException {
        boolean earlier = Files.isRegularFile(pending());
        boolean started = earlier && ownJournal(folder);
        FolderLock lock = FolderLock.acquire(folder.frames(), HOLDER, false);
        try {
            MoveJournal.Outcome left = MoveJournal.recover(folder.frames(), (file, why) -> LOG.error("{}: {}", file, why));
            if (!left.complete()) {
                throw new Refused(500, "cannot finish what an interrupted earlier write left to do (" + left.error() + ")");
            }
            if (earlier) {
                refresh(settle(folder, log, started)); // a batch a full disk stopped earlier in this server
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** True when another process ({@code aniprep run}) holds the frames folder: the review is read-only meanwhile. */
    public String heldBy() {
        try (FolderLock lock = FolderLock.acquire(folder.frames(), HOLDER, false)) {
            return null;
        } catch (FolderLock.LockedException e) {
            return e.getMessage();
        }
    }
}
