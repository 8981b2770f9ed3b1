package org.aniprep.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A WD14 {@code selected_tags.csv}: row i names output i. Groups are selected by the category
 * column (9 rating, 0 general, 4 character), never by row position, so a CSV whose groups are not
 * in the usual order still decodes correctly (model-specs.md §1.2).
 */
public record TagList(List<String> names, int[] ratings, int[] general, int[] character) {
    public static final int RATING = 9;
    public static final int GENERAL = 0;
    public static final int CHARACTER = 4;

    public int size() {
        return names.size();
    }

    public static TagList read(Path csv) throws IOException {
        List<String> names = new ArrayList<>();
        List<Integer> categories = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> cols = header == null ? List.of() : split(header.replace("\uFEFF", ""));
            if (cols.size() < 3 || !cols.get(0).equals("tag_id") || !cols.get(1).equals("name") || !cols.get(2).equals("category")) {
                throw new IOException(csv + ": not a WD14 selected_tags.csv (the header must start with tag_id,name,category)");
            }
            int lineNo = 1;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = split(line);
                if (f.size() < 3) {
                    throw new IOException(csv + ": line " + lineNo + " has " + f.size() + " fields, expected at least 3");
                }
                try {
                    categories.add(Integer.parseInt(f.get(2).strip()));
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + lineNo + ": category '" + f.get(2) + "' is not a number");
                }
                names.add(f.get(1));
            }
        }
        if (names.isEmpty()) {
            throw new IOException(csv + ": has no tags");
        }
        return new TagList(List.copyOf(names), indexes(categories, RATING), indexes(categories, GENERAL), indexes(categories, CHARACTER));
    }

    private static int[] indexes(List<Integer> categories, int category) {
        return java.util.stream.IntStream.range(0, categories.size()).filter(i -> categories.get(i) == category).toArray();
    }

    /** One CSV line, RFC 4180 quoting ("a,b" and "" inside quotes). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
