package org.aniprep.dataset.arrange;

import org.aniprep.console.Problems;
import org.aniprep.dataset.report.DatasetReport;
import org.aniprep.io.IoErrors;
import org.aniprep.io.SafePaths;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.ExtraFolder;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arrange stage: images with their sidecars and captions into the training tree ({@link Arranger}).
 * {@code --undo} and {@code --dry-run} are the command's own: neither is a step of a pipeline run.
 */
public final class ArrangeStage implements Stage<ArrangeStage.Options> {
    /** {@code aniprep arrange}'s options (and {@code arrange.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", paramLabel = "DIR", description = "Folder of images with their sidecars (searched recursively).")
        public Path src;

        @Option(names = "--dst", paramLabel = "DIR", description = "The training tree (new, empty, or an earlier arrangement).")
        public Path dst;

        @Option(names = "--levels", defaultValue = "n_characters,character,face_height_ratio", paramLabel = "LIST",
                description = "Folder levels, any subset and order of n_characters, character, face_height_ratio, n_faces. "
                        + "Default: ${DEFAULT-VALUE}.")
        public String levels;

        @ArgGroup(exclusive = true)
        public Mode mode = new Mode();

        /** How images get into the tree. */
        public static final class Mode {
            @Option(names = "--copy", description = "Copy (the default).")
            public boolean copy;
            @Option(names = "--move", description = "Move; --undo moves everything back.")
            public boolean move;
            @Option(names = "--link", description = "Hard-link the images (symbolic links across file systems); sidecars and captions are copied.")
            public boolean link;

            String name() {
                return move ? JournalEntry.MOVE : link ? JournalEntry.LINK : JournalEntry.COPY;
            }
        }

        @Option(names = "--min-images-per-combination", defaultValue = "10", paramLabel = "N",
                description = "Character combinations with fewer images go to character_others. Default: ${DEFAULT-VALUE}.")
        public int minPerCombination;

        @Option(names = "--max-characters", defaultValue = "6", paramLabel = "N",
                description = "N or more characters share the folder N+_characters. Default: ${DEFAULT-VALUE}.")
        public int maxCharacters;

        @Option(names = "--keep-src-structure", description = "Repeat the source's sub-folders (e.g. episodes) above the levels.")
        public boolean keepSrcStructure;

        @Option(names = "--max-size", defaultValue = "0", paramLabel = "PX",
                description = "Training copies: shorter side at most PX (area-averaged, never upscaled). Default: keep.")
        public int maxSize;

        @Option(names = "--format", paramLabel = "webp|png|jpg", description = "Training copies re-encoded in this format. Default: keep.")
        public String format;

        @Option(names = "--quality", defaultValue = "95", paramLabel = "Q", description = "WebP/JPEG quality 1-100. Default: ${DEFAULT-VALUE}.")
        public int quality;

        @Option(names = "--include-crops", description = "Add detect's crops (labelled with their character); a crop covering more "
                + "than half of its frame gives way to the frame.")
        public boolean includeCrops;

        @Option(names = "--crop-dir", paramLabel = "DIR", description = "Where the crops are. Default: <src>/_crops.")
        public Path cropDir;

        @Option(names = "--max-per-character", defaultValue = "0", paramLabel = "N",
                description = "At most N images per character (the sharpest of each stretch of time). Default: no cap.")
        public int maxPerCharacter;

        @Option(names = "--max-per-episode", defaultValue = "0", paramLabel = "N",
                description = "At most N images with characters per episode (same rule). Default: no cap.")
        public int maxPerEpisode;

        @Option(names = {"--regularisation", "--reg"}, defaultValue = "500", paramLabel = "N|all",
                description = "Frames without a character kept as style regularisation, a seeded sample. Default: ${DEFAULT-VALUE}.")
        public String regularisation;

        @Option(names = "--reg-folder", paramLabel = "NAME", description = "Put them in this top folder (e.g. reg) instead of others/.")
        public String regFolder;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the regularisation sample. Default: ${DEFAULT-VALUE}.")
        public long seed;

        @Option(names = "--extra", paramLabel = "DIR[:WEIGHT]",
                description = "A folder of fan art (images with optional sidecar, .txt, .tags or booru JSON), arranged under "
                        + "fanart/ and weighted by balance with WEIGHT (default 1). Repeatable.")
        public List<String> extras = new ArrayList<>();

        @Option(names = "--no-report", description = "Do not write _report/dataset.html.")
        public boolean noReport;
    }

    @Override
    public String name() {
        return "arrange";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    /**
     * The frames (with the captions beside them) into {@code dataset/}; run's {@code --extra} fan art is among
     * them, imported by the fanart stage into {@code frames/_extra/} (its {@code fanart} sections name group and weight).
     */
    @Override
    public List<String> layoutArgs(RunLayout layout) {
        return List.of("--src", layout.frames().toString(), "--dst", layout.dataset().toString());
    }

    /**
     * No {@code _report/} inside a run's training tree: {@code report.html} shows the final tree, and
     * trainers that read a tree recursively (EveryDream) would take the report's thumbnails for
     * training images.
     */
    @Override
    public List<String> runDefaults() {
        return List.of("--no-report");
    }

    @Override
    public void check(Options o) {
        ArrangeOptions options = settings(o);
        try {
            Arranger.checkDestination(options.src(), options.dst());
        } catch (IllegalArgumentException e) {
            throw new BadOptions(e.getMessage());
        } catch (IOException e) {
            throw new BadOptions("--dst " + o.dst + ": cannot be read (" + IoErrors.describe(e) + ")");
        }
    }

    /** --dst; for a move also --src and the --extra folders, whose files leave them. */
    @Override
    public List<Path> writes(Options o) {
        ArrangeOptions options = settings(o);
        List<Path> out = new ArrayList<>(List.of(options.dst()));
        if (options.mode().equals(JournalEntry.MOVE)) {
            out.add(options.src());
            options.extras().forEach(e -> out.add(e.dir()));
        }
        return out;
    }

    @Override
    public StageResult run(Options o, StageContext context) throws IOException {
        ArrangeOptions options = settings(o);
        Arranger.Summary s = new Arranger(options, context.problems()).run();
        if (!o.noReport) {
            DatasetReport.write(options.dst(), context.problems());
        }
        String line = String.format("%d image(s) placed in %s, %d already in place%s%s; journal %s (undo with --undo)", s.placed(),
                options.dst().toAbsolutePath().normalize(), s.inPlace(),
                s.replaced() + s.removed() == 0 ? "" : String.format(" (%d of them placed afresh: record, caption or folder changed), "
                        + "%d taken out (no longer chosen)", s.replaced(), s.removed()),
                s.lost() > 0 ? ", " + s.lost() + " placed earlier but no longer where arrange put them (not placed again)" : "",
                s.journal());
        return StageResult.of(line, placedCount(options.mode()), s.placed(), "in-place", s.inPlace(), "replaced", s.replaced(), "removed", s.removed(), "failed", s.failed(),
                "extras", s.ofType(DatasetImage.FANART), "regularisation", s.ofType(DatasetImage.REG), "folders", s.folders().size());
    }

    /** {@code --dry-run}: checks the options, prints the tree with counts and changes nothing (no lock needed). */
    public void preview(Options o, Problems problems, PrintWriter out) throws IOException {
        check(o);
        new Arranger(settings(o), problems).preview(out);
    }

    /** The dry run as data: what {@link #run} would place and where, for the options as bound; writes nothing. */
    public List<Arranger.Planned> plan(Options o, Problems problems) throws IOException {
        check(o);
        return new Arranger(settings(o), problems).planned();
    }

    private static String placedCount(String mode) {
        return switch (mode) {
            case JournalEntry.MOVE -> "moved";
            case JournalEntry.LINK -> "linked";
            default -> "copied";
        };
    }

    /** The options as the arranger takes them; a value parsing cannot check is a {@link BadOptions}. */
    static ArrangeOptions settings(Options o) {
        if (o.src == null || o.dst == null) {
            throw new BadOptions("--src and --dst are needed");
        }
        BadOptions.requireFolder("--src", o.src);
        List<Level> parsed;
        try {
            parsed = Level.parse(o.levels);
        } catch (IllegalArgumentException e) {
            throw new BadOptions("--levels: " + e.getMessage());
        }
        String m = o.mode.name();
        if (o.format != null && !List.of("webp", "png", "jpg", "jpeg").contains(o.format.toLowerCase(Locale.ROOT))) {
            throw new BadOptions("--format " + o.format + ": webp, png or jpg");
        }
        if ((o.maxSize > 0 || o.format != null) && !m.equals(JournalEntry.COPY)) {
            throw new BadOptions("--max-size/--format make new training copies; they go with --copy, not --" + m);
        }
        if (o.quality < 1 || o.quality > 100 || o.maxSize < 0 || o.minPerCombination < 0 || o.maxCharacters < 1
                || o.maxPerCharacter < 0 || o.maxPerEpisode < 0) {
            throw new BadOptions("--quality 1-100, --max-characters at least 1, sizes and caps not negative");
        }
        int reg;
        try {
            reg = o.regularisation.equalsIgnoreCase("all") ? -1 : Integer.parseInt(o.regularisation);
        } catch (NumberFormatException e) {
            throw new BadOptions("--regularisation " + o.regularisation + ": a number or 'all'");
        }
        if (reg < -1) {
            throw new BadOptions("--regularisation must not be negative");
        }
        String regName = o.regFolder == null ? null : SafePaths.component(o.regFolder, "reg");
        return new ArrangeOptions(o.src, o.dst, parsed, m, o.minPerCombination, o.maxCharacters, o.keepSrcStructure,
                ArrangeOptions.encode(o.maxSize, o.format, o.quality), o.includeCrops, o.cropDir, o.maxPerCharacter, o.maxPerEpisode, reg,
                regName, o.seed, extras(o.extras));
    }

    private static List<ArrangeOptions.Extra> extras(List<String> given) {
        return given.stream().map(ExtraFolder::parse).map(e -> new ArrangeOptions.Extra(e.dir(), e.weight())).toList();
    }
}
