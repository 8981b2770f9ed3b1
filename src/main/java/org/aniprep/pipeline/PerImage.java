package org.aniprep.pipeline;

import org.aniprep.console.Problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stage whose work is one image at a time (detect, tag) exposes besides {@link Stage#run}, so
 * that the same per-image code runs in this JVM and spread over a cluster:
 * <ol>
 *   <li>{@link #plan}: where the stage runs (the driver), which images are still to do (the records
 *       say which are done), in order;</li>
 *   <li>{@link #process}: some of those images (all of them locally; one partition in a Spark task),
 *       each from its image and record to its sidecar section, written atomically under the image's own
 *       name, with the models opened once per JVM ({@code model.ModelCache}); bad images go to
 *       {@code problems} and the rest go on; returns counts to add up;</li>
 *   <li>{@link #summarise}: after every image, where the stage runs: its report and its result.</li>
 * </ol>
 * {@link #runHere} is the three in a row, which is what the stage's own {@code run} does.
 *
 * @param <O> the stage's options
 * @param <P> its plan
 */
public interface PerImage<O, P extends PerImage.Plan> {
    /** The images still to do, and whatever the stage keeps for its summary. */
    interface Plan {
        List<Path> todo();

        /**
         * Lengths of the runs of {@link #todo} that one {@link #process} call must take whole (filter's
         * episodes), adding up to its size; empty when any cut will do.
         */
        default List<Integer> groups() {
            return List.of();
        }
    }

    P plan(O options, Problems problems) throws IOException;

    /** Counts by name (e.g. {@code detected}, {@code faces}); runs on any thread of any JVM that sees the images. */
    Map<String, Long> process(O options, List<Path> images, Problems problems) throws IOException;

    StageResult summarise(O options, P plan, Map<String, Long> counts, Problems problems) throws IOException;

    /** Plan, process every image here, summarise: a stage's {@code run} in one JVM. */
    default StageResult runHere(O options, StageContext context) throws IOException {
        P plan = plan(options, context.problems());
        Map<String, Long> counts = plan.todo().isEmpty() ? Map.of() : process(options, plan.todo(), context.problems());
        return summarise(options, plan, counts, context.problems());
    }

    /** {@code a} plus {@code b}, name by name, in {@code a}'s order then {@code b}'s new names. */
    static Map<String, Long> add(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }
}
