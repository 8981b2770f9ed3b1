package org.aniprep.cli;

import org.aniprep.console.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The root command: lists the stages. {@code scope = INHERIT} gives every subcommand, present and
 * future, {@code --help} (exit 0) and {@code --version}.
 */
@Command(name = "aniprep",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "aniprep " + org.aniprep.console.AniprepVersion.NAME,
        description = "Turns anime episodes into a tagged, captioned, balanced Stable Diffusion dataset.",
        subcommands = {
                ExtractCommand.class,
                DemoCommand.class,
                DedupCommand.class,
                FanartCommand.class,
                ModelsCommand.class,
                TagCommand.class,
                DetectCommand.class,
                FilterCommand.class,
                ClassifyCommand.class,
                MetadataCommand.class,
                CaptionCommand.class,
                ArrangeCommand.class,
                BalanceCommand.class,
                RunCommand.class,
                ReviewCommand.class,
        },
        footer = {"", "Exit codes: 0 all good, 1 usage or configuration error, 2 some inputs failed "
                + "(each named on stderr).", "Run 'aniprep COMMAND --help' for a command's options."})
public final class AniprepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    /** No command given: a usage error (exit 1), with the list of commands on stderr. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("aniprep: no command given");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
