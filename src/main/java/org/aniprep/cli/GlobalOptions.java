package org.aniprep.cli;

import picocli.CommandLine.Option;

/** Options every subcommand accepts (read early by {@link Main}; declared here for --help). */
public final class GlobalOptions {
    @Option(names = {"-q", "--quiet"}, scope = picocli.CommandLine.ScopeType.INHERIT, description = "Only warnings and errors; no progress bars.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT, description = "Debug logging.")
    boolean verbose;
}
