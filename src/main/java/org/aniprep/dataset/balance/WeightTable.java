package org.aniprep.dataset.balance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folder weights from CSV lines {@code folder_or_glob,weight} (e.g. {@code 1_character,2},
 * {@code *}{@code /face_height_ratio_75-100,0.3}), looked up as the successor does: a line whose
 * text equals the folder's name wins, else the first line whose shell pattern ({@code *} also
 * crosses {@code /}, as Python's fnmatch) matches the folder's path below the tree or its absolute
 * path; no line: weight 1. Blank lines, {@code #} comments and a {@code folder,weight} header are skipped.
 */
public final class WeightTable {
    private static final Logger LOG = LoggerFactory.getLogger(WeightTable.class);

    /** One weight line and where it came from (for warnings). */
    public record Line(String pattern, double weight, String origin, Pattern regex) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final Set<Line> used = new HashSet<>();

    public static WeightTable empty() {
        return new WeightTable();
    }

    /** Adds the lines of a CSV; later lines for the same pattern replace earlier ones. */
    public WeightTable read(Path csv, List<String> problemsOut) throws IOException {
        List<String> text = Files.readAllLines(csv, StandardCharsets.UTF_8);
        boolean first = true;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            String origin = csv.getFileName() + " line " + (i + 1);
            if (comma <= 0) {
                problemsOut.add(origin + ": expected folder_or_glob,weight, got '" + line + "'");
                continue;
            }
            boolean header = first;
            first = false;
            String pattern = line.substring(0, comma).strip();
            String w = line.substring(comma + 1).strip();
            double weight;
            try {
                weight = Double.parseDouble(w);
            } catch (NumberFormatException e) {
                if (header) {
                    continue; // e.g. folder,weight
                }
                problemsOut.add(origin + ": weight '" + w + "' is not a number");
                continue;
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                problemsOut.add(origin + ": weight " + w + " must be 0 or more");
                continue;
            }
            add(pattern, weight, origin);
        }
        return this;
    }

    public WeightTable add(String pattern, double weight, String origin) {
        lines.removeIf(l -> l.pattern().equals(pattern));
        lines.add(new Line(pattern, weight, origin, Pattern.compile(fnmatch(pattern))));
        return this;
    }

    /** The weight of the folder {@code name} at {@code rel} (below the tree) / {@code abs}. */
    public double weightOf(String name, String rel, String abs) {
        for (Line l : lines) {
            if (l.pattern().equals(name)) {
                used.add(l);
                return l.weight();
            }
        }
        for (Line l : lines) {
            if (l.regex().matcher(rel).matches() || l.regex().matcher(abs).matches()) {
                used.add(l);
                return l.weight();
            }
        }
        return 1;
    }

    /** Lines that named no folder of the tree, after every folder was looked up. */
    public List<Line> unused() {
        return lines.stream().filter(l -> !used.contains(l)).toList();
    }

    public void warnUnused(java.util.function.Predicate<Line> which) {
        for (Line l : unused()) {
            if (which.test(l)) {
                LOG.warn("{}: '{}' names no folder of the tree; its weight {} is not used", l.origin(), l.pattern(), l.weight());
            }
        }
    }

    /** Python fnmatch.translate, POSIX flavour: {@code *} any text (also '/'), {@code ?} one character, {@code [...]} a set. */
    static String fnmatch(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int j = i;
                    if (j < n && pattern.charAt(j) == '!') {
                        j++;
                    }
                    if (j < n && pattern.charAt(j) == ']') {
                        j++;
                    }
                    while (j < n && pattern.charAt(j) != ']') {
                        j++;
                    }
                    if (j >= n) {
                        re.append("\\[");
                    } else {
                        String set = pattern.substring(i, j).replace("\\", "\\\\");
                        i = j + 1;
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        } else if (set.startsWith("^")) {
                            set = "\\" + set;
                        }
                        re.append('[').append(set).append(']');
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return "(?s)" + re;
    }
}
