package org.aniprep.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per folder: an exclusive OS lock ({@link FileChannel#tryLock}) on {@code <folder>/.aniprep.lock},
 * which names the holder (pid, command, start time). The OS drops the lock when the process dies, so a
 * kill -9 leaves no stale lock; the file itself stays (deleting it would race with the next taker).
 *
 * <p>Re-entrant for the thread that holds it: a stage called by a command that already locked the
 * folder (e.g. {@code aniprep run} running several stages in one JVM) just acquires it again and
 * closes its handle; the lock goes when the outermost handle closes. Another thread of the same JVM
 * is refused (or waits) like another process. Close a handle on the thread that acquired it.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE_NAME = ".aniprep.lock";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    /** The OS lock of a folder (null where the file system has none) and who took it. */
    private record Held(FileChannel channel, FileLock lock, String holder) {
    }

    /** The folder is being written by another run, or cannot be locked at all. Commands exit 1 with its message. */
    public static final class LockedException extends RuntimeException {
        public LockedException(String message) {
            super(message);
        }
    }

    /** Tells a caller that is about to wait why (one line, once). */
    @FunctionalInterface
    public interface WaitNotice {
        void waiting(String message);
    }

    private final Path folder;
    private final ReentrantLock inProcess;
    private final boolean outermost;
    private boolean closed;

    private FolderLock(Path folder, ReentrantLock inProcess, boolean outermost) {
        this.folder = folder;
        this.inProcess = inProcess;
        this.outermost = outermost;
    }

    /**
     * Locks {@code folder} (created if missing) for {@code command}. When another run holds it:
     * {@code wait} false throws {@link LockedException} naming the folder and the holder; true waits
     * until it is free (telling {@code notice} once).
     */
    public static FolderLock acquire(Path folder, String command, boolean wait, WaitNotice notice) {
        Path real = realFolder(folder);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(real, k -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            local.lock();
            return new FolderLock(real, local, false);
        }
        if (!local.tryLock()) {
            Held other = HELD.get(real);
            String holder = other != null ? other.holder() : "another thread of this process";
            if (!wait) {
                throw busy(real, holder);
            }
            notice.waiting(waitingLine(real, holder));
            local.lock();
        }
        try {
            HELD.put(real, lockFile(real, command, wait, notice));
            return new FolderLock(real, local, true);
        } catch (RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** {@link #acquire(Path, String, boolean, WaitNotice)} without a notice. */
    public static FolderLock acquire(Path folder, String command, boolean wait) {
        return acquire(folder, command, wait, m -> { });
    }

    /** The folder, as its real path. */
    public Path folder() {
        return folder;
    }

    /** True for the handle that took the OS lock; false for a re-entrant one inside it. */
    public boolean outermost() {
        return outermost;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (outermost) {
            Held held = HELD.remove(folder);
            if (held != null) {
                try {
                    if (held.lock() != null) {
                        held.lock().release();
                    }
                    held.channel().close();
                } catch (IOException e) {
                    // closing the channel releases the lock in any case; the process exit would too
                }
            }
        }
        inProcess.unlock();
    }

    private static Held lockFile(Path real, String command, boolean wait, WaitNotice notice) {
        Path file = real.resolve(FILE_NAME);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (IOException unsupported) {
                // some network and FUSE file systems have no locks: say so, and write as before
                LOG.warn("{}: this file system does not lock files ({}); nothing stops a second aniprep run from writing "
                        + "here at the same time", real, IoErrors.describe(unsupported));
                return new Held(ch, null, "pid " + ProcessHandle.current().pid() + ", " + command);
            }
            if (lock == null) {
                String holder = describe(readHolder(ch));
                if (!wait) {
                    throw busy(real, holder);
                }
                notice.waiting(waitingLine(real, holder));
                lock = ch.lock();
            }
            String holder = "pid " + ProcessHandle.current().pid() + ", " + command + ", started " + TIME.format(Instant.now());
            byte[] info = ("pid=" + ProcessHandle.current().pid() + "\ncommand=" + command.replace('\n', ' ')
                    + "\nstarted=" + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(info), 0);
            ch.force(false);
            return new Held(ch, lock, holder);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new LockedException("cannot lock " + real + " for writing (" + IoErrors.describe(e) + ")");
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static Path realFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return folder.toRealPath();
        } catch (IOException e) {
            throw new LockedException("cannot use " + folder + " as a folder to write (" + IoErrors.describe(e) + ")");
        }
    }

    private static Properties readHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(4096, Math.max(0, ch.size())));
        ch.read(buf, 0);
        Properties p = new Properties();
        p.load(new StringReader(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8)));
        return p;
    }

    private static String describe(Properties p) {
        String pid = p.getProperty("pid");
        if (pid == null) {
            return "another aniprep process";
        }
        String started = p.getProperty("started");
        try {
            started = TIME.format(Instant.parse(started));
        } catch (RuntimeException e) {
            // an unreadable time is shown as written
        }
        return "pid " + pid + ", " + p.getProperty("command", "aniprep") + ", started " + started;
    }

    private static LockedException busy(Path real, String holder) {
        return new LockedException(real + " is being written by another aniprep run (" + holder
                + "); wait for it to finish, or add --wait to start when it has");
    }

    private static String waitingLine(Path real, String holder) {
        return "waiting for " + real + ": being written by another aniprep run (" + holder + ")";
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }
}
