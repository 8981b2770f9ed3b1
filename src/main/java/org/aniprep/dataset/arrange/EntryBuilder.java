package org.aniprep.dataset.arrange;

import org.aniprep.console.Problems;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;
import org.aniprep.sidecar.ArrangeInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns placements into journal steps: the file name each image gets in its folder (its own,
 * made safe; {@code _2}, {@code _3}, ... when that name or a companion's is taken, so nothing is
 * ever overwritten), and on a rerun the images placed before: left alone when their folder and
 * content are unchanged, relocated inside --dst when only the folder changed, placed afresh when
 * their record or a companion (caption) changed ({@link Freshness}), and taken out when they are no
 * longer chosen; the files of a replaced or removed placement go to the journal's backup, never lost.
 */
final class EntryBuilder {
    private final Path dst;
    private final ArrangeOptions options;
    private final Map<String, String> placed;
    private final Map<String, Double> groupWeights;
    private final Set<String> taken = new HashSet<>();
    private final Companions companions = new Companions();
    private int inPlace;
    private int lost;
    private int replaced;
    private int removed;
    /** Paths (relative to --dst) an entry may take although they exist: its own earlier placement, about to be moved away. */
    private final Set<String> freed = new HashSet<>();
    private int originals;

    EntryBuilder(Path dst, ArrangeOptions options, Map<String, String> placed, Map<String, Double> groupWeights) {
        this.dst = dst;
        this.options = options;
        this.placed = placed;
        this.groupWeights = groupWeights;
    }

    int inPlace() {
        return inPlace;
    }

    int lost() {
        return lost;
    }

    int replaced() {
        return replaced;
    }

    int removed() {
        return removed;
    }

    List<JournalEntry> entries(List<TreePlanner.Placement> plan, Problems problems) {
        List<JournalEntry> out = new ArrayList<>(plan.size());
        for (TreePlanner.Placement p : plan) {
            try {
                JournalEntry e = entry(p);
                if (e != null) {
                    out.add(e);
                }
            } catch (IOException | IllegalArgumentException ex) {
                problems.add(p.image().file(), "cannot be placed in " + p.folder() + " (" + ex.getMessage() + ")");
            }
        }
        if (!JournalEntry.MOVE.equals(options.mode())) {
            out.addAll(removals(plan, problems));
        }
        return out;
    }

    /** Earlier placements of sources no longer chosen: taken out of --dst (kept in the journal's backup). */
    private List<JournalEntry> removals(List<TreePlanner.Placement> plan, Problems problems) {
        Set<String> planned = new HashSet<>();
        plan.forEach(p -> planned.add(p.image().file().toAbsolutePath().normalize().toString()));
        List<JournalEntry> out = new ArrayList<>();
        List<String> sources = new ArrayList<>(placed.keySet());
        java.util.Collections.sort(sources);
        for (String source : sources) {
            if (planned.contains(source)) {
                continue;
            }
            String earlier = placed.get(source);
            Path old = dst.resolve(earlier);
            if (!Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                continue; // moved away by hand since: not arrange's to take out
            }
            try {
                out.add(new JournalEntry(JournalEntry.REMOVE, old.toString(), source, earlier, null, null, null, null, null,
                        earlier, companions.of(old)));
                removed++;
            } catch (IOException e) {
                problems.add(old, "no longer chosen but cannot be read to be taken out (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private JournalEntry entry(TreePlanner.Placement p) throws IOException {
        DatasetImage img = p.image();
        Path file = img.file().toAbsolutePath().normalize();
        String source = file.toString();
        boolean move = JournalEntry.MOVE.equals(options.mode());
        Double weight = img.group() == null ? null : groupWeights.get(img.group());
        String earlier = move ? null : placed.get(source);
        String op = options.encode() != null ? JournalEntry.ENCODE : options.mode();
        String replaces = null;
        List<String> replacedFiles = null;
        if (earlier != null) {
            Path old = dst.resolve(earlier);
            if (!Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                lost++;
                return null;
            }
            String oldFolder = parentOf(earlier);
            List<String> own = companions.of(old);
            if (Freshness.current(file, img.companions(), old, own, new ArrangeInfo(img.type(), source, weight), op)) {
                if (oldFolder.equals(p.folder())) {
                    inPlace++;
                    taken.add(earlier);
                    own.forEach(c -> taken.add(rel(oldFolder, c)));
                    return null;
                }
                String name = freeName(p.folder(), MediaFiles.stem(old), MediaFiles.extension(old), own, old.getFileName().toString());
                return new JournalEntry(JournalEntry.RELOCATE, old.toString(), source, rel(p.folder(), name),
                        pairs(own, old.getFileName().toString(), name, null), null, null, img.type(), weight);
            }
            // its record, caption or image changed since: placed afresh, the old files kept in the journal's backup
            replaced++;
            replaces = earlier;
            replacedFiles = own;
            freed.add(earlier);
            own.forEach(c -> freed.add(rel(oldFolder, c)));
        }
        String ext = MediaFiles.extension(file);
        if (options.encode() != null) {
            ext = TrainingImages.extension(options.encode(), ext);
        }
        String sidecarName = MediaFiles.stem(file) + ".json";
        List<String> own = img.companions();
        String stem = SafePaths.component(MediaFiles.stem(file), "image");
        String name = freeName(p.folder(), stem, ext, own, file.getFileName().toString());
        freed.clear(); // only this entry may take its own earlier place
        String original = move && own.contains(sidecarName) ? (originals++) + ".json" : null;
        return new JournalEntry(op, source, source, rel(p.folder(), name), pairs(own, file.getFileName().toString(), name, sidecarName),
                MediaFiles.stem(Path.of(name)) + ".json", original, img.type(), weight, replaces, replacedFiles);
    }

    /** The first of {@code stem.ext}, {@code stem_2.ext}, ... whose image and companions are all free. */
    private String freeName(String folder, String stem, String ext, List<String> own, String oldName) {
        for (int k = 1; ; k++) {
            String name = (k == 1 ? stem : stem + "_" + k) + "." + ext;
            List<String> wanted = new ArrayList<>();
            wanted.add(rel(folder, name));
            wanted.add(rel(folder, MediaFiles.stem(Path.of(name)) + ".json"));
            for (String c : own) {
                wanted.add(rel(folder, Companions.renamed(c, oldName, name)));
            }
            if (wanted.stream().noneMatch(w -> taken.contains(w)
                    || !freed.contains(w) && Files.exists(dst.resolve(w), LinkOption.NOFOLLOW_LINKS))) {
                taken.addAll(wanted);
                return name;
            }
        }
    }

    private List<List<String>> pairs(List<String> own, String oldName, String newName, String skip) {
        List<List<String>> out = new ArrayList<>();
        for (String c : own) {
            if (!c.equals(skip)) {
                out.add(List.of(c, Companions.renamed(c, oldName, newName)));
            }
        }
        return out;
    }

    private String rel(String folder, String name) {
        String r = folder.isEmpty() ? name : folder + "/" + name;
        SafePaths.inside(dst, r); // refuses anything that would leave --dst
        return r;
    }

    private static String parentOf(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }
}
