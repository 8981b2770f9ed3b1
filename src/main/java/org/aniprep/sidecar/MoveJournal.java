package org.aniprep.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.IoErrors;
import org.aniprep.io.SafePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * Crash-safe batches of sidecar changes and moves of images with their sidecars (dedup's and filter's
 * moves to {@code _removed/}). The whole batch, with the final value of every section it sets, is
 * written and synced to {@code <folder>/.aniprep-journal.json} first; then each step is carried out;
 * then the journal is deleted. Every step is idempotent and checks what is already done, so a run
 * killed at any point, or stopped by a full disk, is finished by {@link #recover}, which the start of
 * every writing command calls right after taking the folder lock: the folder ends as an uninterrupted
 * run leaves it, records included. Call {@link #apply} while holding the folder's lock.
 */
public final class MoveJournal {
    public static final String FILE_NAME = ".aniprep-journal.json";
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    /** What a step does; paths are relative to the journal's folder. */
    public enum Kind { UPDATE, MOVE, DELETE }

    /**
     * One change: UPDATE sets {@code section} of {@code image}'s sidecar to {@code value}; MOVE moves
     * {@code image} and its sidecar to {@code target}, then (when {@code section} is given) sets that
     * section of the moved sidecar; DELETE deletes {@code image} and its sidecar.
     */
    public record Step(Kind kind, String image, String target, String section, JsonNode value) {
        public static Step update(String image, String section, Object value) {
            return new Step(Kind.UPDATE, image, null, section, Json.MAPPER.valueToTree(value));
        }

        public static Step move(String image, String target, String section, Object value) {
            return new Step(Kind.MOVE, image, target, section, value == null ? null : Json.MAPPER.valueToTree(value));
        }

        public static Step delete(String image) {
            return new Step(Kind.DELETE, image, null, null, null);
        }
    }

    /** The journal file's content. */
    record Batch(String command, String started, List<Step> steps) {
    }

    /**
     * What a batch did, as it is on disk: images moved and deleted, and {@code error} (null when every
     * step is done), the file error that stopped it; when {@code started} the journal then stays for
     * the next run, otherwise not even the journal could be written and nothing changed.
     */
    public record Outcome(int moved, int deleted, boolean started, String error) {
        public boolean complete() {
            return error == null;
        }
    }

    /** A step that was left out because its files are not where the journal expects them. */
    @FunctionalInterface
    public interface Skipped {
        void skipped(Path file, String why);
    }

    /** Called before each file operation; crash and disk-full tests stop or fail a run there. */
    @FunctionalInterface
    interface Hook {
        void before(String operation) throws IOException;
    }

    static volatile Hook hook = op -> { };

    private MoveJournal() {
    }

    /**
     * Writes the journal of {@code steps}, carries them out and deletes it. A step whose files are not
     * where it expects goes to {@code skipped} and the rest go on; a file error (a full disk) stops the
     * batch: the outcome names it, and the journal stays so that the next run on the folder finishes it.
     * When even the journal cannot be written nothing is changed.
     */
    public static Outcome apply(Path folder, String command, List<Step> steps, Skipped skipped) {
        if (steps.isEmpty()) {
            return new Outcome(0, 0, true, null);
        }
        Path root = folder.toAbsolutePath().normalize();
        Path journal = root.resolve(FILE_NAME);
        try {
            hook.before("journal");
            AtomicFiles.write(journal, Json.MAPPER.writeValueAsBytes(new Batch(command, Instant.now().toString(), steps)));
        } catch (IOException e) {
            return new Outcome(0, 0, false, "cannot write " + journal + " (" + IoErrors.describe(e) + ")");
        }
        syncFolder(root);
        return run(root, journal, steps, skipped);
    }

    /**
     * Finishes the batch an interrupted run left in {@code folder}, if any (empty outcome when there is
     * none). An incomplete outcome means a file error (a still full disk) stopped it again.
     */
    public static Outcome recover(Path folder, Skipped skipped) {
        Path root = folder.toAbsolutePath().normalize();
        Path journal = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(journal)) {
            return new Outcome(0, 0, true, null);
        }
        Batch batch;
        try {
            batch = Json.MAPPER.readValue(journal.toFile(), Batch.class);
        } catch (IOException e) {
            // the journal is written whole (atomically) before its first step, so an unreadable one changed nothing
            skipped.skipped(journal, "the journal of an earlier run cannot be read (" + IoErrors.describe(e)
                    + "); set aside as " + FILE_NAME + ".unreadable");
            try {
                AtomicFiles.move(journal, journal.resolveSibling(FILE_NAME + ".unreadable"));
            } catch (IOException moveFailed) {
                return new Outcome(0, 0, true, "cannot set aside " + journal + " (" + IoErrors.describe(moveFailed) + ")");
            }
            return new Outcome(0, 0, true, null);
        }
        Outcome done = run(root, journal, batch.steps(), skipped);
        if (done.complete()) {
            LOG.info("{}: finished what an interrupted '{}' run had left to do ({} step(s): {} image(s) moved, {} deleted now)",
                    root, batch.command(), batch.steps().size(), done.moved(), done.deleted());
        }
        return done;
    }

    private static Outcome run(Path root, Path journal, List<Step> steps, Skipped skipped) {
        int moved = 0;
        int deleted = 0;
        try {
            for (Step step : steps) {
                Path image;
                Path target;
                try {
                    image = SafePaths.inside(root, step.image());
                    target = step.kind() == Kind.MOVE ? SafePaths.inside(root, step.target()) : null;
                } catch (IllegalArgumentException | NullPointerException e) {
                    skipped.skipped(root.resolve(FILE_NAME), "a step names a path outside the folder; left out");
                    continue;
                }
                switch (step.kind()) {
                    case UPDATE -> update(image, step, skipped);
                    case MOVE -> moved += move(image, target, step, skipped) ? 1 : 0;
                    case DELETE -> deleted += delete(image) ? 1 : 0;
                    default -> throw new IllegalStateException(step.kind().name());
                }
            }
            hook.before("done");
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            return new Outcome(moved, deleted, true, IoErrors.describe(e));
        }
        syncFolder(root);
        return new Outcome(moved, deleted, true, null);
    }

    private static void update(Path image, Step step, Skipped skipped) throws IOException {
        if (!Files.isRegularFile(image)) {
            skipped.skipped(image, "is gone; its " + step.section() + " record was not written");
            return;
        }
        hook.before("update " + step.image());
        put(image, step.section(), step.value(), skipped);
    }

    /** True when this call moved the image (false: already moved before, or skipped). */
    private static boolean move(Path image, Path target, Step step, Skipped skipped) throws IOException {
        boolean here = Files.isRegularFile(image);
        boolean there = Files.isRegularFile(target);
        if (here && there && Files.isSymbolicLink(image) && Files.isSameFile(image, target)) {
            Files.delete(image); // a relative link re-made at the target; only the old link was left
            here = false;
        }
        if (here && there) {
            skipped.skipped(image, "not moved: " + target + " already exists");
            return false;
        }
        if (!here && !there) {
            skipped.skipped(image, "is gone; it was to be moved to " + target);
            return false;
        }
        Path side = SidecarStore.pathFor(image);
        Path targetSide = SidecarStore.pathFor(target);
        if (Files.exists(side)) {
            if (Files.exists(targetSide) && here) {
                skipped.skipped(image, "not moved: " + targetSide + " already exists");
                return false;
            }
            hook.before("move sidecar " + step.image());
            AtomicFiles.move(side, targetSide);
        }
        if (here) {
            hook.before("move " + step.image());
            moveKeepingLinkTarget(image, target);
        }
        if (step.section() != null) {
            hook.before("record " + step.target());
            put(target, step.section(), step.value(), skipped);
        }
        return here;
    }

    /** A link to a library file keeps pointing at it: a relative link is made again, absolute, at the target. */
    private static void moveKeepingLinkTarget(Path image, Path target) throws IOException {
        if (Files.isSymbolicLink(image)) {
            Path to = Files.readSymbolicLink(image);
            if (!to.isAbsolute()) {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.createSymbolicLink(target, image.toAbsolutePath().getParent().resolve(to).normalize());
                Files.delete(image);
                return;
            }
        }
        AtomicFiles.move(image, target);
    }

    private static boolean delete(Path image) throws IOException {
        hook.before("delete sidecar " + image.getFileName());
        Files.deleteIfExists(SidecarStore.pathFor(image));
        hook.before("delete " + image.getFileName());
        return Files.deleteIfExists(image);
    }

    /** A file error stops the batch; a sidecar that cannot be read is that image's problem only. */
    private static void put(Path image, String section, JsonNode value, Skipped skipped) throws IOException {
        try {
            SidecarStore.put(image, section, value);
        } catch (SidecarException e) {
            if (e.getCause() instanceof IOException io && !(e.getCause() instanceof com.fasterxml.jackson.core.JacksonException)) {
                throw io;
            }
            skipped.skipped(SidecarStore.pathFor(image), "its " + section + " record was not written: " + e.getMessage());
        }
    }

    /** Makes the journal's creation or removal durable before the steps (or the next batch) go on. */
    private static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system syncs a folder; the file itself was synced
        }
    }
}
