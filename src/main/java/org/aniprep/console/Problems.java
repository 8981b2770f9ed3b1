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

    /** One bad input; control characters in names (a newline in a file name) are shown escaped, so it stays one line. */
    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return printable(file) + ": " + printable(message);
        }
    }

    /** {@code text} with line breaks, tabs and other control characters written as backslash escapes. */
    public static String printable(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c));
            }
        });
        return b.toString();
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
