package org.aniprep.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The temp files of {@link AtomicFiles} that an interrupted run left behind. */
public final class TempFiles {
    private static final Pattern WITH_PID = Pattern.compile(Pattern.quote(AtomicFiles.TEMP_PREFIX) + "(\\d+)-.*");

    private TempFiles() {
    }

    /**
     * Deletes, below {@code folder} (not following links, not entering hidden folders), every temp file
     * whose writing process is gone: its pid is no longer running, or it predates names with a pid.
     * Call it while holding the folder's {@link FolderLock}. Returns how many were removed.
     */
    public static int removeStale(Path folder) throws IOException {
        int[] removed = {0};
        long self = ProcessHandle.current().pid();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(folder) || !dir.getFileName().toString().startsWith(".") || AtomicFiles.isTemp(dir)
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && AtomicFiles.isTemp(file)) {
                    Optional<Long> pid = writer(file);
                    if ((pid.isEmpty() || pid.get() != self && ProcessHandle.of(pid.get()).isEmpty()) && delete(file)) {
                        removed[0]++;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE; // the stage's own search reports unreadable folders
            }
        });
        return removed[0];
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false; // a folder we may not write: the temp file stays, as harmless as before
        }
    }

    /** The pid in a temp file's name; empty for names without one (written by an older aniprep). */
    static Optional<Long> writer(Path temp) {
        Matcher m = WITH_PID.matcher(temp.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
