package org.aniprep.pipeline;

/** A bad option or configuration, found before any work is done (exit code 1); the message is for the user. */
public class BadOptions extends RuntimeException {
    public BadOptions(String message) {
        super(message);
    }
}
