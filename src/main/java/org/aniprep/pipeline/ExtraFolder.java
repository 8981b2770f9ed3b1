package org.aniprep.pipeline;

import org.aniprep.io.SafePaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code --extra DIR[:WEIGHT]} folder of fan art, and its group: the dataset folder it is arranged
 * under and the name balance weights it by ({@code fanart} for the only one, {@code fanart_<folder name>}
 * for each of several). {@code aniprep run} imports each into {@code frames/_extra/<group>/}; arrange
 * given the folder itself places it under the same group.
 */
public record ExtraFolder(Path dir, double weight, String group) {
    public static final String FANART = "fanart";

    /** {@code DIR} or {@code DIR:WEIGHT} (weight above 0, default 1); the folder must exist. */
    public static ExtraFolder parse(String spec) {
        String dir = spec;
        double weight = 1;
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && !Files.isDirectory(Path.of(spec))) {
            try {
                weight = Double.parseDouble(spec.substring(colon + 1));
                dir = spec.substring(0, colon);
            } catch (NumberFormatException ex) {
                throw new BadOptions("--extra " + spec + ": expected DIR or DIR:WEIGHT");
            }
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new BadOptions("--extra " + spec + ": the weight must be a number above 0");
        }
        if (!Files.isDirectory(Path.of(dir))) {
            throw new BadOptions("--extra " + dir + ": not a folder");
        }
        return new ExtraFolder(Path.of(dir), weight, FANART);
    }

    /** Every spec parsed, each with its own group. */
    public static List<ExtraFolder> parseAll(List<String> specs) {
        List<ExtraFolder> parsed = specs.stream().map(ExtraFolder::parse).toList();
        List<String> groups = groups(parsed.stream().map(ExtraFolder::dir).toList());
        List<ExtraFolder> out = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            out.add(new ExtraFolder(parsed.get(i).dir(), parsed.get(i).weight(), groups.get(i)));
        }
        return out;
    }

    /** {@code fanart} for one folder; {@code fanart_<folder name>} for each of several ({@code _2}, ... where names repeat). */
    public static List<String> groups(List<Path> dirs) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path dir : dirs) {
            String base = dirs.size() == 1 ? FANART
                    : FANART + "_" + SafePaths.component(dir.toAbsolutePath().normalize().getFileName() + "", "extra");
            String name = base;
            for (int k = 2; !used.add(name); k++) {
                name = base + "_" + k;
            }
            out.add(name);
        }
        return out;
    }
}
