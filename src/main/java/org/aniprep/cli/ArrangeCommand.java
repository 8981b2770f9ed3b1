package org.aniprep.cli;

import org.aniprep.console.Problems;
import org.aniprep.dataset.arrange.ArrangeOptions;
import org.aniprep.dataset.arrange.ArrangeRecovery;
import org.aniprep.dataset.arrange.Arranger;
import org.aniprep.dataset.arrange.Level;
import org.aniprep.dataset.report.DatasetReport;
import picocli.CommandLine.ArgGroup;
import org.aniprep.io.FolderLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code aniprep arrange}: the training tree {@code n_characters/character/face_height_ratio_X-Y}. */
@Command(name = "arrange", mixinStandardHelpOptions = true,
        description = {"Arrange images with their sidecars and captions into the training tree the seed describes: "
                + "1_character/NameA/face_height_ratio_25-50, 2_characters/NameA+NameB/..., others/... (configurable levels).",
                "Every step is journaled: --undo puts everything back exactly; an interrupted run is finished by the next one. "
                        + "Writes _report/dataset.html under --dst."})
public final class ArrangeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LockOptions locking;

    @Option(names = "--src", paramLabel = "DIR", description = "Folder of images with their sidecars (searched recursively).")
    Path src;

    @Option(names = "--dst", paramLabel = "DIR", description = "The training tree (new, empty, or an earlier arrangement).")
    Path dst;

    @Option(names = "--levels", defaultValue = "n_characters,character,face_height_ratio", paramLabel = "LIST",
            description = "Folder levels, any subset and order of n_characters, character, face_height_ratio, n_faces. "
                    + "Default: ${DEFAULT-VALUE}.")
    String levels;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--copy", description = "Copy (the default).")
        boolean copy;
        @Option(names = "--move", description = "Move; --undo moves everything back.")
        boolean move;
        @Option(names = "--link", description = "Hard-link the images (symbolic links across file systems); sidecars and captions are copied.")
        boolean link;
    }

    @Option(names = "--min-images-per-combination", defaultValue = "10", paramLabel = "N",
            description = "Character combinations with fewer images go to character_others. Default: ${DEFAULT-VALUE}.")
    int minPerCombination;

    @Option(names = "--max-characters", defaultValue = "6", paramLabel = "N",
            description = "N or more characters share the folder N+_characters. Default: ${DEFAULT-VALUE}.")
    int maxCharacters;

    @Option(names = "--keep-src-structure", description = "Repeat the source's sub-folders (e.g. episodes) above the levels.")
    boolean keepSrcStructure;

    @Option(names = "--dry-run", description = "Print the tree with counts; change nothing.")
    boolean dryRun;

    @Option(names = "--undo", paramLabel = "JOURNAL|DST",
            description = "Undo an arrangement: its journal (.aniprep/arrange/<id>.json under --dst), or --dst for the latest.")
    Path undo;

    @Option(names = "--max-size", defaultValue = "0", paramLabel = "PX",
            description = "Training copies: shorter side at most PX (area-averaged, never upscaled). Default: keep.")
    int maxSize;

    @Option(names = "--format", paramLabel = "webp|png|jpg", description = "Training copies re-encoded in this format. Default: keep.")
    String format;

    @Option(names = "--quality", defaultValue = "95", paramLabel = "Q", description = "WebP/JPEG quality 1-100. Default: ${DEFAULT-VALUE}.")
    int quality;

    @Option(names = "--include-crops", description = "Add detect's crops (labelled with their character); a crop covering more "
            + "than half of its frame gives way to the frame.")
    boolean includeCrops;

    @Option(names = "--crop-dir", paramLabel = "DIR", description = "Where the crops are. Default: <src>/_crops.")
    Path cropDir;

    @Option(names = "--max-per-character", defaultValue = "0", paramLabel = "N",
            description = "At most N images per character (the sharpest of each stretch of time). Default: no cap.")
    int maxPerCharacter;

    @Option(names = "--max-per-episode", defaultValue = "0", paramLabel = "N",
            description = "At most N images with characters per episode (same rule). Default: no cap.")
    int maxPerEpisode;

    @Option(names = {"--regularisation", "--reg"}, defaultValue = "500", paramLabel = "N|all",
            description = "Frames without a character kept as style regularisation, a seeded sample. Default: ${DEFAULT-VALUE}.")
    String regularisation;

    @Option(names = "--reg-folder", paramLabel = "NAME", description = "Put them in this top folder (e.g. reg) instead of others/.")
    String regFolder;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the regularisation sample. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--extra", paramLabel = "DIR[:WEIGHT]",
            description = "A folder of fan art (images with optional sidecar, .txt, .tags or booru JSON), arranged under "
                    + "fanart/ and weighted by balance with WEIGHT (default 1). Repeatable.")
    List<String> extras = new ArrayList<>();

    @Option(names = "--no-report", description = "Do not write _report/dataset.html.")
    boolean noReport;

    @Override
    public Integer call() throws Exception {
        Problems problems = new Problems();
        if (undo != null) {
            ArrangeRecovery.Target target;
            try {
                target = ArrangeRecovery.target(undo);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            try (FolderLock lock = locking.lock(target.dst());
                 FolderLock srcLock = target.moved() && Files.isDirectory(target.src()) ? locking.lock(target.src()) : null) {
                ArrangeRecovery.undo(target, problems);
            }
            return problems.summarize("arrange --undo");
        }
        ArrangeOptions options = options();
        try {
            Arranger.checkDestination(src, dst);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            new Arranger(options, problems, out).run(); // changes nothing: no lock
            return problems.summarize("arrange");
        }
        List<FolderLock> locks = new ArrayList<>();
        try {
            locks.add(locking.lock(dst));
            if (options.mode().equals("move")) {
                locks.add(locking.lock(src));
                for (ArrangeOptions.Extra e : options.extras()) {
                    locks.add(locking.lock(e.dir()));
                }
            }
            new Arranger(options, problems, out).run();
            if (!noReport) {
                DatasetReport.write(dst, problems);
            }
        } finally {
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).close();
            }
        }
        return problems.summarize("arrange");
    }

    private ArrangeOptions options() {
        if (src == null || dst == null) {
            throw new UsageException("--src and --dst are needed (or --undo JOURNAL)");
        }
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + ": not a folder");
        }
        List<Level> parsed;
        try {
            parsed = Level.parse(levels);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--levels: " + e.getMessage());
        }
        String m = mode.move ? "move" : mode.link ? "link" : "copy";
        if (format != null && !List.of("webp", "png", "jpg", "jpeg").contains(format.toLowerCase(Locale.ROOT))) {
            throw new UsageException("--format " + format + ": webp, png or jpg");
        }
        if ((maxSize > 0 || format != null) && !m.equals("copy")) {
            throw new UsageException("--max-size/--format make new training copies; they go with --copy, not --" + m);
        }
        if (quality < 1 || quality > 100 || maxSize < 0 || minPerCombination < 0 || maxCharacters < 1
                || maxPerCharacter < 0 || maxPerEpisode < 0) {
            throw new UsageException("--quality 1-100, --max-characters at least 1, sizes and caps not negative");
        }
        int reg;
        try {
            reg = regularisation.equalsIgnoreCase("all") ? -1 : Integer.parseInt(regularisation);
        } catch (NumberFormatException e) {
            throw new UsageException("--regularisation " + regularisation + ": a number or 'all'");
        }
        if (reg < -1) {
            throw new UsageException("--regularisation must not be negative");
        }
        String regName = regFolder == null ? null : org.aniprep.io.SafePaths.component(regFolder, "reg");
        return new ArrangeOptions(src, dst, parsed, m, minPerCombination, maxCharacters, keepSrcStructure, dryRun,
                ArrangeOptions.encode(maxSize, format, quality), includeCrops, cropDir, maxPerCharacter, maxPerEpisode, reg,
                regName, seed, parseExtras());
    }

    private List<ArrangeOptions.Extra> parseExtras() {
        List<ArrangeOptions.Extra> out = new ArrayList<>();
        for (String e : extras) {
            String dir = e;
            double weight = 1;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && !Files.isDirectory(Path.of(e))) {
                try {
                    weight = Double.parseDouble(e.substring(colon + 1));
                    dir = e.substring(0, colon);
                } catch (NumberFormatException ex) {
                    throw new UsageException("--extra " + e + ": expected DIR or DIR:WEIGHT");
                }
            }
            if (!(weight > 0)) {
                throw new UsageException("--extra " + e + ": the weight must be above 0");
            }
            if (!Files.isDirectory(Path.of(dir))) {
                throw new UsageException("--extra " + dir + ": not a folder");
            }
            out.add(new ArrangeOptions.Extra(Path.of(dir), weight));
        }
        return out;
    }
}
