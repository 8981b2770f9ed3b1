package org.aniprep.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Splits a long list over several files: {@code name.html}, {@code name-2.html}, ..., each with a
 * {@link Pager}, so a page of 50 000 frames opens as fast as one of 50.
 */
public final class Paging {
    private Paging() {
    }

    /** One page's share of the items. */
    public record Slice<T>(int number, Path file, List<T> items, Pager pager) {
    }

    /** The slices of {@code items} for the first page {@code first} ({@code .../name.html}); at least one. */
    public static <T> List<Slice<T>> split(Path first, List<T> items, int perPage) {
        int count = Math.max(1, (items.size() + perPage - 1) / perPage);
        List<String> names = new ArrayList<>();
        for (int p = 1; p <= count; p++) {
            names.add(fileName(first, p));
        }
        List<Slice<T>> out = new ArrayList<>();
        for (int p = 1; p <= count; p++) {
            List<T> part = items.subList(Math.min(items.size(), (p - 1) * perPage), Math.min(items.size(), p * perPage));
            out.add(new Slice<>(p, first.resolveSibling(names.get(p - 1)), List.copyOf(part), Pager.of(p, names)));
        }
        return out;
    }

    /** Removes the later pages of an earlier, longer report ({@code name-K.html} beyond {@code keep}). */
    public static void removeBeyond(Path first, int keep) throws IOException {
        Path dir = first.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        Pattern later = Pattern.compile(Pattern.quote(stem(first)) + "-(\\d+)\\.html");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                var m = later.matcher(f.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) > keep) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    static String fileName(Path first, int page) {
        return page == 1 ? first.getFileName().toString() : stem(first) + "-" + page + ".html";
    }

    private static String stem(Path first) {
        return first.getFileName().toString().replaceFirst("\\.html?$", "");
    }
}
