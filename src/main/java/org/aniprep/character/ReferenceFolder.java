package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.NaturalOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The layout of a reference folder: {@code refs/<Name>/*} (any images, any depth), names kept as they
 * are for display; {@code refs/noise*} folders are sinks; loose images at the top are named by the
 * part of the file name before the first {@code _} ({@code Eileen_2.png} → Eileen). Two folders that
 * differ only in case are one character (they would be one folder on a case-insensitive disk): the
 * second is reported and merged into the first.
 */
public final class ReferenceFolder {
    /** The images of one character (or noise sink). */
    public record Entry(String name, boolean noise, List<Path> images) {
    }

    private ReferenceFolder() {
    }

    public static boolean isNoise(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("noise");
    }

    public static List<Entry> scan(Path refs, Problems problems) throws IOException {
        Map<String, String> byFolded = new LinkedHashMap<>();
        Map<String, List<Path>> images = new LinkedHashMap<>();
        List<Path> children;
        try (Stream<Path> s = Files.list(refs)) {
            children = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted(NaturalOrder.PATHS).toList();
        }
        for (Path child : children) {
            String raw = child.getFileName().toString();
            boolean folder = Files.isDirectory(child);
            if (!folder && !MediaFiles.isImage(child)) {
                continue;
            }
            String name = folder ? raw : looseName(child);
            String folded = name.toLowerCase(Locale.ROOT);
            String known = byFolded.get(folded);
            if (known != null && !known.equals(name)) {
                problems.add(child, "reference name '" + name + "' differs from '" + known + "' only in case; its images count as "
                        + known + " (rename one of them if they are two characters)");
            }
            String character = known != null ? known : name;
            byFolded.putIfAbsent(folded, name);
            List<Path> list = images.computeIfAbsent(character, k -> new ArrayList<>());
            if (folder) {
                List<Path> found = MediaFiles.find(child, true, null, MediaFiles::isImage, problems::add, java.util.Set.of());
                if (found.isEmpty()) {
                    problems.add(child, "reference folder has no images; '" + name + "' cannot be recognised until it has some");
                }
                list.addAll(found);
            } else {
                list.add(child);
            }
        }
        List<Entry> out = new ArrayList<>();
        images.forEach((name, files) -> {
            if (!files.isEmpty()) {
                out.add(new Entry(name, isNoise(name), List.copyOf(files)));
            }
        });
        return out;
    }

    private static String looseName(Path file) {
        String stem = MediaFiles.stem(file);
        int cut = stem.indexOf('_');
        return cut > 0 ? stem.substring(0, cut) : stem;
    }
}
