package org.aniprep.pipeline;

import org.aniprep.console.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/** Runs one stage on its own, as {@code aniprep <stage>} does: check, lock, run, summary, exit code. */
public final class StageRunner {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    private StageRunner() {
    }

    /**
     * @param holder what the lock file says holds the folders, e.g. {@code aniprep tag}
     * @param wait   wait for another run writing the same folders instead of stopping
     * @return 0, or 2 when some inputs failed (each named on stderr); bad options throw {@link BadOptions}
     */
    public static <O> int alone(Stage<O> stage, O options, String holder, boolean wait) throws IOException {
        stage.check(options);
        Optional<String> unavailable = stage.unavailable(options);
        if (unavailable.isPresent()) {
            throw new BadOptions(unavailable.get());
        }
        Problems problems = new Problems();
        try (StageLocks locks = StageLocks.lockAll(stage.writes(options), holder, wait)) {
            StageResult result = stage.run(options, new StageContext(problems));
            result.lines().forEach(LOG::info);
        }
        return problems.summarize(stage.name());
    }
}
