package org.aniprep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: lists the stages. */
@Command(name = "aniprep",
        mixinStandardHelpOptions = true,
        version = "aniprep 0.1.0",
        description = "Turns anime episodes into a tagged, captioned, balanced Stable Diffusion dataset.",
        subcommands = {
                ExtractCommand.class,
                DemoCommand.class,
                DedupCommand.class,
                ModelsCommand.class,
                TagCommand.class,
                DetectCommand.class,
                ClassifyCommand.class,
        },
        footer = {"", "Exit codes: 0 all good, 1 usage or configuration error, 2 some inputs failed "
                + "(each named on stderr).", "Run 'aniprep COMMAND --help' for a command's options."})
public final class AniprepCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
