package org.aniprep.cli;

import org.aniprep.pipeline.BadOptions;

/** A bad option or configuration, found after parsing (exit code 1). */
public class UsageException extends BadOptions {
    public UsageException(String message) {
        super(message);
    }
}
