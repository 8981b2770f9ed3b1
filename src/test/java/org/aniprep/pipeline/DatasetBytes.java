package org.aniprep.pipeline;

import org.aniprep.model.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A folder as relative path → SHA-256 of the bytes, for "byte-identical" checks. The run's own
 * bookkeeping ({@code .aniprep/}: arrange's journals, named by time; {@code .aniprep.lock}) is not
 * part of the dataset and is left out.
 */
final class DatasetBytes {
    private DatasetBytes() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString();
                if (!rel.startsWith(".aniprep")) {
                    files.put(rel, Sha256.of(f));
                }
            }
        }
        return files;
    }

    /** Fails naming every file missing, extra or different, with the first differing line of text files. */
    static void assertSame(Path expected, Path actual, String context) throws IOException {
        Map<String, String> want = of(expected);
        Map<String, String> got = of(actual);
        if (want.equals(got)) {
            return;
        }
        List<String> lines = new ArrayList<>();
        Set<String> all = new TreeSet<>(want.keySet());
        all.addAll(got.keySet());
        for (String rel : all) {
            if (!got.containsKey(rel)) {
                lines.add("missing: " + rel);
            } else if (!want.containsKey(rel)) {
                lines.add("extra:   " + rel);
            } else if (!want.get(rel).equals(got.get(rel))) {
                lines.add("differs: " + rel + firstDifference(expected.resolve(rel), actual.resolve(rel)));
            }
        }
        fail("dataset differs from the uninterrupted run's (" + lines.size() + " files):\n"
                + String.join("\n", lines.subList(0, Math.min(60, lines.size()))) + "\nkill points:\n" + context);
    }

    /** Text files: the first difference with some context either side (sidecars are often one long line). */
    private static String firstDifference(Path a, Path b) throws IOException {
        String name = a.getFileName().toString();
        if (!(name.endsWith(".json") || name.endsWith(".txt") || name.endsWith(".html"))) {
            return " (" + Files.size(a) + " vs " + Files.size(b) + " bytes)";
        }
        String x = Files.readString(a, StandardCharsets.UTF_8);
        String y = Files.readString(b, StandardCharsets.UTF_8);
        int i = 0;
        while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        return "\n    uninterrupted: ..." + around(x, i) + "...\n    killed+rerun:  ..." + around(y, i) + "...";
    }

    private static String around(String s, int i) {
        return s.substring(Math.max(0, i - 150), Math.min(s.length(), i + 150)).replace("\n", "\\n");
    }
}
