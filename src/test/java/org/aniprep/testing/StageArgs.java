package org.aniprep.testing;

import org.aniprep.pipeline.Stage;
import picocli.CommandLine;

/** A stage's options filled from command-line arguments, as {@code aniprep run} fills them (without the CLI's command). */
public final class StageArgs {
    private StageArgs() {
    }

    public static <O> O parse(Stage<O> stage, String... args) {
        O options = stage.newOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return options;
    }
}
