package org.aniprep.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Writes files so that a reader (or a rerun after a crash) sees either the old content or the new,
 * never half a file: write to a temp file in the same folder, flush, then rename over the target.
 */
public final class AtomicFiles {
    /** Prefix of temp files; a crashed run may leave some, which {@link #isTemp} recognises. */
    public static final String TEMP_PREFIX = ".aniprep-tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    public interface PathWriter {
        void write(Path temp) throws IOException;
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Streams content into a temp file, then atomically replaces {@code target}. */
    public static void write(Path target, Writer writer) throws IOException {
        writeVia(target, temp -> {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
        });
    }

    /**
     * Lets a library write a temp file by path (e.g. an image encoder), then moves it into place.
     * The temp name keeps the target's extension so encoders that pick a format by name still work.
     */
    public static void writeVia(Path target, PathWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : ".tmp";
        Path temp = newTempFile(dir, ext);
        boolean moved = false;
        try {
            writer.write(temp);
            if (!Files.exists(temp) || Files.size(temp) == 0 && !allowsEmpty(target)) {
                throw new IOException("writer produced no data for " + target);
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(false);
            }
            keepMode(target, temp);
            move(temp, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Creates an empty temp file in {@code dir} named {@code .aniprep-tmp-<pid>-<n><ext>}, with the
     * mode the umask gives a new file (not the 0600 of {@link Files#createTempFile}); the pid lets a
     * later run tell the leftovers of a dead process ({@link TempFiles#removeStale}) from a live one's.
     */
    public static Path newTempFile(Path dir, String ext) throws IOException {
        while (true) {
            Path temp = dir.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(RANDOM.nextLong(), 36) + ext);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /**
     * A rewritten file keeps its permissions; a new one keeps the umask's. (The file system is asked
     * through its provider: {@code Files.getFileStore} parses the mount table on every call, where
     * arrange's 10 000-image bench spent most of its time.)
     */
    private static void keepMode(Path target, Path temp) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(temp, mode);
        } catch (NoSuchFileException e) {
            // a new file: the temp file was created with the umask's mode
        } catch (UnsupportedOperationException e) {
            // a mount without POSIX modes under a POSIX file system: nothing to keep
        }
    }

    /** Like {@link #write(Path, byte[])} but refuses to replace an existing file. */
    public static void writeNew(Path target, byte[] content) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        write(target, content);
    }

    /** Atomic rename where the file system allows it, plain replace otherwise. */
    public static void move(Path source, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static boolean isTemp(Path file) {
        return file.getFileName().toString().startsWith(TEMP_PREFIX);
    }

    private static boolean allowsEmpty(Path target) {
        String n = target.getFileName().toString();
        return n.endsWith(".txt") || n.endsWith(".done") || n.endsWith(".tags");
    }
}
