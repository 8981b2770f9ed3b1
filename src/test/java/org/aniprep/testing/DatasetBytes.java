package org.aniprep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.model.Sha256;
import org.aniprep.sidecar.Json;

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

/**
 * A folder as relative path → SHA-256 of the bytes, for "byte-identical" checks (a local run against a
 * killed-and-resumed one, a Spark run against a local one). The run's own bookkeeping ({@code .aniprep/}
 * at any depth: arrange's journals, named by time; {@code .aniprep.lock}) is not part of the dataset
 * and is left out.
 */
public final class DatasetBytes {
    private DatasetBytes() {
    }

    /** Every file below {@code root} (none when it does not exist). */
    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                if (!rel.startsWith(".aniprep") && !rel.contains("/.aniprep")) {
                    files.put(rel, Sha256.of(f));
                }
            }
        }
        return files;
    }

    /** A frames folder's images, sidecars and captions, without its HTML reports (they carry times). */
    public static Map<String, String> records(Path frames) throws IOException {
        Map<String, String> all = of(frames);
        all.keySet().removeIf(k -> k.startsWith("_report/") || k.endsWith(".html"));
        return all;
    }

    /** Every file missing, extra or different in {@code actual}, with the first difference of text files. */
    public static List<String> differences(Path expected, Path actual) throws IOException {
        Map<String, String> want = of(expected);
        Map<String, String> got = of(actual);
        List<String> lines = new ArrayList<>();
        if (want.equals(got)) {
            return lines;
        }
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
        return lines;
    }

    /** Text files: the first difference with some context either side (sidecars are often one long line). */
    private static String firstDifference(Path a, Path b) throws IOException {
        String name = a.getFileName().toString();
        if (!(name.endsWith(".json") || name.endsWith(".txt") || name.endsWith(".html"))) {
            return " (" + Files.size(a) + " vs " + Files.size(b) + " bytes)";
        }
        String x = Files.readString(a, StandardCharsets.UTF_8);
        String y = Files.readString(b, StandardCharsets.UTF_8);
        String sections = name.endsWith(".json") ? sections(x, y) : "";
        int i = 0;
        while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        return sections + "\n    uninterrupted: ..." + around(x, i) + "...\n    killed+rerun:  ..." + around(y, i) + "...";
    }

    /** A sidecar's top-level keys whose values differ: each is a section named after the stage that writes it. */
    private static String sections(String x, String y) {
        try {
            JsonNode a = Json.MAPPER.readTree(x);
            JsonNode b = Json.MAPPER.readTree(y);
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            List<String> differ = keys.stream().filter(k -> !java.util.Objects.equals(a.get(k), b.get(k))).toList();
            return " (sections that differ: " + String.join(", ", differ) + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String around(String s, int i) {
        return s.substring(Math.max(0, i - 150), Math.min(s.length(), i + 150)).replace("\n", "\\n");
    }
}
