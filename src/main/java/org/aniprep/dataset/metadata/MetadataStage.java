package org.aniprep.dataset.metadata;

import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The metadata stage: the seed's count/characters/general/facepos/tags in every sidecar ({@link MetadataRun}). */
public final class MetadataStage implements Stage<MetadataStage.Options> {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataStage.class);

    /** {@code aniprep metadata}'s options (and {@code metadata.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
        public Path src;

        @Option(names = "--general", defaultValue = MetadataOptions.DEFAULT_GENERAL, paramLabel = "TEXT",
                description = "General description; the series and episode from the source section are appended "
                        + "(anishot yamaS2EP04). Default: ${DEFAULT-VALUE}.")
        public String general;

        @Option(names = "--count", defaultValue = "faces", paramLabel = "characters|faces|people",
                description = "What 'count' counts: named characters, detected faces (the seed's default), or people from "
                        + "the count tags 1girl, 2girls, ..., 6+boys. Default: ${DEFAULT-VALUE}.")
        public CountMode count;

        @Option(names = "--from-folders", description = "Read the names back from the folder tree made by 'aniprep arrange' "
                + "after images were moved by hand (folder wins; other keys stay as they are).")
        public boolean fromFolders;

        @Option(names = "--levels", defaultValue = MetadataOptions.DEFAULT_LEVELS, paramLabel = "LIST",
                description = "The tree's levels as given to arrange, for --from-folders. Default: ${DEFAULT-VALUE}.")
        public String levels;

        @Option(names = "--always-facepos", description = "Write facepos even when the faces and the names do not correspond.")
        public boolean alwaysFacepos;

        @Option(names = "--overwrite", description = "Replace keys edited by hand, and names that came from folders.")
        public boolean overwrite;
    }

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public void check(Options o) {
        BadOptions.requireFolder("--src", o.src);
        runOptions(o);
    }

    @Override
    public List<Path> writes(Options o) {
        return List.of(o.src);
    }

    @Override
    public StageResult run(Options o, StageContext context) throws IOException {
        MetadataRun.Summary s = new MetadataRun(runOptions(o), context.problems()).run();
        s.missing().forEach((what, n) -> LOG.warn("{} image(s) {}", n, switch (what) {
            case SIDECAR -> "had no sidecar: no character, new sidecars written";
            case CLASSIFY -> "have no classify section: no characters (the classify stage has not run on them: "
                    + "'aniprep classify', or 'aniprep run' with --refs)";
            case DETECT -> "have no detect section: no facepos" + (o.count == CountMode.FACES ? ", no count" : "")
                    + " (the detect stage has not run on them: 'aniprep detect')";
            case TAG -> "have no tag section: no tags" + (o.count == CountMode.PEOPLE ? ", no count" : "")
                    + " (the tag stage has not run on them: 'aniprep tag', which 'aniprep run' skips while the tagger"
                    + " is not on the machine)";
        }));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("wrote %d sidecar(s), %d unchanged%s%s", s.written(), s.unchanged(),
                s.keptEdited() == 0 ? "" : ", " + s.keptEdited() + " kept because they were edited by hand (--overwrite replaces them)",
                o.fromFolders ? "; names changed from folders: " + s.namesChanged() : ""));
        if (o.fromFolders && s.notNamedByFolder() > 0) {
            lines.add(s.notNamedByFolder() + " image(s) are in no character folder (or in character_others); their names are unchanged");
        }
        return StageResult.ofLines(lines, "written", s.written(), "unchanged", s.unchanged(), "kept_edited", s.keptEdited());
    }

    private static MetadataOptions runOptions(Options o) {
        try {
            return new MetadataOptions(o.src, o.general, o.count, o.fromFolders, MetadataOptions.levels(o.levels), o.alwaysFacepos, o.overwrite);
        } catch (IllegalArgumentException e) {
            throw new BadOptions("--levels: " + e.getMessage());
        }
    }
}
