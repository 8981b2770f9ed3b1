package org.aniprep.dataset.arrange;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.RgbImage;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.ArrangeInfo;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a journal's steps (a new run, or the rest of an interrupted one) and reverses them for
 * --undo. Within an image the image file comes last when placing and first when undoing, so an
 * image present at its new place means its companions are there too.
 */
final class JournalRunner {
    private final Path dst;
    private final Problems problems;

    JournalRunner(Path dst, Problems problems) {
        this.dst = dst.toAbsolutePath().normalize();
        this.problems = problems;
    }

    /** Runs every step; returns how many images are in place. Marks the journal done. */
    int run(ArrangeJournal journal, String task) throws IOException {
        TrainingImages encoder = journal.encode() == null ? null : new TrainingImages(journal.encode());
        int ok = 0;
        try (Progress progress = Progress.start(task, "images", journal.entries().size())) {
            for (JournalEntry e : journal.entries()) {
                try {
                    place(journal, e, encoder);
                    ok++;
                } catch (IOException | RuntimeException ex) {
                    problems.add(e.from(), "not placed at " + e.to() + " (" + message(ex) + "); left where it is");
                }
                progress.step();
            }
        }
        AtomicFiles.writeString(ArrangeJournal.marker(journal.file(dst), "done"), java.time.Instant.now() + "\n");
        return ok;
    }

    /** Reverses every step, last first; returns how many images are back. Marks the journal undone. */
    int undo(ArrangeJournal journal) throws IOException {
        int ok = 0;
        List<JournalEntry> entries = new ArrayList<>(journal.entries());
        java.util.Collections.reverse(entries);
        try (Progress progress = Progress.start("arrange: undo", "images", entries.size())) {
            for (JournalEntry e : entries) {
                try {
                    reverse(journal, e);
                    ok++;
                } catch (IOException | RuntimeException ex) {
                    problems.add(dst.resolve(e.to()), "not undone (" + message(ex) + ")");
                }
                progress.step();
            }
        }
        pruneEmptyFolders();
        AtomicFiles.writeString(ArrangeJournal.marker(journal.file(dst), "undone"), java.time.Instant.now() + "\n");
        return ok;
    }

    private void place(ArrangeJournal journal, JournalEntry e, TrainingImages encoder) throws IOException {
        if (e.replaces() != null) {
            backUp(journal, e);
        }
        if (JournalEntry.REMOVE.equals(e.op())) {
            return;
        }
        Path from = Path.of(e.from());
        Path to = dst.resolve(e.to());
        if (placedBefore(e, from, to)) {
            return; // placed before an interruption: the image comes last
        }
        Path fromDir = from.getParent();
        Path toDir = to.getParent();
        RgbImage decoded = e.op().equals(JournalEntry.ENCODE) ? encoder.load(from) : null;
        if (e.sidecar() != null) {
            Path side = toDir.resolve(e.sidecar());
            if (!Files.exists(side)) {
                writeSidecar(from, e, to, decoded == null ? null : encoder.sizeOf(decoded));
            }
            if (e.original() != null) {
                Path own = SidecarStore.pathFor(from);
                if (Files.exists(own)) {
                    FileOps.move(own, journal.originals(dst).resolve(e.original()));
                }
            }
        }
        for (List<String> pair : e.files()) {
            Path a = fromDir.resolve(pair.get(0));
            Path b = toDir.resolve(pair.get(1));
            switch (e.op()) {
                case JournalEntry.MOVE, JournalEntry.RELOCATE -> FileOps.move(a, b);
                default -> FileOps.copy(a, b);
            }
        }
        switch (e.op()) {
            case JournalEntry.MOVE, JournalEntry.RELOCATE -> FileOps.move(from, to);
            case JournalEntry.LINK -> FileOps.link(from, to);
            case JournalEntry.ENCODE -> encoder.write(decoded, from, to);
            default -> FileOps.copy(from, to);
        }
    }

    /** A copy or link whose image is complete at its place (a copy as long as its source; a re-encoded one present). */
    private static boolean placedBefore(JournalEntry e, Path from, Path to) throws IOException {
        if (e.op().equals(JournalEntry.MOVE) || e.op().equals(JournalEntry.RELOCATE)
                || !Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return !e.op().equals(JournalEntry.COPY) || !Files.exists(from) || Files.size(to) == Files.size(from);
    }

    /** The source's record with the {@code arrange} section (and, for a resized copy, its new size) beside the new image. */
    private void writeSidecar(Path from, JournalEntry e, Path to, int[] newSize) throws IOException {
        Sidecar s = Files.exists(SidecarStore.pathFor(from)) ? SidecarStore.read(from) : Sidecar.empty();
        s.put(ArrangeInfo.SECTION, new ArrangeInfo(e.type(), e.source(), e.weight()));
        if (newSize != null) {
            s.put(ImageInfo.SECTION, new ImageInfo(newSize[0], newSize[1]));
        }
        Files.createDirectories(to.getParent());
        SidecarStore.write(to, s);
    }

    /**
     * Moves the earlier placement an entry replaces or removes, with its companions, into the journal's
     * backup (the image last, so a backed-up image means its companions are there too); done already
     * when the backup holds the image.
     */
    private void backUp(ArrangeJournal journal, JournalEntry e) throws IOException {
        Path old = dst.resolve(e.replaces());
        Path keep = journal.replaced(dst).resolve(e.replaces());
        if (Files.exists(keep, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.exists(old, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (String c : e.replacedFiles()) {
            if (Files.exists(old.resolveSibling(c), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                FileOps.move(old.resolveSibling(c), keep.resolveSibling(c));
            }
        }
        FileOps.move(old, keep);
    }

    /** Puts a replaced or removed placement back from the journal's backup (--undo). */
    private void restore(ArrangeJournal journal, JournalEntry e) throws IOException {
        Path old = dst.resolve(e.replaces());
        Path keep = journal.replaced(dst).resolve(e.replaces());
        if (!Files.exists(keep, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        FileOps.move(keep, old);
        for (String c : e.replacedFiles()) {
            if (Files.exists(keep.resolveSibling(c), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                FileOps.move(keep.resolveSibling(c), old.resolveSibling(c));
            }
        }
    }

    private void reverse(ArrangeJournal journal, JournalEntry e) throws IOException {
        if (JournalEntry.REMOVE.equals(e.op())) {
            restore(journal, e);
            return;
        }
        reversePlacement(journal, e);
        if (e.replaces() != null) {
            restore(journal, e);
        }
    }

    private void reversePlacement(ArrangeJournal journal, JournalEntry e) throws IOException {
        Path from = Path.of(e.from());
        Path to = dst.resolve(e.to());
        Path fromDir = from.getParent();
        Path toDir = to.getParent();
        boolean moved = e.op().equals(JournalEntry.MOVE) || e.op().equals(JournalEntry.RELOCATE);
        if (moved) {
            FileOps.move(to, from);
        } else {
            FileOps.deleteIfExists(to);
        }
        for (List<String> pair : e.files()) {
            Path a = fromDir.resolve(pair.get(0));
            Path b = toDir.resolve(pair.get(1));
            if (moved) {
                if (Files.exists(b) || !Files.exists(a)) {
                    FileOps.move(b, a);
                }
            } else {
                FileOps.deleteIfExists(b);
            }
        }
        if (e.sidecar() != null) {
            FileOps.deleteIfExists(toDir.resolve(e.sidecar()));
            if (e.original() != null) {
                Path kept = journal.originals(dst).resolve(e.original());
                if (Files.exists(kept)) {
                    FileOps.move(kept, SidecarStore.pathFor(from));
                }
            }
        }
    }

    /**
     * Folders the arrangement made and emptied again; --dst itself, .aniprep and _report stay. A folder
     * holding only balance's {@code multiply.txt} is empty too (a fresh arrangement would not have it).
     */
    void pruneEmptyFolders() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(dst)) {
            dirs = s.filter(Files::isDirectory).filter(d -> !d.equals(dst))
                    .filter(d -> !d.startsWith(dst.resolve(".aniprep")))
                    .filter(d -> !MediaFiles.RESERVED_FOLDERS.contains(dst.relativize(d).getName(0).toString()))
                    .sorted(Comparator.reverseOrder()).toList();
        }
        for (Path d : dirs) {
            List<Path> inside;
            try (Stream<Path> s = Files.list(d)) {
                inside = s.limit(2).toList();
            }
            if (inside.size() == 1 && inside.get(0).getFileName().toString().equals(org.aniprep.dataset.balance.BalanceRun.MULTIPLY)
                    && Files.isRegularFile(inside.get(0), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(inside.get(0));
                inside = List.of();
            }
            if (inside.isEmpty()) {
                Files.delete(d);
            }
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
