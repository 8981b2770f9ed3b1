package org.aniprep.dataset.arrange;

import org.aniprep.console.Problems;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.SafePaths;
import org.aniprep.pipeline.ExtraFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code aniprep arrange}: reads the images and their records, selects, plans the tree and places
 * every image with its companions through a journal (see {@link ArrangeJournal}).
 */
public final class Arranger {
    private static final Logger LOG = LoggerFactory.getLogger(Arranger.class);
    /** Default weights of the --extra folders, read by balance as its starting weights. */
    public static final String EXTRA_WEIGHTS = org.aniprep.dataset.balance.BalanceRun.EXTRA_WEIGHTS;
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private final ArrangeOptions options;
    private final Problems problems;
    private final Path dst;

    /**
     * What a run did: images placed now, already in place, placed earlier but moved away by hand
     * since (not placed again), failed; the journal; and the whole tree planned: images per folder
     * and per type ({@link DatasetImage#SCREENSHOTS}, {@link DatasetImage#FANART}, {@link DatasetImage#REG}).
     */
    public record Summary(int placed, int inPlace, int lost, int failed, Path journal, Map<String, Integer> folders,
                          Map<String, Integer> types, int replaced, int removed) {
        public int ofType(String type) {
            return types.getOrDefault(type, 0);
        }
    }

    /** Where every chosen image goes, and the weights of the --extra groups. */
    private record Plan(Path src, List<TreePlanner.Placement> placements, Map<String, Integer> folders, Map<String, Double> extraWeights) {
    }

    public Arranger(ArrangeOptions options, Problems problems) {
        this.options = options;
        this.problems = problems;
        this.dst = options.dst().toAbsolutePath().normalize();
    }

    /** {@code --dry-run}: prints the tree with counts; changes nothing. */
    public void preview(PrintWriter out) throws IOException {
        Plan plan = plan();
        out.println("arrange --dry-run: " + plan.placements().size() + " image(s) would go to " + dst);
        FolderCounts.print(plan.folders(), out);
        out.flush();
    }

    /** One image of a dry run: the file, the folder it would go to (relative to --dst, '/'-separated) and its type. */
    public record Planned(Path image, String folder, String type) {
    }

    /** The dry run as data ({@code aniprep review}'s dataset view): every image arrange would place, and where; writes nothing. */
    public List<Planned> planned() throws IOException {
        return plan().placements().stream().map(p -> new Planned(p.image().file(), p.folder(), p.image().type())).toList();
    }

    /** Finishes an interrupted arrangement of --dst, then places what is not yet in place (journaled). */
    public Summary run() throws IOException {
        ArrangeRecovery.finishInterrupted(dst, problems);
        List<ArrangeJournal> earlier = ArrangeJournal.finished(dst);
        Plan plan = plan();
        Map<String, Double> weights = new LinkedHashMap<>(plan.extraWeights());
        EntryBuilder builder = new EntryBuilder(dst, options, ArrangeJournal.placed(earlier), weights);
        List<JournalEntry> entries = builder.entries(plan.placements(), problems);
        String id = newId();
        ArrangeJournal journal = new ArrangeJournal(ArrangeJournal.VERSION, id, options.mode(), plan.src().toString(), dst.toString(),
                ZonedDateTime.now(ZoneOffset.UTC).toString(), options.encode(), entries);
        Files.createDirectories(ArrangeJournal.folder(dst));
        journal.write(dst);
        writeExtraWeights(plan.extraWeights());
        JournalRunner runner = new JournalRunner(dst, problems);
        int placed = runner.run(journal, "arrange: " + options.mode());
        if (!entries.isEmpty()) {
            runner.pruneEmptyFolders(); // folders whose images all moved away or were taken out
        }
        if (builder.replaced() + builder.removed() > 0) {
            LOG.info("{} image(s) placed afresh (their record, caption or folder changed), {} taken out (no longer chosen); "
                    + "the earlier files are kept in {} (--undo puts them back)", builder.replaced(), builder.removed(),
                    journal.replaced(dst));
        }
        Map<String, Integer> types = new TreeMap<>();
        plan.placements().forEach(p -> types.merge(p.image().type(), 1, Integer::sum));
        return new Summary(placed - builder.removed(), builder.inPlace(), builder.lost(), entries.size() - placed, journal.file(dst),
                plan.folders(), types, builder.replaced(), builder.removed());
    }

    private Plan plan() throws IOException {
        DatasetScanner scanner = new DatasetScanner(problems);
        Path src = options.src().toAbsolutePath().normalize();
        Set<Path> skip = new HashSet<>();
        if (SafePaths.isWithin(dst, src)) {
            skip.add(dst);
        }
        options.extras().forEach(e -> skip.add(e.dir().toAbsolutePath().normalize()));
        List<DatasetImage> frames = scanner.frames(src, skip);
        List<DatasetImage> crops = options.includeCrops()
                ? scanner.crops(options.cropDir() != null ? options.cropDir() : src.resolve("_crops"), src) : List.of();
        List<DatasetImage> extras = new ArrayList<>();
        Map<String, Double> extraWeights = new LinkedHashMap<>();
        List<String> groups = extraGroups(options.extras());
        for (int i = 0; i < options.extras().size(); i++) {
            ArrangeOptions.Extra e = options.extras().get(i);
            extras.addAll(scanner.extra(new DatasetScanner.Extra(e.dir(), e.weight(), groups.get(i))));
            extraWeights.put(groups.get(i), e.weight());
        }
        scanner.importedWeights().forEach(extraWeights::putIfAbsent);
        scanner.reportMissingSidecars();
        List<DatasetImage> all = new ArrayList<>(frames);
        all.addAll(extras);
        List<DatasetImage> chosen = Selection.select(all, crops, new Selection.Settings(options.maxPerCharacter(),
                options.maxPerEpisode(), options.regularisation(), options.seed()));
        TreePlanner planner = new TreePlanner(new TreePlanner.Settings(options.levels(), options.minPerCombination(),
                options.maxCharacters(), options.keepSrcStructure(), !extraWeights.isEmpty(), options.regFolder()));
        List<TreePlanner.Placement> placements = planner.plan(chosen);
        return new Plan(src, placements, FolderCounts.of(placements), extraWeights);
    }

    /**
     * Refuses a --dst that holds files of anything but an earlier arrangement (so a rerun converges
     * and another dataset is never mixed into), or that contains --src.
     */
    public static void checkDestination(Path src, Path dst) throws IOException {
        Path d = dst.toAbsolutePath().normalize();
        if (SafePaths.isWithin(src, d)) {
            throw new IllegalArgumentException("--src " + src + " lies inside --dst " + dst + "; choose a --dst outside it");
        }
        if (!Files.exists(d)) {
            return;
        }
        if (!Files.isDirectory(d)) {
            throw new IllegalArgumentException("--dst " + dst + " is a file, not a folder");
        }
        if (!ArrangeJournal.all(d).isEmpty()) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.list(d)) {
            List<String> foreign = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.equals("_report"))
                    .sorted().limit(3).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException("--dst " + dst + " already holds files aniprep did not arrange (" + String.join(", ", foreign)
                        + (foreign.size() == 3 ? ", ..." : "") + "); choose an empty or new folder");
            }
        }
    }

    private String newId() {
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(ID);
        String id = base;
        for (int k = 2; Files.exists(ArrangeJournal.folder(dst).resolve(id + ".json")); k++) {
            id = base + "-" + k;
        }
        return id;
    }

    /** {@code fanart} for one --extra folder; {@code fanart_<folder name>} for each of several. */
    static List<String> extraGroups(List<ArrangeOptions.Extra> extras) {
        return ExtraFolder.groups(extras.stream().map(ArrangeOptions.Extra::dir).toList());
    }

    private void writeExtraWeights(Map<String, Double> weights) throws IOException {
        if (weights.isEmpty()) {
            return;
        }
        Path file = dst.resolve(EXTRA_WEIGHTS);
        Map<String, Double> all = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int comma = line.lastIndexOf(',');
                if (comma > 0) {
                    try {
                        all.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1)));
                    } catch (NumberFormatException e) {
                        LOG.debug("ignoring line {} of {}", line, file);
                    }
                }
            }
        }
        all.putAll(weights);
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(k).append(',').append(v).append('\n'));
        AtomicFiles.writeString(file, sb.toString());
    }
}
