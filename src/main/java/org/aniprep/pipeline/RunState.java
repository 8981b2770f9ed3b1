package org.aniprep.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.console.AniprepVersion;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.IoErrors;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code .aniprep/run.json}: which aniprep made the run folder (its folder format), and for each
 * stage that finished, the options it finished with, so a rerun with other options knows what to redo;
 * and the inputs the last run was given (episodes, references, fan art), so that {@code aniprep review}'s
 * Apply runs the dataset stages as that run would.
 */
public final class RunState {
    /** The layout of run folders this build reads and writes; a newer aniprep that changes it raises it. */
    public static final int FORMAT = 1;
    static final String FILE = "run.json";

    private final Path file;
    private final ObjectNode root;

    private RunState(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /** The state file of a run folder, if it has one. */
    public static Path fileOf(RunLayout layout) {
        return layout.state().resolve(FILE);
    }

    /** Reads the state (a fresh one when absent); a state from a newer aniprep or a damaged one is a {@link BadOptions}. */
    public static RunState load(RunLayout layout) {
        Path file = fileOf(layout);
        if (!Files.exists(file)) {
            return new RunState(file, fresh());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadOptions(file + " is damaged (" + IoErrors.describe(e) + "); move it away to start the run's "
                    + "bookkeeping afresh (the frames and records stay)");
        }
        if (!(node instanceof ObjectNode obj) || !obj.path("format").canConvertToInt()) {
            throw new BadOptions(file + " is not an aniprep run record; is " + layout.root() + " the right folder?");
        }
        int format = obj.get("format").asInt();
        if (format > FORMAT) {
            throw new BadOptions(layout.root() + " was written by aniprep " + obj.path("aniprep").asText("(a newer version)")
                    + " (run folder format " + format + "); this is aniprep " + AniprepVersion.NAME + ", which reads format "
                    + FORMAT + ": use that newer aniprep, or another folder");
        }
        return new RunState(file, obj);
    }

    private static ObjectNode fresh() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("aniprep", AniprepVersion.NAME);
        root.putObject("stages");
        return root;
    }

    /** The options a stage last finished with, if it did. */
    public Optional<ObjectNode> finishedWith(String stage) {
        JsonNode n = root.path("stages").path(stage).path("options");
        return n instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    /** Records that a stage finished with these options (written at once, atomically). */
    public void finished(String stage, ObjectNode options) throws IOException {
        ObjectNode stages = root.with("stages");
        stages.putObject(stage).set("options", options);
        save();
    }

    /** Forgets a stage's finish (it is to be redone). */
    /** Notes the run's inputs ({@code inputs}: src, refs, extra); saved with the next {@link #save}. */
    public void recordInputs(RunLayout layout) {
        ObjectNode in = root.putObject("inputs");
        in.put("src", layout.videos().toAbsolutePath().normalize().toString());
        if (layout.refs() != null) {
            in.put("refs", layout.refs().toAbsolutePath().normalize().toString());
        }
        layout.extras().forEach(in.putArray("extra")::add);
    }

    /**
     * The layout of the folder {@code root} with the inputs the last run recorded; a folder made before
     * they were recorded has none: no references, no fan art.
     */
    public RunLayout recordedLayout(Path root) {
        JsonNode in = this.root.path("inputs");
        Path src = in.hasNonNull("src") ? Path.of(in.get("src").asText()) : root.resolve("VIDEOS");
        Path refs = in.hasNonNull("refs") ? Path.of(in.get("refs").asText()) : null;
        java.util.List<String> extras = new java.util.ArrayList<>();
        in.path("extra").forEach(e -> extras.add(e.asText()));
        return new RunLayout(src, root, refs, extras);
    }

    public void forget(String stage) throws IOException {
        root.with("stages").remove(stage);
        save();
    }

    public void save() throws IOException {
        root.put("aniprep", AniprepVersion.NAME);
        Files.createDirectories(file.getParent());
        AtomicFiles.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
