package org.aniprep.cli;

/** A bad option or configuration, found after parsing (exit code 1). */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
