package org.aniprep.cli;

import org.aniprep.console.ExitCodes;
import org.aniprep.console.Progress;
import org.aniprep.console.StderrLines;
import org.aniprep.io.FolderLock;
import picocli.CommandLine;

import java.util.Arrays;

/** Entry point of the {@code aniprep} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (used by tests, too). */
    public static int run(String... args) {
        configureLogging(args);
        CommandLine cl = new CommandLine(new AniprepCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("aniprep: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (Boolean.getBoolean("aniprep.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ex instanceof org.aniprep.pipeline.BadOptions || ex instanceof FolderLock.LockedException ? ExitCodes.USAGE : ExitCodes.SOME_INPUTS_FAILED;
        });
        return cl.execute(args);
    }

    /** Log level must be set before the first logger exists, so options are peeked at here. */
    private static void configureLogging(String[] args) {
        boolean quiet = Arrays.stream(args).anyMatch(a -> a.equals("-q") || a.equals("--quiet"));
        boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        String level = quiet ? "warn" : verbose ? "debug" : "info";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        Progress.setQuiet(quiet);
        StderrLines.install();
    }
}
