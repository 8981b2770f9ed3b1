package org.aniprep.sidecar;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.atomic.AtomicInteger;

/** Stops or fails {@link MoveJournal}'s file operations at a chosen one, for crash and disk-full tests. */
public final class JournalFaults {
    private JournalFaults() {
    }

    /** File operation {@code k} (0 = writing the journal) and every later one fail as on a full disk. */
    public static void diskFullFrom(int k) {
        AtomicInteger n = new AtomicInteger();
        MoveJournal.hook = op -> {
            if (n.getAndIncrement() >= k) {
                throw new FileSystemException(op, null, "No space left on device");
            }
        };
    }

    /** Counts the operations of the runs from now on. */
    public static AtomicInteger count() {
        AtomicInteger n = new AtomicInteger();
        MoveJournal.hook = op -> n.incrementAndGet();
        return n;
    }

    public static void clear() {
        MoveJournal.hook = op -> { };
    }

    /**
     * From now on file operation {@code k} (0 = writing the journal) of the batches is not done: the
     * calling thread prints "stopped before OP" and waits to be killed (a child process of a crash test).
     */
    public static void pauseBefore(int k) {
        AtomicInteger n = new AtomicInteger();
        MoveJournal.hook = op -> {
            if (n.getAndIncrement() == k) {
                System.out.println("stopped before " + op);
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    throw new IOException("interrupted", e);
                }
            }
        };
    }

    /**
     * A child process: runs {@code aniprep ARGS...} but stops before file operation {@code args[0]},
     * printing "stopped before ..." and waiting to be killed; prints "finished" when it gets to the end.
     */
    public static void main(String[] args) {
        pauseBefore(Integer.parseInt(args[0]));
        String[] aniprep = java.util.Arrays.copyOfRange(args, 1, args.length);
        int rc = org.aniprep.cli.Main.run(aniprep);
        System.out.println("finished " + rc);
        System.exit(rc);
    }
}
