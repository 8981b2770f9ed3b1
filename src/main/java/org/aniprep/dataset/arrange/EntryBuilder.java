package org.aniprep.dataset.arrange;

import org.aniprep.console.Problems;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;

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
 * ever overwritten), and on a rerun the images placed before: left alone when their folder is
 * unchanged, relocated inside --dst when it changed.
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
        return out;
    }

    private JournalEntry entry(TreePlanner.Placement p) throws IOException {
        DatasetImage img = p.image();
        Path file = img.file().toAbsolutePath().normalize();
        String source = file.toString();
        boolean move = JournalEntry.MOVE.equals(options.mode());
        Double weight = img.group() == null ? null : groupWeights.get(img.group());
        String earlier = move ? null : placed.get(source);
        if (earlier != null) {
            Path old = dst.resolve(earlier);
            if (!Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                lost++;
                return null;
            }
            String oldFolder = parentOf(earlier);
            if (oldFolder.equals(p.folder())) {
                inPlace++;
                taken.add(earlier);
                return null;
            }
            List<String> own = companions.of(old);
            String name = freeName(p.folder(), MediaFiles.stem(old), MediaFiles.extension(old), own, old.getFileName().toString());
            return new JournalEntry(JournalEntry.RELOCATE, old.toString(), source, rel(p.folder(), name),
                    pairs(own, old.getFileName().toString(), name, null), null, null, img.type(), weight);
        }
        String ext = MediaFiles.extension(file);
        if (options.encode() != null) {
            ext = TrainingImages.extension(options.encode(), ext);
        }
        String sidecarName = MediaFiles.stem(file) + ".json";
        List<String> own = img.companions();
        String stem = SafePaths.component(MediaFiles.stem(file), "image");
        String name = freeName(p.folder(), stem, ext, own, file.getFileName().toString());
        String op = options.encode() != null ? JournalEntry.ENCODE : options.mode();
        String original = move && own.contains(sidecarName) ? (originals++) + ".json" : null;
        return new JournalEntry(op, source, source, rel(p.folder(), name), pairs(own, file.getFileName().toString(), name, sidecarName),
                MediaFiles.stem(Path.of(name)) + ".json", original, img.type(), weight);
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
            if (wanted.stream().noneMatch(w -> taken.contains(w) || Files.exists(dst.resolve(w), LinkOption.NOFOLLOW_LINKS))) {
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
