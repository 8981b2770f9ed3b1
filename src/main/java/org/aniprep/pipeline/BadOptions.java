package org.aniprep.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/** A bad option or configuration, found before any work is done (exit code 1); the message is for the user. */
public class BadOptions extends RuntimeException {
    public BadOptions(String message) {
        super(message);
    }

    /** For {@link Stage#check}: {@code folder}, given as {@code option}, must be an existing folder. */
    public static void requireFolder(String option, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadOptions(option + " " + folder + ": not a folder");
        }
    }

    /** For {@link Stage#check}: a count such as {@code --batch} must be at least 1. */
    public static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new BadOptions(option + " must be at least 1");
        }
    }
}
