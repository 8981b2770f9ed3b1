package org.aniprep.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad inputs of one run: each is logged at once as one line (which file, what is wrong), the run
 * goes on, and at the end {@link #summarize} prints the list and the exit code becomes 2.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    public void add(Path file, String message) {
        add(file == null ? "(none)" : file.toString(), message);
    }

    public synchronized void add(String file, String message) {
        Problem p = new Problem(file, message);
        problems.add(p);
        LOG.error("{}", p);
    }

    public synchronized List<Problem> list() {
        return List.copyOf(problems);
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    public synchronized int count() {
        return problems.size();
    }

    /** Prints the summary of failures (if any) and returns the exit code: 0, or 2 when some failed. */
    public synchronized int summarize(String what) {
        if (problems.isEmpty()) {
            return ExitCodes.OK;
        }
        LOG.error("{}: {} input(s) failed:", what, problems.size());
        for (Problem p : problems) {
            LOG.error("  {}", p);
        }
        return ExitCodes.SOME_INPUTS_FAILED;
    }
}
