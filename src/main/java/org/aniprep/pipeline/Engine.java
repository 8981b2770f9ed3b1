package org.aniprep.pipeline;

import java.io.IOException;
import java.util.Optional;

/**
 * Where {@code aniprep run} does a stage's work: {@link #LOCAL} in this JVM (the stage's own
 * {@link Stage#run}), or spread over a cluster (the Spark engine of {@code spark/}, which runs the
 * per-episode stages as tasks and the global ones here). The runner's bookkeeping (checks, locks,
 * run.json, report) is the same for every engine.
 */
public interface Engine extends AutoCloseable {
    /** Every stage in this JVM. */
    Engine LOCAL = (stage, layout, context) -> stage.run(context);

    /** Does the stage's work still to do, as {@link BoundStage#run} would; bad inputs go to {@code context.problems()}. */
    StageResult run(BoundStage<?> stage, RunLayout layout, StageContext context) throws IOException;

    /** Settings this engine needs (e.g. extract's episode scope), as {@code STAGE.KEY} = value; checked before the run. */
    default Optional<String> refuse(java.util.List<BoundStage<?>> stages) {
        return Optional.empty();
    }

    @Override
    default void close() {
    }

    /** Makes an engine from {@code aniprep run --engine NAME --master URL}; found with {@link java.util.ServiceLoader}. */
    interface Provider {
        String name();

        Engine open(String master, RunLayout layout);
    }
}
