package org.aniprep.dataset.arrange;

import org.aniprep.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file steps of an arrangement, each safe to repeat after a crash: a step whose result is
 * already there does nothing, and none replaces a file it did not make.
 */
final class FileOps {
    private static final Logger LOG = LoggerFactory.getLogger(FileOps.class);
    private static volatile boolean symlinkWarned;

    private FileOps() {
    }

    /**
     * Copies {@code from} to {@code to} (mode and time kept) through a temp file; nothing when
     * {@code to} is already a complete copy. Not synced file by file (that tripled arrange's time):
     * the journal is, and a copy a crash left shorter than its source is made again by the next run.
     */
    static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && Files.size(to) == Files.size(from)) {
            return;
        }
        Path dir = to.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(AtomicFiles.TEMP_PREFIX + ProcessHandle.current().pid() + "-" + to.getFileName());
        Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        try {
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** A hard link, or an absolute symbolic link where hard links cannot be made (another file system). */
    static void link(Path from, Path to) throws IOException {
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(to.toAbsolutePath().getParent());
        try {
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            if (!symlinkWarned) {
                symlinkWarned = true;
                LOG.warn("hard links are not possible here ({}); --link makes symbolic links instead", e.getMessage());
            }
            Files.createSymbolicLink(to, from.toAbsolutePath());
        }
    }

    /**
     * Moves {@code from} to {@code to}. Done already when {@code from} is gone and {@code to} is
     * there; refuses when both exist (someone put a file in the way).
     */
    static void move(Path from, Path to) throws IOException {
        boolean src = Files.exists(from, LinkOption.NOFOLLOW_LINKS);
        boolean dst = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
        if (!src && dst) {
            return;
        }
        if (!src) {
            throw new IOException(from + " is missing and " + to + " is not there either");
        }
        if (dst) {
            throw new FileAlreadyExistsException(to + " is in the way (not overwritten)");
        }
        Files.createDirectories(to.toAbsolutePath().getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            // another file system: copy through a temp file, then remove the original
            copy(from, to);
            Files.delete(from);
        }
    }

    static void deleteIfExists(Path p) throws IOException {
        Files.deleteIfExists(p);
    }
}
