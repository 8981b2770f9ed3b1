package org.aniprep.cli;

import org.aniprep.console.Problems;
import org.aniprep.dataset.arrange.ArrangeRecovery;
import org.aniprep.dataset.arrange.ArrangeStage;
import org.aniprep.io.FolderLock;
import org.aniprep.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code aniprep arrange}: the training tree {@code n_characters/character/face_height_ratio_X-Y}.
 * {@code --undo} and {@code --dry-run} are this command's own (not stage options: a pipeline run
 * neither previews nor undoes); everything else is {@link ArrangeStage}.
 */
@Command(name = "arrange", mixinStandardHelpOptions = true,
        description = {"Arrange images with their sidecars and captions into the training tree the seed describes: "
                + "1_character/NameA/face_height_ratio_25-50, 2_characters/NameA+NameB/..., others/... (configurable levels).",
                "Every step is journaled: --undo puts everything back exactly; an interrupted run is finished by the next one. "
                        + "Writes _report/dataset.html under --dst."})
public final class ArrangeCommand extends StageCommand<ArrangeStage.Options> {
    @Spec
    CommandSpec spec;

    @Mixin
    ArrangeStage.Options options = new ArrangeStage.Options();

    @Option(names = "--dry-run", description = "Print the tree with counts; change nothing.")
    boolean dryRun;

    @Option(names = "--undo", paramLabel = "JOURNAL|DST",
            description = "Undo an arrangement: its journal (.aniprep/arrange/<id>.json under --dst), or --dst for the latest.")
    Path undo;

    @Override
    protected Stage<ArrangeStage.Options> stage() {
        return new ArrangeStage();
    }

    @Override
    protected ArrangeStage.Options options() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        if (undo != null) {
            return undo();
        }
        if (options.src == null || options.dst == null) {
            throw new UsageException("--src and --dst are needed (or --undo JOURNAL)");
        }
        if (dryRun) {
            Problems problems = new Problems();
            new ArrangeStage().preview(options, problems, spec.commandLine().getOut()); // changes nothing: no lock
            return problems.summarize("arrange");
        }
        return super.call();
    }

    private int undo() throws Exception {
        ArrangeRecovery.Target target;
        try {
            target = ArrangeRecovery.target(undo);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Problems problems = new Problems();
        try (FolderLock lock = locking.lock(target.dst());
             FolderLock srcLock = target.moved() && Files.isDirectory(target.src()) ? locking.lock(target.src()) : null) {
            ArrangeRecovery.undo(target, problems);
        }
        return problems.summarize("arrange --undo");
    }
}
