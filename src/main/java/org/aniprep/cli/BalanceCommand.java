package org.aniprep.cli;

import org.aniprep.console.Problems;
import org.aniprep.dataset.balance.BalanceStage;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aniprep balance}: multiply.txt per folder from a weighted folder tree, and kohya hand-offs.
 * {@code --dry-run} is this command's own (a pipeline run does not preview); the rest is {@link BalanceStage}.
 */
@Command(name = "balance", mixinStandardHelpOptions = true,
        description = {"Balance a training tree: multiply.txt in every image folder (EveryDream) so that sibling folders get "
                + "their weighted share of training whatever their image counts; optionally a kohya sd-scripts dataset TOML "
                + "and kohya N_name folders.",
                "Prints folder, images, multiply, target share (from the weights) and effective share (with the written multiplies)."})
public final class BalanceCommand extends StageCommand<BalanceStage.Options> {
    @Spec
    CommandSpec spec;

    @Mixin
    BalanceStage.Options options = new BalanceStage.Options();

    @Option(names = "--dry-run", description = "Print the table; write nothing.")
    boolean dryRun;

    @Override
    protected Stage<BalanceStage.Options> stage() {
        return new BalanceStage(spec.commandLine().getOut());
    }

    @Override
    protected BalanceStage.Options options() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        if (dryRun) {
            Problems problems = new Problems();
            new BalanceStage(spec.commandLine().getOut()).preview(options, problems); // changes nothing: no lock
            return problems.summarize("balance");
        }
        return super.call();
    }
}
