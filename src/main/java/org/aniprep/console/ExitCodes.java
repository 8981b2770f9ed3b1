package org.aniprep.console;

/** Exit codes of every aniprep command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Bad usage or configuration: nothing (or nothing more) was done. */
    public static final int USAGE = 1;
    /** The run finished, but some inputs could not be processed (each was named on stderr). */
    public static final int SOME_INPUTS_FAILED = 2;

    private ExitCodes() {
    }
}
