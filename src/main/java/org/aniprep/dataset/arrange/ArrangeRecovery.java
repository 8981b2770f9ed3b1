package org.aniprep.dataset.arrange;

import org.aniprep.console.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finishing an interrupted arrangement, and {@code --undo}. */
public final class ArrangeRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(ArrangeRecovery.class);

    private ArrangeRecovery() {
    }

    /** Runs the rest of every journal of --dst that was neither finished nor undone. */
    static void finishInterrupted(Path dst, Problems problems) throws IOException {
        for (Path p : ArrangeJournal.all(dst)) {
            if (!ArrangeJournal.isDone(p) && !ArrangeJournal.isUndone(p)) {
                ArrangeJournal j = ArrangeJournal.read(p);
                LOG.info("finishing the interrupted arrangement {} ({} images) first", p, j.entries().size());
                new JournalRunner(dst, problems).run(j, "arrange: finish " + j.id());
            }
        }
    }

    /**
     * Undoes the arrangement recorded in {@code journalOrDst} (a journal file, or a --dst folder: its
     * latest arrangement). Only the latest arrangement not yet undone can be undone, so reruns that
     * moved images placed by an earlier one are reversed first. Returns the images put back.
     */
    public static int undo(Target target, Problems problems) throws IOException {
        int back = new JournalRunner(target.dst(), problems).undo(target.journal());
        LOG.info("undo: {} of {} image(s) put back ({} arrangement of {})", back, target.journal().entries().size(),
                target.journal().mode(), target.journal().started());
        return back;
    }

    /** The arrangement an --undo names, and the folders it writes (--dst, and for a move the source folders). */
    public record Target(ArrangeJournal journal, Path dst) {
        public boolean moved() {
            return JournalEntry.MOVE.equals(journal.mode());
        }

        public Path src() {
            return Path.of(journal.src());
        }
    }

    /** Finds the arrangement to undo; refuses one already undone or with a later one still standing. */
    public static Target target(Path journalOrDst) throws IOException {
        Path journal = journalOrDst;
        if (Files.isDirectory(journalOrDst)) {
            List<Path> all = ArrangeJournal.all(journalOrDst.toAbsolutePath().normalize());
            journal = all.stream().filter(p -> !ArrangeJournal.isUndone(p)).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException(journalOrDst + " holds no arrangement to undo"));
        }
        if (!Files.isRegularFile(journal)) {
            throw new IllegalArgumentException(journal + ": no such journal");
        }
        ArrangeJournal j;
        try {
            j = ArrangeJournal.read(journal);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (ArrangeJournal.isUndone(journal)) {
            throw new IllegalArgumentException(journal + " was undone already");
        }
        Path dst = Path.of(j.dst());
        if (!sameFile(journal, j.file(dst))) {
            // a copied or hand-made journal would undo (delete, prune) in whatever folder its dst names
            throw new IllegalArgumentException(journal + " is not an arrange journal of " + dst + ": that folder's journal "
                    + j.id() + " lies at " + j.file(dst) + " (journals are not undone from another place)");
        }
        String name = journal.getFileName().toString();
        List<Path> later = ArrangeJournal.all(dst).stream()
                .filter(p -> p.getFileName().toString().compareTo(name) > 0)
                .filter(p -> !ArrangeJournal.isUndone(p)).toList();
        if (!later.isEmpty()) {
            throw new IllegalArgumentException("undo the later arrangement " + later.get(later.size() - 1) + " first");
        }
        return new Target(j, dst);
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        return Files.exists(b) && Files.isSameFile(a, b);
    }
}
