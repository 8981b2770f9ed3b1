package org.aniprep.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One stage of the pipeline (extract, filter, dedup, ...), as both {@code aniprep <stage>} and
 * {@code aniprep run} use it. A stage is described by:
 * <ul>
 *   <li>its options: an object whose fields carry picocli {@code @Option}/{@code @Mixin} annotations
 *       ({@link #newOptions}); the stage command mixes it in, and {@code run} fills it from the config
 *       file and command line (config key {@code <stage>.<option>} = {@code --<option>}), so every
 *       option has one definition, one default and one help text;</li>
 *   <li>the options {@code run} sets from its folder layout ({@link #layoutArgs}), which the config
 *       cannot set;</li>
 *   <li>what it needs ({@link #unavailable}: a model that is not on the machine) and which folders it
 *       writes ({@link #writes}: the runner locks them, and tidies what an interrupted run left);</li>
 *   <li>{@link #run}: it reads the records (sidecars) to tell what is already done and does only the
 *       rest, reports each bad input to the context's problems and goes on, and returns its counts.</li>
 * </ul>
 * A stage writes its own sidecar section and reads others'; it never calls another stage.
 *
 * @param <O> the options type
 */
public interface Stage<O> {
    /** The command name and config section, e.g. {@code tag}. */
    String name();

    /** A fresh options object; its defaults are those of its picocli annotations once parsed. */
    O newOptions();

    /**
     * The options {@code aniprep run} sets itself, as command-line arguments (e.g.
     * {@code --src <root>/frames}, the default); their option names cannot be set in the config.
     */
    default List<String> layoutArgs(RunLayout layout) {
        return List.of("--src", layout.frames().toString()); // most stages work on the frames folder
    }

    /**
     * Options {@code run} owns even where {@link #layoutArgs} gives them no value (a list that is empty
     * this time, such as the fanart stage's {@code extra}): never config keys, never an option change.
     */
    default List<String> layoutOptions() {
        return List.of();
    }

    /**
     * Where {@code aniprep run} wants another default than the command alone (e.g. extract's streaming
     * dedup on), as command-line arguments; the config and command line can still change them.
     */
    default List<String> runDefaults() {
        return List.of();
    }

    /** Checks options that parsing cannot (ranges, combinations, folders that must exist); throws {@link BadOptions}. */
    default void check(O options) {
    }

    /**
     * Why the stage cannot run on this machine (its model is missing), with how to get it; empty
     * when it can. {@code aniprep <stage>} then stops (exit 1); {@code aniprep run} skips the stage
     * with this line unless the config requires it.
     */
    default Optional<String> unavailable(O options) {
        return Optional.empty();
    }

    /** The folders it writes, locked for its run (outermost first). */
    List<Path> writes(O options);

    /** Does the work still to do; bad inputs go to {@code context.problems()}. */
    StageResult run(O options, StageContext context) throws IOException;

    /**
     * The stage's per-image work, for a stage whose images are independent of each other ({@link PerImage}):
     * an engine may then spread {@link PerImage#process} over a cluster. Empty for the others.
     */
    default java.util.Optional<PerImage<O, ?>> perImage() {
        return java.util.Optional.empty();
    }
}
