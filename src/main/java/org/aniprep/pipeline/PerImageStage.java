package org.aniprep.pipeline;

import java.io.IOException;
import java.util.Optional;

/**
 * A stage whose work is {@link PerImage}'s plan, process and summarise (filter, detect, tag, classify):
 * its {@code run} is {@link #runHere}, and an engine that spreads images finds that work through
 * {@link #perImage}.
 *
 * @param <O> the stage's options
 * @param <P> its plan
 */
public interface PerImageStage<O, P extends PerImage.Plan> extends Stage<O>, PerImage<O, P> {
    @Override
    default StageResult run(O options, StageContext context) throws IOException {
        return runHere(options, context);
    }

    @Override
    default Optional<PerImage<O, ?>> perImage() {
        return Optional.of(this);
    }
}
