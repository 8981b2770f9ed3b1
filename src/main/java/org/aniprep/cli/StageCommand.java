package org.aniprep.cli;

import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageRunner;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code aniprep <stage>}: a thin wrapper that mixes the stage's options in (subclass field
 * {@code @Mixin O options}) and runs it alone ({@link StageRunner#alone}).
 */
public abstract class StageCommand<O> implements Callable<Integer> {
    @Mixin
    LockOptions locking;

    protected abstract Stage<O> stage();

    protected abstract O options();

    @Override
    public Integer call() throws Exception {
        return StageRunner.alone(stage(), options(), locking.holder(), locking.waits());
    }
}
