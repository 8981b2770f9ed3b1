package org.aniprep.cli;

import org.aniprep.console.Problems;
import org.aniprep.dataset.metadata.CountMode;
import org.aniprep.dataset.metadata.MetadataOptions;
import org.aniprep.dataset.metadata.MetadataRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.aniprep.io.FolderLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aniprep metadata}: the seed's count/characters/general/facepos/tags in every sidecar. */
@Command(name = "metadata",
        description = {"Fill the seed's metadata keys (count, characters, general, facepos, tags) at the top level of each "
                + "image's sidecar, from the source, detect, tag and classify sections.",
                "Example result: {\"count\": \"2\", \"characters\": [\"KuraueHinata\", \"AobaKokona\"], \"general\": "
                        + "\"anishot yamaS2EP04\", \"facepos\": [\"fvp 42 70 fhp 22 39\", \"fvp 15 37 fhp 62 75\"], \"tags\": [...]}",
                "Keys edited by hand since metadata wrote them are kept (reported) unless --overwrite."})
public final class MetadataCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataCommand.class);

    @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
    Path src;

    @Option(names = "--general", defaultValue = MetadataOptions.DEFAULT_GENERAL, paramLabel = "TEXT",
            description = "General description; the series and episode from the source section are appended "
                    + "(anishot yamaS2EP04). Default: ${DEFAULT-VALUE}.")
    String general;

    @Option(names = "--count", defaultValue = "faces", paramLabel = "characters|faces|people",
            description = "What 'count' counts: named characters, detected faces (the seed's default), or people from "
                    + "the count tags 1girl, 2girls, ..., 6+boys. Default: ${DEFAULT-VALUE}.")
    CountMode count;

    @Option(names = "--from-folders", description = "Read the names back from the folder tree made by 'aniprep arrange' "
            + "after images were moved by hand (folder wins; other keys stay as they are).")
    boolean fromFolders;

    @Option(names = "--levels", defaultValue = MetadataOptions.DEFAULT_LEVELS, paramLabel = "LIST",
            description = "The tree's levels as given to arrange, for --from-folders. Default: ${DEFAULT-VALUE}.")
    String levels;

    @Option(names = "--always-facepos", description = "Write facepos even when the faces and the names do not correspond.")
    boolean alwaysFacepos;

    @Option(names = "--overwrite", description = "Replace keys edited by hand, and names that came from folders.")
    boolean overwrite;

    @Mixin
    LockOptions locking;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + ": not a folder");
        }
        MetadataOptions options;
        try {
            options = new MetadataOptions(src, general, count, fromFolders, MetadataOptions.levels(levels), alwaysFacepos, overwrite);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--levels: " + e.getMessage());
        }
        Problems problems = new Problems();
        MetadataRun.Summary s;
        try (FolderLock lock = locking.lock(src)) {
            s = new MetadataRun(options, problems).run();
        }
        LOG.info("metadata: {} sidecar(s) written, {} unchanged{}{}", s.written(), s.unchanged(),
                s.keptEdited() == 0 ? "" : ", " + s.keptEdited() + " kept because they were edited by hand (--overwrite replaces them)",
                fromFolders ? "; names changed from folders: " + s.namesChanged() : "");
        if (fromFolders && s.notNamedByFolder() > 0) {
            LOG.info("{} image(s) are in no character folder (or in character_others); their names are unchanged", s.notNamedByFolder());
        }
        s.missing().forEach((what, n) -> LOG.warn("{} image(s) {}", n, switch (what) {
            case SIDECAR -> "had no sidecar: no character, new sidecars written";
            case CLASSIFY -> "have no classify section: no characters (run 'aniprep classify')";
            case DETECT -> "have no detect section: no facepos" + (count == CountMode.FACES ? ", no count" : "") + " (run 'aniprep detect')";
            case TAG -> "have no tag section: no tags" + (count == CountMode.PEOPLE ? ", no count" : "") + " (run 'aniprep tag')";
        }));
        return problems.summarize("metadata");
    }
}
